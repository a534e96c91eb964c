package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A shop's API for single-use discount codes: create one for a customer, find it by its code, delete it. */
public interface DiscountApi {

    /** Creates the code in the shop and returns the shop's id for it; "already exists" is a {@link Refused#exists}. */
    String create(Connection c, NewCode code) throws Refused, ShopHttp.Unreachable;

    Optional<String> find(Connection c, String code) throws Refused, ShopHttp.Unreachable;

    /** Deletes the code; one the shop no longer knows counts as deleted. */
    void delete(Connection c, String shopId) throws Refused, ShopHttp.Unreachable;

    /**
     * Why this platform's codes cannot give the benefit (asked before anything is held or made), or empty when they
     * can. A platform says it once, here, rather than failing half-way through a create.
     */
    Optional<Unsupported> cannotGive(Benefit benefit, Money minimumSpend);

    /** What a platform cannot do: a stable code for the problem and a sentence for the person who asked. */
    record Unsupported(String code, String reason) {
    }

    /**
     * What a shop's code gives: an amount off the cart, a percentage off (with an optional cap), one unit of a product
     * for free (the shop's numeric product id), or free shipping. Checked where built: no zero or negative discount.
     */
    sealed interface Benefit {

        record AmountOff(Money amount) implements Benefit {
            public AmountOff {
                if (amount == null || !amount.isPositive()) {
                    throw new IllegalArgumentException("an amount off must be more than zero");
                }
            }
        }

        record PercentOff(BigDecimal percent, Money cap) implements Benefit {
            public PercentOff {
                if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("a percentage off is more than 0 and at most 100");
                }
                if (cap != null && !cap.isPositive()) {
                    throw new IllegalArgumentException("a cap must be more than zero, or none");
                }
            }

            /** The percentage as a fraction of one (10 % is 0.1), as Shopify counts it. */
            public BigDecimal fraction() {
                return percent.movePointLeft(2).stripTrailingZeros();
            }
        }

        record FreeProduct(long productId) implements Benefit {
            public FreeProduct {
                if (productId <= 0) {
                    throw new IllegalArgumentException("a shop's product id is a positive number");
                }
            }
        }

        record FreeShipping() implements Benefit {
        }
    }

    /**
     * A code to create: giving {@code benefit} on a cart of at least {@code minimumSpend}, once, by one customer (the
     * e-mail for WooCommerce, the shop's customer id for Shopify and PrestaShop), from now until {@code expiresAt}.
     * {@code label} names it for the merchant (e.g. "500 points", "voucher ABCD"), {@code holdId} is kept in the
     * shop's metadata where the platform has some.
     */
    record NewCode(String code, long holdId, String label, Benefit benefit, Money minimumSpend, String email,
                   String shopCustomer, Instant startsAt, Instant expiresAt, Redemptions.ProductLimits limits) {

        /** The listed products that are a shop's numeric product ids (others cannot be named to the shop). */
        public static List<Long> numeric(List<String> ids) {
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
