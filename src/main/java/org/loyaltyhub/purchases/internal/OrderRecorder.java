package org.loyaltyhub.purchases.internal;

import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.purchases.Purchase;
import org.loyaltyhub.purchases.Purchases;
import org.loyaltyhub.purchases.internal.PurchaseCommands.LineInput;
import org.loyaltyhub.purchases.internal.PurchaseCommands.RecordPurchase;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Component;

/** The purchases facade for other modules: the same path as the API's record, with the member named by id. */
@Component
class OrderRecorder implements Purchases {

    private final PurchaseService purchases;

    OrderRecorder(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @Override
    public Purchase record(Caller caller, OrderState o) {
        return purchases.record(caller, new RecordPurchase(o.orderId(), o.channel(), o.storeId(),
                MemberIdentifier.byId(o.memberId()), o.currency(), o.total(), o.refundedTotal(), o.status(),
                o.occurredAt(), o.redemptionId(), o.lines() == null ? null : o.lines().stream()
                .map(l -> new LineInput(l.productId(), l.sku(), l.quantity(), l.unitPrice(), l.discounted()))
                .toList()));
    }
}
