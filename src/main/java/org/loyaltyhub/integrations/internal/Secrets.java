package org.loyaltyhub.integrations.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts shop credentials at rest with AES-256-GCM (a random 12-byte nonce per value, stored before the
 * ciphertext; the column name is bound in as associated data so values cannot be swapped between columns).
 */
@Component
class Secrets {

    private static final Logger log = LoggerFactory.getLogger(Secrets.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;

    private final SecretKeySpec key;

    Secrets(IntegrationSettings settings) {
        this.key = new SecretKeySpec(loadKey(settings), "AES");
    }

    byte[] encrypt(String purpose, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    String decrypt(String purpose, byte[] stored) {
        if (stored == null) {
            return null;
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, stored, 0, NONCE));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(stored, NONCE, stored.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a stored " + purpose + ": was the integrations key changed?", e);
        }
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] loadKey(IntegrationSettings settings) {
        if (settings.key() != null && !settings.key().isBlank()) {
            return checked(Base64.getDecoder().decode(settings.key().strip()), "loyaltyhub.integrations.key");
        }
        Path file = Path.of(settings.keyFile());
        try {
            if (Files.exists(file)) {
                return checked(Base64.getDecoder().decode(Files.readString(file).strip()), file.toString());
            }
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(generated) + "\n");
            log.warn("Generated a new key for shop credentials in {} (mode 600). Back it up: without it the stored "
                    + "shop credentials cannot be read. Set loyaltyhub.integrations.key to manage it yourself.",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the integrations key " + file, e);
        }
    }

    private static byte[] checked(byte[] key, String where) {
        if (key.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes, base64-encoded (it has " + key.length + ")");
        }
        return key;
    }
}
