package org.loyaltyhub.programs;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the program needs to know of a purchase to decide its points: amounts, lines, the furthest stage reached,
 * and whether it was cancelled or fully refunded; when it happened and through which channel (null when unknown);
 * {@code withoutPoints} for a past purchase brought in from elsewhere (a shop's backfill, an import), which counts in
 * the member's activity (tiers) in the month it happened but earns nothing through the live rules (no points, no
 * cashback, no referral or promotion reward); an import's points, when asked, are credited once as it is recorded
 * ({@link PastEarning}) and a later refund takes back only those.
 */
public record PurchaseFacts(long circuitId, long purchaseId, long companyId, long storeId, long memberId,
                            Money total, Money refunded, Stage stage, boolean voided, List<Line> lines,
                            String actor, boolean fresh, java.time.Instant occurredAt, String channel,
                            boolean withoutPoints) {

    /** Facts of a purchase that earns as its program says. */
    public PurchaseFacts(long circuitId, long purchaseId, long companyId, long storeId, long memberId, Money total,
                         Money refunded, Stage stage, boolean voided, List<Line> lines, String actor, boolean fresh,
                         java.time.Instant occurredAt, String channel) {
        this(circuitId, purchaseId, companyId, storeId, memberId, total, refunded, stage, voided, lines, actor, fresh,
                occurredAt, channel, false);
    }

    /** Facts of a purchase this transaction has just created ({@code fresh}) or seen before, without when and where. */
    public PurchaseFacts(long circuitId, long purchaseId, long companyId, long storeId, long memberId, Money total,
                         Money refunded, Stage stage, boolean voided, List<Line> lines, String actor, boolean fresh) {
        this(circuitId, purchaseId, companyId, storeId, memberId, total, refunded, stage, voided, lines, actor, fresh,
                null, null);
    }

    /** Facts of a purchase seen before; {@code fresh} is for one this transaction has just created. */
    public PurchaseFacts(long circuitId, long purchaseId, long companyId, long storeId, long memberId, Money total,
                         Money refunded, Stage stage, boolean voided, List<Line> lines, String actor) {
        this(circuitId, purchaseId, companyId, storeId, memberId, total, refunded, stage, voided, lines, actor, false);
    }

    /**
     * A purchase line; {@code sku} as the shop reports it (null at the counter), for rules that match either, and the
     * product's category when the till or shop reports one.
     */
    public record Line(String productId, BigDecimal quantity, BigDecimal unitPrice, boolean discounted, String sku,
                       String category) {

        public Line(String productId, BigDecimal quantity, BigDecimal unitPrice, boolean discounted, String sku) {
            this(productId, quantity, unitPrice, discounted, sku, null);
        }

        public Line(String productId, BigDecimal quantity, BigDecimal unitPrice, boolean discounted) {
            this(productId, quantity, unitPrice, discounted, null);
        }

        public BigDecimal amount() {
            return quantity.multiply(unitPrice);
        }
    }
}
