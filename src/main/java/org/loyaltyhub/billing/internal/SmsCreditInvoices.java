package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.marketing.SmsCreditsRecharged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Invoices each SMS-credit recharge to the company, in the recharge's transaction, at the circuit's price per credit
 * (no price: no invoice); the recharge's ledger entry is the line's source, so it is invoiced once.
 */
@Component
class SmsCreditInvoices {

    private final BillingSettings settings;
    private final Invoicing invoicing;

    SmsCreditInvoices(BillingSettings settings, Invoicing invoicing) {
        this.settings = settings;
        this.invoicing = invoicing;
    }

    @EventListener
    void recharged(SmsCreditsRecharged recharge) {
        RechargePrice.ofSmsCredits(recharge.credits(), settings.circuit(recharge.circuitId()).smsCreditPrice())
                .ifPresent(net -> invoicing.issue(recharge.circuitId(), recharge.companyId(),
                        List.of(new Invoicing.Line(InvoiceSource.SMS_CREDITS, recharge.rechargeId(),
                                "SMS credits recharge: " + recharge.credits() + " credits", net))));
    }
}
