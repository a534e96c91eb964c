package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

/**
 * The circuit as a seller: its billing details, the price of 1,000 budget points (none: recharges are free), the
 * price of one SMS credit (none: SMS-credit recharges are not invoiced) and the VAT rate its invoices apply (22 %
 * unless changed).
 */
public record CircuitBilling(BillingDetails details, Money pricePerThousand, Money smsCreditPrice, BigDecimal vatRate) {

    /** The rate without trailing zeros, never in exponent form (22, 10, 4.5). */
    public CircuitBilling {
        vatRate = plain(vatRate);
    }

    static BigDecimal plain(BigDecimal rate) {
        BigDecimal r = rate.stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
