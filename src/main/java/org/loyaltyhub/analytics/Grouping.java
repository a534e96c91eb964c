package org.loyaltyhub.analytics;

/** How a report's periods are cut: by UTC day, ISO week (from Monday) or month. */
public enum Grouping {
    DAY, WEEK, MONTH;

    /** The PostgreSQL {@code date_trunc} field. */
    public String field() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
