package org.loyaltyhub.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets at rest (shop credentials, wallet certificates) with AES-256-GCM: a random 12-byte nonce per value,
 * stored before the ciphertext; the purpose (a column name) is bound in as associated data so values cannot be
 * swapped between columns. The key comes from configuration (base64, 32 bytes) or a key file generated on first use.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final SecretKeySpec key;
    private final String keyName;

    /** {@code key}: base64 (may be null); otherwise read from {@code keyFile}, created (mode 600) when missing. */
    public SecretBox(String key, String keyFile, String keyName) {
        this.keyName = keyName;
        this.key = new SecretKeySpec(loadKey(key, Path.of(keyFile), keyName), "AES");
    }

    public byte[] seal(String purpose, byte[] plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = randomBytes(NONCE);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    public byte[] open(String purpose, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE));
            cipher.updateAAD(purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE, stored.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored " + purpose + ": was the " + keyName
                    + " changed?", e);
        }
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A random URL-safe token of {@code bytes} random bytes. */
    public static String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }

    private static byte[] loadKey(String configured, Path file, String keyName) {
        if (configured != null && !configured.isBlank()) {
            return checked(Base64.getDecoder().decode(configured.strip()), keyName);
        }
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            byte[] generated = randomBytes(32);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(generated) + "\n");
            log.warn("Generated a new {} in {} (mode 600). Back it up: without it what it encrypts cannot be read. "
                    + "Set it in the configuration to manage it yourself.", keyName, file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the " + keyName + " " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String where) {
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes, base64-encoded (it has " + key.length + ")");
        }
        return key;
    }
}
