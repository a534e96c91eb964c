package org.loyaltyhub.programs.internal;

/** How long one sale of a membership plan lasts: a month, a year, or a one-off number of months. */
public enum PlanPeriod {
    MONTHLY, YEARLY, FIXED_MONTHS;

    /** The longest one-off plan, in months. */
    public static final int MAX_MONTHS = 120;
}
