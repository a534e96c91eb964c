package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.marketing.Condition;
import org.loyaltyhub.marketing.Match;
import org.loyaltyhub.marketing.SegmentDefinition;
import org.loyaltyhub.marketing.SegmentField;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles a segment into one SQL query over the circuit's members and the read models (the {@code segment_*} views):
 * a left join per read model a condition needs (once however many conditions use it), a predicate per condition,
 * every value a bound parameter. The SQL text holds only names this class writes; nothing typed reaches it.
 */
final class SegmentSql {

    /** {@code from ... where ...} selecting {@code m.member_id}; more conditions may be appended with {@code and}. */
    record Compiled(String from, Map<String, Object> params) {
    }

    private final Map<String, Object> params = new HashMap<>();
    private final Map<String, String> joins = new LinkedHashMap<>();
    private final LocalDate today;
    private final Instant now;
    private int next;

    private SegmentSql(long circuitId, Instant now) {
        this.now = now;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        params.put("c", circuitId);
    }

    /**
     * The query of the segment as of {@code now} (UTC days); {@code onlyCompany}, when not null, keeps the members
     * that company deals with (companies kept apart).
     */
    static Compiled compile(long circuitId, SegmentDefinition d, Instant now, Long onlyCompany) {
        SegmentSql sql = new SegmentSql(circuitId, now);
        String where = sql.join(d.match(), d.groups().stream().map(g -> sql.join(g.match(),
                g.conditions().stream().map(sql::predicate).toList())).toList());
        String from = "from segment_member m " + String.join(" ", sql.joins.values())
                + " where m.circuit_id = :c and (" + where + ")";
        if (onlyCompany != null) {
            sql.params.put("company", onlyCompany);
            from += " and exists (select 1 from segment_member_company mc where mc.member_id = m.member_id"
                    + " and mc.company_id = :company)";
        }
        return new Compiled(from, Map.copyOf(sql.params));
    }

    private String join(Match match, List<String> parts) {
        return parts.stream().map(p -> "(" + p + ")").collect(Collectors.joining(match == Match.ALL ? " and " : " or "));
    }

    private String predicate(Condition condition) {
        return switch (condition) {
            case Condition.Quantity q -> compare(quantity(q), q);
            case Condition.OneOf o -> oneOf(o);
            case Condition.Dated d -> dated(d);
            case Condition.Consented c -> {
                // the kinds in force are kept on the member's facts row (V180)
                String given = ":" + param(c.kind().name()) + " = any(" + facts() + ".consents_given)";
                yield c.given() ? given : "not coalesce(" + given + ", false)";
            }
        };
    }

    private String quantity(Condition.Quantity q) {
        return switch (q.field()) {
            case POINTS_BALANCE -> {
                joins.putIfAbsent("b", "left join segment_points_balance b on b.circuit_id = :c "
                        + "and b.member_id = m.member_id");
                yield "b.balance";
            }
            case LIFETIME_POINTS -> facts() + ".points_back[cardinality(" + facts() + ".points_back)]";
            case PURCHASES, SPEND -> {
                // the running totals on the facts row (V180): the element of the window's first month
                String f = facts();
                String totals = f + (q.field() == SegmentField.SPEND ? ".spent_back" : ".purchases_back");
                LocalDate first = today.withDayOfMonth(1).minusMonths(q.months() - 1L);
                String from = param(first.getYear() * 12 + first.getMonthValue() - 1);
                yield "(case when " + f + ".activity_to < :" + from + " then 0 else coalesce(" + totals + "["
                        + f + ".activity_to - :" + from + " + 1], " + totals + "[cardinality(" + totals + ")]) end)";
            }
            case RECENCY_SCORE -> indicators() + ".recency_score";
            case FREQUENCY_SCORE -> indicators() + ".frequency_score";
            case MONETARY_SCORE -> indicators() + ".monetary_score";
            default -> throw new IllegalStateException(q.field() + " is no quantity");
        };
    }

    /**
     * A member with no row counts as 0. When 0 cannot fit (at least a positive value) the bare column is compared, so
     * the planner may turn the left join into an inner one and filter the read model first.
     */
    private String compare(String column, Condition.Quantity q) {
        boolean zeroFits = q.from() == null || q.from().signum() == 0;
        String expression = zeroFits ? "coalesce(" + column + ", 0)" : column;
        Object from = q.from() == null ? null : q.field().money() ? q.from() : (Object) q.from().longValueExact();
        Object to = q.to() == null ? null : q.field().money() ? q.to() : (Object) q.to().longValueExact();
        return switch (q.operator()) {
            case AT_LEAST -> expression + " >= :" + param(from);
            case AT_MOST -> expression + " <= :" + param(to);
            default -> expression + " between :" + param(from) + " and :" + param(to);
        };
    }

