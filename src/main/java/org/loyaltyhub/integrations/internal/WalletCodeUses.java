package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.internal.ShopCodes.ShopCode;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.PurchaseStatus;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The shop's orders that used a wallet's code ({@link CodeService#issueWallet}): as the order goes, the wallet money
 * held for the code is taken (paid), its refunded share given back, or all of it given back (cancelled, refunded in
 * full), exactly as the points of a points code are. Each step is idempotent in {@link WalletCodes}, so every report
 * of the order can ask for the state it shows.
 */
@Component
class WalletCodeUses {

    private final ShopCodes codes;
    private final WalletCodes wallets;

    WalletCodeUses(ShopCodes codes, WalletCodes wallets) {
        this.codes = codes;
        this.wallets = wallets;
    }

    /** An order report naming the codes it used; {@code orderCodes} null for a report without them (a refund). */
    void settle(Connection c, Purchase p, List<String> orderCodes) {
        Optional<ShopCode> used = orderCodes == null ? Optional.empty()
                : codes.walletUsed(c, p.memberId(), p.orderId(), orderCodes);
        ShopCode code = used.or(() -> codes.walletOfOrder(c, p.orderId())).orElse(null);
        if (code == null || code.memberId() == null || code.memberId() != p.memberId()) {
            return;
        }
        long circuit = c.circuitId();
        long payment = code.walletPaymentId();
        if (p.status().voids()) {
            wallets.giveBackForOrder(circuit, payment, p.memberId(), c.caller().actor());
        } else if (p.stage().ordinal() >= ProgramSettings.Stage.PAID.ordinal()) {
            wallets.captureForOrder(circuit, payment, p.memberId(), p.orderId(), p.occurredAt(), c.caller().actor());
            if (p.refunded().isPositive()) {
                wallets.giveBackRefundedShare(circuit, payment, p.memberId(), p.total().amount(),
                        p.refunded().amount(), c.caller().actor());
            }
        }
    }

    /**
     * An order that used an anonymous gift card's code, placed by a member or a guest: the card has no purchase of
     * its own to follow, so the order's own report says what happens (paid: taken; its refunds: their share back;
     * cancelled or refunded in full: all of it back), each step as idempotent as a wallet's.
     */
    void settleGiftCard(Connection c, ShopOrder order) {
        Optional<ShopCode> used = order.codes() == null ? Optional.empty()
                : codes.giftCardUsed(c, order.orderId(), order.codes());
        ShopCode code = used.or(() -> codes.giftCardOfOrder(c, order.orderId())).orElse(null);
        if (code == null || order.status() == null) {
            return;
        }
        long circuit = c.circuitId();
        long payment = code.walletPaymentId();
        BigDecimal refunded = order.refunds() == null ? BigDecimal.ZERO
                : order.refunds().values().stream().map(BigDecimal::abs).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean refundedInFull = order.total() != null && order.total().signum() > 0
                && refunded.compareTo(order.total()) >= 0;
        if (order.status().voids() || refundedInFull) {
            wallets.giveBackForOrder(circuit, payment, null, c.caller().actor());
            if (order.status() == PurchaseStatus.CANCELLED) {
                codes.orderVoided(c, order.orderId());
            }
        } else if (order.status().stage().ordinal() >= ProgramSettings.Stage.PAID.ordinal()) {
            wallets.captureForOrder(circuit, payment, null, order.orderId(), order.occurredAt(), c.caller().actor());
            if (refunded.signum() > 0) {
                wallets.giveBackRefundedShare(circuit, payment, null, order.total(), refunded, c.caller().actor());
            }
        }
    }

    /** The order that used a gift card's code was deleted in the shop: the card gets back what it took. */
    void giftCardOrderDeleted(Connection c, String orderId) {
        codes.giftCardOfOrder(c, orderId).ifPresent(code -> wallets.giveBackForOrder(c.circuitId(),
                code.walletPaymentId(), null, c.caller().actor()));
    }
}
