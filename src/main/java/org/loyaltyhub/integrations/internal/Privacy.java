package org.loyaltyhub.integrations.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a shop may ask LoyaltyHub to forget. A customer: the link between the shop's customer and the member, and
 * the stored deliveries that carried the customer's data (the member's own record is the circuit's, handled by
 * its privacy process). A shop: every delivery, order state and customer link, and the credentials.
 */
@Component
class Privacy {

    private final JdbcClient jdbc;
    private final CustomerMatcher matcher;
    private final Deliveries deliveries;
    private final Connections connections;

    Privacy(JdbcClient jdbc, CustomerMatcher matcher, Deliveries deliveries, Connections connections) {
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.deliveries = deliveries;
        this.connections = connections;
    }

    Outcome forgetCustomer(Connection c, String shopCustomerId) {
        if (shopCustomerId == null) {
            throw new IllegalArgumentException("the payload names no customer id");
        }
        boolean linked = matcher.unlink(c, shopCustomerId);
        int scrubbed = deliveries.scrubCustomer(c.id(), shopCustomerId);
        return Outcome.processed("customer " + shopCustomerId + " forgotten: " + (linked ? "member link removed, " : "no member link, ")
                + scrubbed + " stored deliveries emptied", null);
    }

    Outcome forgetShop(Connection c, long requestDeliveryId) {
        int removed = deliveries.deleteAllBut(c.id(), requestDeliveryId);
        jdbc.sql("delete from shop_order where connection_id = :conn").param("conn", c.id()).update();
        jdbc.sql("delete from member_shop_link where connection_id = :conn").param("conn", c.id()).update();
        connections.erase(c.id());
        return Outcome.processed("shop erased: " + removed + " deliveries, order states, customer links and credentials "
                + "deleted; the connection is inactive", null);
    }
}
