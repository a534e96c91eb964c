package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Discount codes LoyaltyHub created in a shop for a redemption: an order that uses one settles the redemption. */
@Component
class ShopCodes {

    Optional<Long> redemptionUsed(Connection c, List<String> codes) {
        return Optional.empty();
    }
}
