package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Money;

import java.time.Instant;
import java.util.Optional;

/** A shop's API for single-use discount codes: create one for a customer, find it by its code, delete it. */
public interface DiscountApi {

    /** Creates the code in the shop and returns the shop's id for it; "already exists" is a {@link Refused#exists}. */
    String create(Connection c, NewCode code) throws Refused, ShopHttp.Unreachable;

    Optional<String> find(Connection c, String code) throws Refused, ShopHttp.Unreachable;

    /** Deletes the code; one the shop no longer knows counts as deleted. */
    void delete(Connection c, String shopId) throws Refused, ShopHttp.Unreachable;

    /**
     * A code to create: for {@code amount} off a cart of at least {@code minimumSpend}, once, by one customer (the
     * e-mail for WooCommerce, the shop's customer id for Shopify and PrestaShop), from now until {@code expiresAt}.
     */
    record NewCode(String code, long holdId, long points, Money amount, Money minimumSpend, String email,
                   String shopCustomer, Instant startsAt, Instant expiresAt,
                   org.loyaltyhub.programs.Redemptions.ProductLimits limits) {

        /** The listed products that are a shop's numeric product ids (others cannot be named to the shop). */
        public static java.util.List<Long> numeric(java.util.List<String> ids) {
            return ids.stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
        }
    }

    /** The shop answered, and said no: its HTTP status and message, and whether the code already existed. */
    final class Refused extends Exception {
        final int status;
        final boolean exists;

        public Refused(int status, String message, boolean exists) {
            super(message);
            this.status = status;
            this.exists = exists;
        }

        public static Refused of(ShopHttp.Answer a, String message) {
            return new Refused(a.status(), "HTTP " + a.status() + (message == null || message.isBlank() ? "" : ": " + message),
                    false);
        }
    }
}
