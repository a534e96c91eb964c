package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchaseFacts;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Memberships bought in a connected shop: a purchase that reaches PAID (or later) with a line whose product id or SKU
 * a plan on sale lists grants that plan, once per purchase and plan; when the purchase is cancelled or fully
 * refunded, what it granted is taken back. Runs in the purchase's transaction, for every settlement (replays too).
 */
@Component
class MembershipPurchases implements PurchaseListener {

    private final MembershipService memberships;
    private final MembershipPlans plans;
    private final MembershipRows rows;

    private final CircuitFeatures features;

    MembershipPurchases(MembershipService memberships, MembershipPlans plans, MembershipRows rows,
                        CircuitFeatures features) {
        this.features = features;
        this.memberships = memberships;
        this.plans = plans;
        this.rows = rows;
    }

    @Override
    public void settled(PurchaseFacts f) {
        if (!features.of(f.circuitId()).plans()) {
            return; // no plan was ever made here: nothing to grant, no sale to undo
        }
        boolean undone = f.voided() || f.refunded().amount().compareTo(f.total().amount()) >= 0
                && f.total().amount().signum() > 0;
        if (undone) {
            for (MembershipSale sale : rows.salesOfPurchase(f.circuitId(), f.purchaseId())) {
                if (sale.refundedAt() == null) {
                    memberships.refund(f.circuitId(), sale, f.voided() && f.refunded().amount().signum() == 0
                            ? "Order cancelled" : "Order refunded", f.actor());
                }
            }
            return;
        }
        if (f.stage().ordinal() < Stage.PAID.ordinal()) {
            return;
        }
        List<String> codes = f.lines().stream().flatMap(l -> Stream.of(l.productId(), l.sku()))
                .filter(Objects::nonNull).distinct().toList();
        for (MembershipPlan plan : plans.grantedBy(f.circuitId(), codes)) {
            PurchaseFacts.Line line = f.lines().stream().filter(l -> plan.productIds().contains(l.productId())
                    || plan.productIds().contains(l.sku())).findFirst().orElseThrow();
            BigDecimal paid = line.amount().setScale(2, java.math.RoundingMode.HALF_EVEN);
            memberships.grant(f.circuitId(), f.memberId(), plan, new MembershipSale.Facts(
                    "purchase:" + f.purchaseId() + ":plan:" + plan.id(), MembershipSource.SHOP, paid, f.companyId(),
                    f.storeId(), PaymentMethod.ONLINE, null, "purchase " + f.purchaseId(), f.purchaseId(),
                    f.actor(), null));
        }
    }
}
