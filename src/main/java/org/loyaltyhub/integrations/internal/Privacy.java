package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.purchases.Purchases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What a shop may ask LoyaltyHub to forget. A customer: the link between the shop's customer and the member, and
 * the stored deliveries that carried the customer's data (the member's own record is the circuit's, handled by
 * its privacy process). A shop: every delivery, order state and customer link, and the credentials, once the
 * removal it asked for is due (see {@link ShopRemovals}).
 */
@Component
public class Privacy {

    /** Shopify sends {@code shop/redact} 48 hours after an uninstall; LoyaltyHub waits as long again before erasing. */
    static final java.time.Duration SHOP_REMOVAL_DELAY = java.time.Duration.ofHours(48);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Privacy.class);

    private final JdbcClient jdbc;
    private final CustomerMatcher matcher;
    private final Deliveries deliveries;
    private final Connections connections;
    private final Purchases purchases;
    private final MemberRights rights;

    Privacy(JdbcClient jdbc, CustomerMatcher matcher, Deliveries deliveries, Connections connections,
            Purchases purchases, MemberRights rights) {
        this.purchases = purchases;
        this.rights = rights;
        this.jdbc = jdbc;
        this.matcher = matcher;
        this.deliveries = deliveries;
        this.connections = connections;
    }

    /**
     * The shop's customer asked to be forgotten (Shopify customers/redact): the member they are in LoyaltyHub is
     * erased (see {@link MemberRights}: the books keep an anonymous id), then the shop's link and stored deliveries go.
     */
    public Outcome forgetCustomer(Connection c, String shopCustomerId, String email) {
        if (shopCustomerId == null) {
            throw new IllegalArgumentException("the payload names no customer id");
        }
        Optional<Long> member = matcher.known(c, shopCustomerId, email);
        member.ifPresent(m -> rights.eraseForShop(c.circuitId(), m, shopName(c)));
        boolean linked = matcher.unlink(c, shopCustomerId) || member.isPresent();
        int scrubbed = deliveries.scrubCustomer(c.id(), shopCustomerId);
        return Outcome.processed("customer " + shopCustomerId + " forgotten: " + (member.isPresent() ? "member "
                + member.get() + " erased, " : "") + (linked ? "member link removed, " : "no member link, ")
                + scrubbed + " stored deliveries emptied", null);
    }

    /**
     * The shop's customer asked for their data (Shopify customers/data_request): the export waits in the back office
     * for the company's administrators, who are told by e-mail. Once per request id, whatever the retries.
     */
    public Outcome requestCustomerData(Connection c, String shopCustomerId, String email, String requestId) {
        Optional<Long> member = matcher.known(c, shopCustomerId, email);
        if (member.isEmpty()) {
            return Outcome.processed("data request " + requestId + ": LoyaltyHub holds no member for customer "
                    + shopCustomerId, shopCustomerId);
        }
        rights.requestFromShop(c.circuitId(), c.companyId(), member.get(), shopName(c),
                c.platform().name().toLowerCase(java.util.Locale.ROOT) + ":" + c.id() + ":data_request:" + requestId);
        return Outcome.processed("data request " + requestId + ": the export of member " + member.get()
                + " waits on the Privacy page of the back office", shopCustomerId);
    }

    private static String shopName(Connection c) {
        return c.shopDomain() != null ? c.shopDomain() : c.name();
    }

    /**
     * A shop asked to be forgotten: never done by one request. The request is recorded (who asked, when) and the
     * erasure waits {@link #SHOP_REMOVAL_DELAY}, Shopify's own delay between an uninstall and its
     * {@code shop/redact}, so a reinstall in between cancels it and an operator sees it coming on the Shops page.
     */
    public Outcome requestShopRemoval(Connection c, String requestedBy, java.time.Instant now) {
        java.time.Instant due = now.plus(SHOP_REMOVAL_DELAY);
        connections.requestRemoval(c.id(), requestedBy, due);
        log.warn("Shop connection {} ({}) will be erased after {}: asked by {}", c.id(), c.shopDomain(), due, requestedBy);
        return Outcome.processed("the shop asked to be forgotten: the connection's data will be erased after " + due
                + " unless the app is installed again", null);
    }

    /** Erases a shop whose removal is due: deliveries (but the requests), order states, customer links, credentials. */
    int forgetShop(Connection c) {
        int removed = deliveries.deleteAllButRemovalRequests(c.id());
        purchases.forgetReports(c.channel());
        jdbc.sql("delete from member_shop_link where connection_id = :conn").param("conn", c.id()).update();
        connections.erase(c.id());
        log.warn("Shop connection {} ({}) erased as the shop asked ({}): {} deliveries, order states, customer links and "
                + "credentials deleted", c.id(), c.shopDomain(), c.removal() == null ? "?" : c.removal().requestedBy(), removed);
        return removed;
    }
}
