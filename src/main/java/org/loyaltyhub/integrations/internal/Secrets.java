package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.SecretBox;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Encrypts shop credentials at rest ({@link SecretBox}, keyed by {@code loyaltyhub.integrations.key}). */
@Component
class Secrets {

    private final SecretBox box;

    Secrets(IntegrationSettings settings) {
        this.box = new SecretBox(settings.key(), settings.keyFile(), "integrations key (loyaltyhub.integrations.key)");
    }

    byte[] encrypt(String purpose, String plain) {
        return plain == null ? null : box.seal(purpose, plain.getBytes(StandardCharsets.UTF_8));
    }

    String decrypt(String purpose, byte[] stored) {
        return stored == null ? null : new String(box.open(purpose, stored), StandardCharsets.UTF_8);
    }

    static String randomToken(int bytes) {
        return SecretBox.randomToken(bytes);
    }
}
