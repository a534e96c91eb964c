package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.MemberTags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Events received, what promotions did outside purchases (once per member and occurrence), member tags, in SQL. */
@Repository
public class OccasionStore implements MemberTags {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    OccasionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event as received. */
    public record StoredEvent(long id, String eventId, long memberId, String type, JsonNode attributes,
                              Instant occurredAt, Instant receivedAt, List<String> outcomes) {
    }

    /** Records the event once per caller's id: the new row's id, or empty when that id was received before. */
    public Optional<Long> receive(long circuitId, String eventId, long memberId, String type, JsonNode attributes,
                                  Instant occurredAt, Instant receivedAt, String actor) {
        return jdbc.sql("insert into campaign_event (circuit_id, event_id, member_id, type, attributes, occurred_at, "
                        + "received_at, actor) values (:c, :e, :m, :t, cast(:a as jsonb), :at, :rec, :actor) "
                        + "on conflict (circuit_id, event_id) do nothing returning id")
                .param("c", circuitId).param("e", eventId).param("m", memberId).param("t", type)
                .param("a", JSON.writeValueAsString(attributes)).param("at", Timestamp.from(occurredAt))
                .param("rec", Timestamp.from(receivedAt)).param("actor", actor).query(Long.class).optional();
    }

    public void outcomes(long eventRowId, List<String> outcomes) {
        jdbc.sql("update campaign_event set outcomes = cast(:o as jsonb) where id = :id")
                .param("o", JSON.writeValueAsString(outcomes)).param("id", eventRowId).update();
    }

    public Optional<StoredEvent> event(long circuitId, String eventId) {
        return jdbc.sql("select * from campaign_event where circuit_id = :c and event_id = :e").param("c", circuitId)
                .param("e", eventId).query((rs, n) -> event(rs)).optional();
    }

    /** The circuit's latest events, newest first. */
    public List<StoredEvent> latest(long circuitId, Long memberId, int limit) {
        return jdbc.sql("select * from campaign_event where circuit_id = :c and (cast(:m as bigint) is null or "
                        + "member_id = :m) order by id desc limit :n")
                .param("c", circuitId).param("m", memberId).param("n", limit).query((rs, n) -> event(rs)).list();
    }

    /**
     * The circuit's events of a type that occurred in [{@code from}, {@code to}), in time then id order, read a page of
     * {@code batch} at a time (what a dry run replays; nothing is written).
     */
    public void replay(long circuitId, String type, Instant from, Instant to, int batch,
                       java.util.function.Consumer<StoredEvent> each) {
        Instant at = from;
        long after = 0;
        List<StoredEvent> page;
        do {
            page = jdbc.sql("select * from campaign_event where circuit_id = :c and type = :t and occurred_at < :to "
                            + "and (occurred_at, id) > (:at, :after) order by occurred_at, id limit :n")
                    .param("c", circuitId).param("t", type).param("to", Timestamp.from(to))
                    .param("at", Timestamp.from(at)).param("after", after).param("n", batch)
                    .query((rs, n) -> event(rs)).list();
            page.forEach(each);
            if (!page.isEmpty()) {
                at = page.getLast().occurredAt();
                after = page.getLast().id();
            }
        } while (page.size() == batch);
    }

    private static StoredEvent event(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> outcomes = new java.util.ArrayList<>();
        JSON.readTree(rs.getString("outcomes")).forEach(o -> outcomes.add(o.asString()));
        return new StoredEvent(rs.getLong("id"), rs.getString("event_id"), rs.getLong("member_id"), rs.getString("type"),
                JSON.readTree(rs.getString("attributes")), rs.getTimestamp("occurred_at").toInstant(),
                rs.getTimestamp("received_at").toInstant(), outcomes);
    }

