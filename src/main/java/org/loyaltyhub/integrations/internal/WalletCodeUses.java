package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.internal.ShopCodes.ShopCode;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.purchases.Purchase;
import org.springframework.stereotype.Component;

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
        if (code == null || code.memberId() != p.memberId()) {
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
}
