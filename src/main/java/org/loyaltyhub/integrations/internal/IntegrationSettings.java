package org.loyaltyhub.integrations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the shop integrations ({@code loyaltyhub.integrations.*}): the encryption key of shop credentials
 * (base64, 32 bytes; when absent, one is generated into {@code keyFile}), how often failed deliveries are retried,
 * how long shop API calls may take, and how long a discount code for points stays valid (7 days).
 */
@ConfigurationProperties("loyaltyhub.integrations")
public record IntegrationSettings(String key, String keyFile, Duration sweepInterval, Integer maxAttempts,
                                  Duration shopTimeout, Integer workers, Duration codeValidity) {

    public IntegrationSettings {
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/integrations.key" : keyFile;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        shopTimeout = shopTimeout == null ? Duration.ofSeconds(10) : shopTimeout;
        workers = workers == null ? 2 : workers;
        codeValidity = codeValidity == null ? Duration.ofDays(7) : codeValidity;
    }
}