    /** Claims the (promotion, member, occurrence) business key: false when it was done before. */
    public boolean claim(long circuitId, long promotionId, long memberId, String occurrence, Instant at) {
        return jdbc.sql("insert into promotion_occurrence (circuit_id, promotion_id, member_id, occurrence, occurred_at, "
                        + "points, detail) values (:c, :p, :m, :o, :at, 0, '') on conflict do nothing")
                .param("c", circuitId).param("p", promotionId).param("m", memberId).param("o", occurrence)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    public void done(long promotionId, long memberId, String occurrence, long points, Long entryId, String detail) {
        jdbc.sql("update promotion_occurrence set points = :pts, entry_id = :e, detail = :d where promotion_id = :p "
                        + "and member_id = :m and occurrence = :o")
                .param("pts", points).param("e", entryId).param("d", detail).param("p", promotionId)
                .param("m", memberId).param("o", occurrence).update();
    }

    public boolean memberOf(long circuitId, long memberId) {
        return jdbc.sql("select exists (select 1 from member where circuit_id = :c and id = :m)").param("c", circuitId)
                .param("m", memberId).query(Boolean.class).single();
    }

    /**
     * Members of the circuit a date or schedule may reach on {@code today}, after {@code after} (paging), enrolled by
     * the end of that day and without the occurrence yet: every member for a fixed date or a schedule, those born on
     * the day for a birthday (29 February counts on 28 February in other years), those enrolled on the day in an
     * earlier year for an anniversary. With {@code among} (ascending ids, a segment evaluated once), only those.
     */
    public List<Long> due(long circuitId, Promotion p, LocalDate today, ZoneId zone, String occurrence, long after,
                          int limit, long[] among) {
        String day = "";
        if (p.trigger() instanceof PromotionTrigger.OnDate d && d.date() != PromotionTrigger.DateKind.FIXED_DATE) {
            String date = d.date() == PromotionTrigger.DateKind.BIRTHDAY ? "m.birth_date"
                    : "cast(m.created_at at time zone :zone as date)";
            day = " and extract(month from " + date + ") = :month and extract(day from " + date + ") = any(:days)"
                    + (d.date() == PromotionTrigger.DateKind.ENROLMENT_ANNIVERSARY ? " and extract(year from " + date
                    + ") < :year" : "");
        }
        Integer[] days = CampaignCalendar.daysCounted(today).toArray(Integer[]::new);
        String restricted = among == null ? "" : " and m.id = any(:among)";
        return jdbc.sql("select m.id from member m where m.circuit_id = :c and m.id > :after" + day + restricted
                        + " and m.created_at < :dayEnd and not exists (select 1 from promotion_occurrence o where o.promotion_id = :p "
                        + "and o.member_id = m.id and o.occurrence = :o) order by m.id limit :n")
                .param("c", circuitId).param("after", after).param("zone", zone.getId())
                .param("month", today.getMonthValue()).param("days", days).param("year", today.getYear())
                .param("p", p.id()).param("o", occurrence).param("n", limit).param("among", among)
                .param("dayEnd", Timestamp.from(today.plusDays(1).atStartOfDay(zone).toInstant()))
                .query(Long.class).list();
    }

    /** The day after the last one the job finished for the promotion, or empty before its first round. */
    public Optional<LocalDate> nextDay(long promotionId) {
        return jdbc.sql("select done_through + 1 from promotion_days_done where promotion_id = :p")
                .param("p", promotionId).query(LocalDate.class).optional();
    }

    /** Records that the job finished the promotion's days through {@code day} (never moves back). */
    public void doneThrough(long circuitId, long promotionId, LocalDate day) {
        jdbc.sql("insert into promotion_days_done (promotion_id, circuit_id, done_through) values (:p, :c, :d) "
                        + "on conflict (promotion_id) do update set done_through = greatest("
                        + "promotion_days_done.done_through, excluded.done_through)")
                .param("p", promotionId).param("c", circuitId).param("d", day).update();
    }

    /** Tags the member; false when the member had the tag already. */
    public boolean tag(long circuitId, long memberId, String tag, Instant at, String source) {
        return jdbc.sql("insert into member_tag (circuit_id, member_id, tag, added_at, source) values (:c, :m, :t, :at, "
                        + ":s) on conflict do nothing")
                .param("c", circuitId).param("m", memberId).param("t", tag).param("at", Timestamp.from(at))
                .param("s", source).update() == 1;
    }

    @Override
    public List<String> of(long circuitId, long memberId) {
        return jdbc.sql("select tag from member_tag where circuit_id = :c and member_id = :m order by tag")
                .param("c", circuitId).param("m", memberId).query(String.class).list();
    }

    @Override
    public boolean has(long circuitId, long memberId, String tag) {
        return jdbc.sql("select exists (select 1 from member_tag where circuit_id = :c and member_id = :m and tag = :t)")
                .param("c", circuitId).param("m", memberId).param("t", tag).query(Boolean.class).single();
    }
}
