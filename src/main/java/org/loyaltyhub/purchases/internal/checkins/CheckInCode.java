package org.loyaltyhub.purchases.internal.checkins;

import org.loyaltyhub.purchases.CheckInRefusal;
import org.loyaltyhub.purchases.CheckInRefused;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A store poster's rotating check-in code: {@code <store id>-<12 hex digits>}, the first six bytes of HMAC-SHA256 of
 * {@code checkin:<store id>:<step>} with the store's key, where the step is the ten-minute period since the epoch.
 * A code is good in its period and the next one (a phone that scanned it just before the change still checks in).
 */
public record CheckInCode(long storeId, String mac) {

    static final long STEP_SECONDS = 600;
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("([1-9][0-9]{0,17})-([0-9a-f]{12})");

    public static CheckInCode at(byte[] key, long storeId, Instant now) {
        return new CheckInCode(storeId, mac(key, storeId, step(now)));
    }

    /** Reads a scanned or typed code; anything else is refused as {@code MALFORMED_CODE}. */
    public static CheckInCode read(String text) {
        var m = text == null ? null : SHAPE.matcher(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new CheckInRefused(CheckInRefusal.MALFORMED_CODE);
        }
        return new CheckInCode(Long.parseLong(m.group(1)), m.group(2));
    }

    /** True when the code is the store's for now or the period before. */
    public boolean currentFor(byte[] key, Instant now) {
        long step = step(now);
        return same(mac(key, storeId, step)) || same(mac(key, storeId, step - 1));
    }

    @Override
    public String toString() {
        return storeId + "-" + mac;
    }

    private boolean same(String expected) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static long step(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    private static String mac(byte[] key, long storeId, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(("checkin:" + storeId + ":" + step).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
