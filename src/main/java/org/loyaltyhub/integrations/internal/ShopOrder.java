package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.purchases.PurchaseStatus;
import org.loyaltyhub.purchases.Purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An order as one delivery reports it, in the shop-neutral form the handlers produce: its base status (CREATED,
 * PAID, COMPLETED, CANCELLED or REFUNDED; partial refunds come from the refunds), the refunds by their id, the
 * customer, and the discount codes it used. {@code version} is the shop's modification time when it sends one.
 */
public record ShopOrder(String orderId, Instant version, PurchaseStatus status, String currency, BigDecimal total,
                 Map<String, BigDecimal> refunds, Customer customer, List<Purchases.Line> lines, List<String> codes,
                 Instant occurredAt) {

    /** A shop customer: {@code id} is null for a guest; consents are null when the shop did not say. */
    public record Customer(String id, String email, String firstName, String lastName, LocalDate birthDate,
                    Boolean marketing, Boolean newsletter) {

        public boolean guest() {
            return id == null || id.isBlank() || id.equals("0");
        }
    }
}