    private String oneOf(Condition.OneOf o) {
        String anyOf = switch (o.field()) {
            case TIER -> {
                // the member's tier columns are copied onto the facts row (V272): no join to member_tier
                String f = facts();
                params.put("today", Date.valueOf(today));
                yield "(case when not coalesce(" + f + ".tier_row, false) then (select z.id from segment_tier z "
                        + "where z.circuit_id = :c and z.threshold = 0) when " + f + ".manual_tier_id is not null and ("
                        + f + ".manual_until is null or " + f + ".manual_until >= :today) then " + f + ".manual_tier_id "
                        + "else " + f + ".tier_id end) in (:" + ids(o) + ")";
            }
            case BADGE -> {
                joins.putIfAbsent("bd", "left join segment_member_badge bd on bd.member_id = m.member_id "
                        + "and bd.circuit_id = :c");
                yield "bd.badge_id in (:" + ids(o) + ")";
            }
            case PLAN -> {
                joins.putIfAbsent("ms", "left join segment_membership ms on ms.member_id = m.member_id "
                        + "and ms.circuit_id = :c and ms.ends_at > :now");
                params.put("now", Timestamp.from(now));
                yield "ms.plan_id in (:" + ids(o) + ")";
            }
            case CARD_GROUP, CARD_BRAND -> {
                joins.putIfAbsent("cd", "left join segment_main_card cd on cd.member_id = m.member_id "
                        + "and cd.circuit_id = :c");
                yield (o.field() == SegmentField.CARD_GROUP ? "cd.card_group" : "cd.brand") + " in (:"
                        + param(o.values()) + ")";
            }
            case ENROLMENT_STORE -> "m.enrolled_store_id in (:" + ids(o) + ")";
            case PREFERRED_STORE -> "m.preferred_store_id in (:" + ids(o) + ")";
            case MOST_VISITED_STORE -> indicators() + ".most_visited_store_id in (:" + ids(o) + ")";
            case RFM_SEGMENT -> indicators() + ".rfm_segment in (:" + param(o.values()) + ")";
            case CITY -> "lower(trim(m.city)) in (:" + param(o.values()) + ")";
            case POSTCODE -> "upper(replace(m.postcode, ' ', '')) in (:" + param(o.values()) + ")";
            case GENDER -> "m.gender in (:" + param(o.values()) + ")";
            case TAG -> "exists (select 1 from segment_member_tag g where g.member_id = m.member_id "
                    + "and g.circuit_id = :c and g.tag in (:" + param(o.values()) + "))";
            case BIRTHDAY_MONTH -> "extract(month from m.birth_date)::int in (:"
                    + param(o.values().stream().map(Integer::valueOf).toList()) + ")";
            case AGE_GROUP -> o.values().stream().map(AgeGroup::valueOf).map(a -> "(m.birth_date > :"
                            + param(Date.valueOf(a.bornAfter(today))) + " and m.birth_date <= :"
                            + param(Date.valueOf(a.bornOnOrBefore(today))) + ")")
                    .collect(Collectors.joining(" or "));
            default -> throw new IllegalStateException(o.field() + " is no list field");
        };
        return o.none() ? "not coalesce((" + anyOf + "), false)" : anyOf;
    }

    /** The member's facts row (enrolment, last purchase, activity totals, consents in force), joined once. */
    private String facts() {
        joins.putIfAbsent("f", "left join segment_member_facts f on f.member_id = m.member_id and f.circuit_id = :c");
        return "f";
    }

    private String dated(Condition.Dated d) {
        String at = facts() + (d.field() == SegmentField.ENROLLED ? ".enrolled_at" : ".last_purchase_at");
        return switch (d.operator()) {
            case ON_OR_AFTER -> at + " >= :" + param(startOf(d.from()));
            case ON_OR_BEFORE -> at + " < :" + param(startOf(d.to().plusDays(1)));
            case BETWEEN -> at + " >= :" + param(startOf(d.from())) + " and " + at + " < :"
                    + param(startOf(d.to().plusDays(1)));
            case WITHIN_DAYS -> at + " >= :" + param(Timestamp.from(now.minus(d.days(), ChronoUnit.DAYS)));
            case NOT_WITHIN_DAYS -> "not coalesce(" + at + " >= :"
                    + param(Timestamp.from(now.minus(d.days(), ChronoUnit.DAYS))) + ", false)";
            default -> throw new IllegalStateException(d.operator() + " is no date operator");
        };
    }

    /** The member's indicators (analytics, refreshed nightly), joined once: its alias. */
    private String indicators() {
        joins.putIfAbsent("mi", "left join segment_member_indicator mi on mi.member_id = m.member_id "
                + "and mi.circuit_id = :c");
        return "mi";
    }

    private static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private String ids(Condition.OneOf o) {
        return param(o.values().stream().map(Long::valueOf).toList());
    }

    private String param(Object value) {
        String name = "p" + next++;
        params.put(name, value instanceof List<?> l ? new ArrayList<>(l) : value);
        return name;
    }
}
