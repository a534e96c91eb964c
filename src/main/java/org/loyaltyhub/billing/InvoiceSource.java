package org.loyaltyhub.billing;

/**
 * What an invoice line bills: a budget recharge, a paid membership (its sale), SMS credits; or what a credit note
 * credits: a refunded membership sale.
 */
public enum InvoiceSource {
    BUDGET_RECHARGE, MEMBERSHIP_SALE, SMS_CREDITS, MEMBERSHIP_REFUND
}
