package org.loyaltyhub.analytics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The windows the indicators count over, as of an instant (UTC days): the last 12 months, the last 3 years, and the
 * calendar years this one and the two before; and the SQL that counts a circuit's (or one member's) purchases in them,
 * written once for the nightly job and the member page.
 */
record IndicatorWindows(Instant asOf, LocalDate day) {

    static IndicatorWindows at(Instant asOf) {
        return new IndicatorWindows(asOf, LocalDate.ofInstant(asOf, ZoneOffset.UTC));
    }

    /**
     * {@code with p as (...), agg as (...)}: per member, visits in 12 months and the store with most of them (ties to
     * the lower id), visits, spend and last purchase in 3 years, spend per calendar year. Purchases not cancelled,
     * net of refunds. {@code oneMember} narrows it to {@code :m}, {@code oneCompany} to purchases at {@code :company}.
     */
    static String figures(boolean oneMember, boolean oneCompany) {
        return """
                with p as (
                    select member_id, store_id, occurred_at, total - refunded as net
                      from purchase
                     where circuit_id = :c and status <> 'CANCELLED' and occurred_at >= :since3y
                       and occurred_at < :until""" + (oneMember ? " and member_id = :m" : "")
                + (oneCompany ? " and company_id = :company" : "") + """
                
                ), agg as (
                    select member_id,
                           count(*) filter (where occurred_at >= :since12m) as visits_12m,
                           mode() within group (order by store_id) filter (where occurred_at >= :since12m)
                               as most_visited_store_id,
                           count(*) as visits_3y,
                           sum(net) as spend_3y,
                           coalesce(sum(net) filter (where occurred_at >= :y0), 0) as spend_this_year,
                           coalesce(sum(net) filter (where occurred_at >= :y1 and occurred_at < :y0), 0)
                               as spend_last_year,
                           coalesce(sum(net) filter (where occurred_at >= :y2 and occurred_at < :y1), 0)
                               as spend_year_before,
                           max(occurred_at) as last_purchase_at
                      from p group by member_id
                )
                """;
    }

    Map<String, Object> params() {
        return Map.of("until", Timestamp.from(asOf), "since3y", startOf(day.minusYears(3)),
                "since12m", startOf(day.minusMonths(12)), "y0", startOf(day.withDayOfYear(1)),
                "y1", startOf(day.withDayOfYear(1).minusYears(1)), "y2", startOf(day.withDayOfYear(1).minusYears(2)));
    }

    int year() {
        return day.getYear();
    }

    private static Timestamp startOf(LocalDate d) {
        return Timestamp.from(d.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
