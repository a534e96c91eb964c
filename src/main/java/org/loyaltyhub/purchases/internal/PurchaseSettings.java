package org.loyaltyhub.purchases.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the purchases module ({@code loyaltyhub.purchases.*}): the key that seals the stores' signing keys at
 * rest (base64, 32 bytes; when absent, one is generated into {@code keyFile}, default {@code ./data/purchases.key}).
 */
@ConfigurationProperties("loyaltyhub.purchases")
public record PurchaseSettings(String key, String keyFile) {

    public PurchaseSettings {
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/purchases.key" : keyFile;
    }
}
