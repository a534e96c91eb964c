package org.loyaltyhub.integrations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the shop integrations ({@code loyaltyhub.integrations.*}): the encryption key of shop credentials
 * (base64, 32 bytes; when absent, one is generated into {@code keyFile}), how often failed deliveries are retried,
 * how long shop API calls may take, how long a discount code for points stays valid (7 days), and the Shopify app
 * LoyaltyHub installs into shops ({@code shopify.*}), and whether shops on private or local network addresses may
 * be called ({@code allow-private-addresses}, off: see {@link ShopAddresses}).
 */
@ConfigurationProperties("loyaltyhub.integrations")
public record IntegrationSettings(String key, String keyFile, Duration sweepInterval, Integer maxAttempts,
                                  Duration shopTimeout, Integer workers, Duration codeValidity,
                                  ShopifyApp shopify, Boolean allowPrivateAddresses) {

    /**
     * The Shopify app of this LoyaltyHub (created in Shopify's Dev Dashboard): its client id and secret
     * (LOYALTYHUB_INTEGRATIONS_SHOPIFY_CLIENT_SECRET; never in a file of the repository), the access scopes it asks
     * for, and, for tests only, an address that stands in for every {@code https://<shop>.myshopify.com}.
     */
    public record ShopifyApp(String clientId, String clientSecret, String scopes, String adminOrigin) {

        public ShopifyApp {
            clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
            scopes = scopes == null || scopes.isBlank() ? "read_orders,read_customers,write_discounts" : scopes.strip();
            adminOrigin = adminOrigin == null || adminOrigin.isBlank() ? null : adminOrigin.strip();
        }

        public boolean configured() {
            return clientId != null && clientSecret != null;
        }

        /** Where the shop's admin and API answer: {@code https://<domain>}, or the test stand-in. */
        public String origin(String shopDomain) {
            return adminOrigin != null ? adminOrigin : "https://" + shopDomain;
        }
    }

    public IntegrationSettings {
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/integrations.key" : keyFile;
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        shopTimeout = shopTimeout == null ? Duration.ofSeconds(10) : shopTimeout;
        workers = workers == null ? 2 : workers;
        codeValidity = codeValidity == null ? Duration.ofDays(7) : codeValidity;
        shopify = shopify == null ? new ShopifyApp(null, null, null, null) : shopify;
        allowPrivateAddresses = allowPrivateAddresses != null && allowPrivateAddresses;
    }
}
