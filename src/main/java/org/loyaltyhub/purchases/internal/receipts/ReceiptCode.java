package org.loyaltyhub.purchases.internal.receipts;

import org.loyaltyhub.purchases.ReceiptRefusal;
import org.loyaltyhub.purchases.ReceiptRefused;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A receipt code as a till prints it (README "Receipt codes for tills"): version 1, the store id, the amount in minor
 * units, the receipt's minute since 2020-01-01 UTC and its number, each an unsigned 32-bit big-endian integer, then
 * the first 5 bytes of HMAC-SHA256 of those 17 bytes with the store's key; 22 bytes written in RFC 4648 base32
 * without padding (36 letters), shown in groups of four. Reading forgives case, spaces, dashes and 0/1/8 for O/I/B.
 */
public record ReceiptCode(long storeId, long amountMinor, Instant issuedAt, long receiptNumber) {

    static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private static final byte VERSION = 1;
    private static final int PAYLOAD = 17;
    private static final int MAC = 5;
    private static final long MAX = 0xFFFFFFFFL;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public ReceiptCode {
        issuedAt = issuedAt.truncatedTo(ChronoUnit.MINUTES);
        long minute = ChronoUnit.MINUTES.between(EPOCH, issuedAt);
        if (storeId < 1 || storeId > MAX || amountMinor < 1 || amountMinor > MAX || receiptNumber < 0
                || receiptNumber > MAX || minute < 0 || minute > MAX) {
            throw new IllegalArgumentException("A receipt code holds a store, an amount of at least one minor unit, "
                    + "a time after 2020 and a number, each below 2^32");
        }
    }

    /** The code signed with the store's key, in groups of four letters. */
    public String signed(byte[] key) {
        byte[] payload = payload();
        byte[] all = Arrays.copyOf(payload, PAYLOAD + MAC);
        System.arraycopy(mac(key, payload), 0, all, PAYLOAD, MAC);
        String plain = base32(all);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 4) {
            out.append(i == 0 ? "" : "-").append(plain, i, Math.min(plain.length(), i + 4));
        }
        return out.toString();
    }

    /** A code as read, not yet checked against its store's key. */
    public record Read(ReceiptCode code, byte[] payload, byte[] mac) {

        public boolean signedWith(byte[] key) {
            return MessageDigest.isEqual(Arrays.copyOf(ReceiptCode.mac(key, payload), MAC), mac);
        }
    }

    /** Reads a typed or scanned code; anything else is refused as {@code MALFORMED}. */
    public static Read read(String text) {
        String clean = text == null ? "" : text.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('0', 'O').replace('1', 'I').replace('8', 'B');
        byte[] bytes = clean.length() == 36 ? unbase32(clean) : null;
        if (bytes == null || bytes[0] != VERSION) {
            throw new ReceiptRefused(ReceiptRefusal.MALFORMED);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 1, PAYLOAD - 1);
        long store = Integer.toUnsignedLong(b.getInt());
        long amount = Integer.toUnsignedLong(b.getInt());
        long minute = Integer.toUnsignedLong(b.getInt());
        long number = Integer.toUnsignedLong(b.getInt());
        if (store < 1 || amount < 1) {
            throw new ReceiptRefused(ReceiptRefusal.MALFORMED);
        }
        return new Read(new ReceiptCode(store, amount, EPOCH.plus(minute, ChronoUnit.MINUTES), number),
                Arrays.copyOf(bytes, PAYLOAD), Arrays.copyOfRange(bytes, PAYLOAD, PAYLOAD + MAC));
    }

    private byte[] payload() {
        return ByteBuffer.allocate(PAYLOAD).put(VERSION).putInt((int) storeId).putInt((int) amountMinor)
                .putInt((int) ChronoUnit.MINUTES.between(EPOCH, issuedAt)).putInt((int) receiptNumber).array();
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte value : bytes) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The bytes of base32 text (its trailing bits must be zero), or null when it is not base32. */
    static byte[] unbase32(String text) {
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : text.toCharArray()) {
            int v = ALPHABET.indexOf(c);
            if (v < 0) {
                return null;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return (buffer & ((1 << bits) - 1)) == 0 ? out : null;
    }
}
