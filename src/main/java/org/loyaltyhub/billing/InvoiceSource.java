package org.loyaltyhub.billing;

/** What an invoice line bills: a budget recharge today; paid memberships and SMS credits when they are sold. */
public enum InvoiceSource {
    BUDGET_RECHARGE, MEMBERSHIP_SALE, SMS_CREDITS
}
