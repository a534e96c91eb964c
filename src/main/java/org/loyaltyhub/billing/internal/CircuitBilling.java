package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;

/**
 * The circuit as a seller: its billing details, the price of 1,000 budget points (none: recharges are free) and the
 * VAT rate its invoices apply (22 % unless changed).
 */
public record CircuitBilling(BillingDetails details, Money pricePerThousand, BigDecimal vatRate) {
}
