package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;


/**
 * "Test connection": one harmless read from the shop's API with the stored credentials, reported as what is
 * wrong in words (unreachable, bad credentials, not that kind of shop, TLS) rather than as an error.
 */
@Component
public class ConnectionCheck {

    private final ShopPlatforms platforms;

    ConnectionCheck(ShopPlatforms platforms) {
        this.platforms = platforms;
    }

    public CheckResult check(Connection c) {
        try {
            return platforms.of(c.platform()).check(c);
        } catch (ShopHttp.Unreachable e) {
            return CheckResult.problem(e.getMessage());
        }
    }
}
