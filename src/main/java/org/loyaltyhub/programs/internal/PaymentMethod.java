package org.loyaltyhub.programs.internal;

/** How a membership was paid. */
public enum PaymentMethod {
    CASH, CARD, TRANSFER, ONLINE, OTHER
}
