package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;

/**
 * Registers LoyaltyHub's webhooks in a shop through the shop's API (each platform's own way), so nobody copies
 * addresses and secrets by hand. Running it again changes nothing that is already right: a webhook of the topic with
 * LoyaltyHub's address is kept, a missing one is created. Platforms whose plugin posts by itself need none.
 */
@Component
public class HookRegistration {

    private final ShopPlatforms platforms;

    HookRegistration(ShopPlatforms platforms) {
        this.platforms = platforms;
    }

    /**
     * @param publicBase the address shops reach LoyaltyHub at, without a trailing slash
     */
    public WebhookReport register(Connection c, String publicBase) {
        String url = publicBase + "/api/v1/hooks/" + c.platform().slug() + "/" + c.id();
        try {
            return platforms.of(c.platform()).registerWebhooks(c, url);
        } catch (ShopHttp.Unreachable e) {
            return WebhookReport.failed(url, e.getMessage());
        }
    }
}
