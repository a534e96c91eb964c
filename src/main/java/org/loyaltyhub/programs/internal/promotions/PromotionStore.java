package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.SegmentUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Promotions, what they granted per purchase and the purchases' evaluations, in SQL. */
@Repository
public class PromotionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    PromotionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A promotion as stored, with what it has given so far (points not taken back). */
    public record Stored(Promotion promotion, long spent, Instant updatedAt) {
    }

    /** What a promotion gave for one purchase. */
    public record Grant(long id, long promotionId, long points, long given, boolean withdrawn, Long sourceCompanyId,
                        Long lotEntryId, int steps) {
    }

    public long insert(long circuitId, Promotion p) {
        return jdbc.sql("insert into promotion (circuit_id, name, status, valid_from, valid_until, priority, definition, "
                        + "budget_points) values (:c, :name, :status, :from, :until, :priority, cast(:def as jsonb), :budget) "
                        + "returning id")
                .param("c", circuitId).params(columns(p)).query(Long.class).single();
    }

    public void update(long circuitId, long id, Promotion p) {
        jdbc.sql("update promotion set name = :name, status = :status, valid_from = :from, valid_until = :until, "
                        + "priority = :priority, definition = cast(:def as jsonb), budget_points = :budget, "
                        + "updated_at = now() where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).params(columns(p)).update();
    }

    private static Map<String, Object> columns(Promotion p) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", p.name());
        m.put("status", p.status().name());
        m.put("from", Timestamp.from(p.validity().from()));
        m.put("until", p.validity().until() == null ? null : Timestamp.from(p.validity().until()));
        m.put("priority", p.priority());
        m.put("def", JSON.writeValueAsString(PromotionInput.of(p)));
        m.put("budget", p.limits().budgetPoints());
        return m;
    }

    public Optional<Stored> find(long circuitId, long id) {
        return jdbc.sql("select * from promotion where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query((rs, n) -> stored(rs)).optional();
    }

    /** Every promotion of the circuit, in the order they are considered. */
    public List<Stored> all(long circuitId) {
        return jdbc.sql("select * from promotion where circuit_id = :c order by priority, id").param("c", circuitId)
                .query((rs, n) -> stored(rs)).list();
    }

    /** The circuit's promotions (any status) whose target is the segment, by id. */
    public List<SegmentUsers.SegmentUse> targeting(long circuitId, long segmentId) {
        return jdbc.sql("select id, name from promotion where circuit_id = :c "
                        + "and definition -> 'target' ->> 'segmentId' = :s order by id")
                .param("c", circuitId).param("s", String.valueOf(segmentId))
                .query((rs, n) -> new SegmentUsers.SegmentUse(SegmentUsers.SegmentUse.Kind.PROMOTION, rs.getLong("id"),
                        rs.getString("name"))).list();
    }

    /** The circuit's active promotions with a trigger of this kind, in the order they are considered. */
    public List<Promotion> active(long circuitId, PromotionTrigger.Kind kind) {
        return jdbc.sql("select * from promotion where circuit_id = :c and status = 'ACTIVE' "
                        + "and definition -> 'trigger' ->> 'type' = :kind order by priority, id")
                .param("c", circuitId).param("kind", kind.name()).query((rs, n) -> stored(rs).promotion()).list();
    }

    /** Every circuit's active promotions on dates and schedules: the campaigns job's work list. */
    public Map<Long, List<Promotion>> activeDated() {
        Map<Long, List<Promotion>> out = new java.util.TreeMap<>();
        jdbc.sql("select * from promotion where status = 'ACTIVE' and definition -> 'trigger' ->> 'type' in "
                        + "('DATE', 'SCHEDULE') order by circuit_id, priority, id")
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("circuit_id"), c -> new java.util.ArrayList<>())
                            .add(stored(rs).promotion());
                });
        return out;
    }

    /** Adds what a promotion gave outside a purchase to its spent points (only a budget counts them). */
    public void spent(long promotionId, long points) {
        jdbc.sql("update promotion set spent_points = spent_points + :d where id = :id and budget_points is not null")
                .param("d", points).param("id", promotionId).update();
    }

    /** The circuit's active promotions, in the order they are considered (validity is the engine's to check). */
    public List<Promotion> active(long circuitId) {
        return jdbc.sql("select * from promotion where circuit_id = :c and status = 'ACTIVE' order by priority, id")
                .param("c", circuitId).query((rs, n) -> stored(rs).promotion()).list();
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        PromotionInput input = JSON.readValue(rs.getString("definition"), PromotionInput.class);
        Promotion p = input.toPromotion(rs.getLong("id"), Promotion.Status.valueOf(rs.getString("status")));
        return new Stored(p, rs.getLong("spent_points"), rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * The promotions' counters for the member: uses since each one's window start, and points given. With
     * {@code lock}, the promotions are locked (in id order, so concurrent purchases never deadlock on them) until the
     * transaction ends: what the live path decides under; without, what a simulation reads.
     */
    public Map<Long, PromotionEngine.Counters> counters(List<Promotion> promotions, long memberId, Instant at,
                                                       ZoneId zone, boolean lock) {
        Map<Long, PromotionEngine.Counters> out = new HashMap<>();
        for (Promotion p : promotions.stream().filter(p -> p.limits().any())
                .sorted(java.util.Comparator.comparing(Promotion::id)).toList()) {
            long spent = jdbc.sql("select spent_points from promotion where id = :id" + (lock ? " for update" : ""))
                    .param("id", p.id()).query(Long.class).single();
            int uses = p.limits().perMember() == null ? 0 : uses(p.id(), memberId, p.limits().period().start(at, zone));
            out.put(p.id(), new PromotionEngine.Counters(uses, spent));
        }
        return out;
    }

    /**
     * The member's uses of the promotion since {@code since}: purchase grants that still stand (not wholly taken back),
     * and what it did on events, dates and schedules.
     */
    public int uses(long promotionId, long memberId, Instant since) {
        return jdbc.sql("select (select count(*) from promotion_grant where promotion_id = :p and member_id = :m "
                        + "and occurred_at >= :since and not withdrawn) + (select count(*) from promotion_occurrence "
                        + "where promotion_id = :p and member_id = :m and occurred_at >= :since)")
                .param("p", promotionId).param("m", memberId).param("since", Timestamp.from(since))
                .query(Integer.class).single();
    }

    public long grant(long circuitId, long promotionId, long memberId, long purchaseId, Instant occurredAt, long points,
                      Long sourceCompanyId) {
        return jdbc.sql("insert into promotion_grant (circuit_id, promotion_id, member_id, occurrence, purchase_id, "
                        + "occurred_at, points, source_company_id) values (:c, :p, :m, :occurrence, :purchase, :at, "
                        + ":points, :source) returning id")
                .param("c", circuitId).param("p", promotionId).param("m", memberId)
                .param("occurrence", "purchase:" + purchaseId).param("purchase", purchaseId)
                .param("at", Timestamp.from(occurredAt)).param("points", points).param("source", sourceCompanyId)
                .query(Long.class).single();
    }

    public List<Grant> grantsOf(long purchaseId) {
        return jdbc.sql("select * from promotion_grant where purchase_id = :id order by promotion_id")
                .param("id", purchaseId)
                .query((rs, n) -> new Grant(rs.getLong("id"), rs.getLong("promotion_id"), rs.getLong("points"),
                        rs.getLong("given"), rs.getBoolean("withdrawn"), (Long) rs.getObject("source_company_id"),
                        (Long) rs.getObject("lot_entry_id"), rs.getInt("steps")))
                .list();
    }

    /** Records what a grant has posted now, and moves its promotion's spent points by the difference. */
    public void given(Grant g, long given, boolean withdrawn, Long lotEntryId, int steps) {
        jdbc.sql("update promotion_grant set given = :given, withdrawn = :w, lot_entry_id = :lot, steps = :steps "
                        + "where id = :id")
                .param("given", given).param("w", withdrawn).param("lot", lotEntryId).param("steps", steps)
                .param("id", g.id()).update();
        if (given != g.given()) {
            jdbc.sql("update promotion set spent_points = spent_points + :d where id = :id and budget_points is not null")
                    .param("d", given - g.given()).param("id", g.promotionId()).update();
        }
    }

    /**
     * The points a promotion may still give (no limit without a budget), its row locked until the transaction ends
     * when it has a budget: a grant growing back (a refund undone) never takes it past its budget.
     */
    public long budgetLeft(long promotionId) {
        return jdbc.sql("select budget_points - spent_points from promotion where id = :id and budget_points is not null "
                        + "for update")
                .param("id", promotionId).query(Long.class).optional().orElse(Long.MAX_VALUE);
    }

    /** Stores a purchase's evaluation once; false when it was already decided. */
    public boolean evaluated(long circuitId, long companyId, long purchaseId, Instant at,
                             List<PromotionEngine.Considered> considered) {
        return jdbc.sql("insert into promotion_evaluation (purchase_id, circuit_id, company_id, evaluated_at, considered) "
                        + "values (:id, :c, :company, :at, cast(:json as jsonb)) on conflict do nothing")
                .param("id", purchaseId).param("c", circuitId).param("company", companyId).param("at", Timestamp.from(at))
                .param("json", JSON.writeValueAsString(considered)).update() == 1;
    }

    public boolean isEvaluated(long purchaseId) {
        return jdbc.sql("select exists (select 1 from promotion_evaluation where purchase_id = :id)")
                .param("id", purchaseId).query(Boolean.class).single();
    }

    /** A purchase's evaluation as stored when it was decided: the company of the purchase, when, what was considered. */
    public record StoredEvaluation(long purchaseId, long companyId, Instant at, List<PromotionEngine.Considered> considered) {
    }

    public Optional<StoredEvaluation> evaluation(long circuitId, long purchaseId) {
        return jdbc.sql("select company_id, evaluated_at, considered from promotion_evaluation "
                        + "where circuit_id = :c and purchase_id = :id")
                .param("c", circuitId).param("id", purchaseId)
                .query((rs, n) -> new StoredEvaluation(purchaseId, rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        JSON.readValue(rs.getString(3), new TypeReference<List<PromotionEngine.Considered>>() {
                        }))).optional();
    }

    /**
     * What a promotion has given so far: grants standing (purchases, or events, dates and schedules), members
     * reached, points given (after refunds).
     */
    public record Figures(long grants, long members, long points) {
    }

    public Figures figures(long promotionId) {
        return jdbc.sql("select count(*), count(distinct member_id), coalesce(sum(points), 0) from ("
                        + "select member_id, given as points from promotion_grant where promotion_id = :p and given > 0 "
                        + "union all select member_id, greatest(points, 0) from promotion_occurrence where promotion_id = :p) x")
                .param("p", promotionId)
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** The ids among {@code ids} that are not tiers of the circuit. */
    public List<Long> unknownTiers(long circuitId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> known = jdbc.sql("select id from tier where circuit_id = :c and id = any(:ids)").param("c", circuitId)
                .param("ids", ids.toArray(Long[]::new)).query(Long.class).list();
        return ids.stream().filter(id -> !known.contains(id)).sorted().toList();
    }


    /** The circuit's time zone: days of the week, hours and limit windows are counted in it. */
    public ZoneId zone(long circuitId) {
        return jdbc.sql("select time_zone from program_settings where circuit_id = :c").param("c", circuitId)
                .query(String.class).optional().map(ZoneId::of).orElse(ZoneId.of("Europe/Rome"));
    }

    /** The points a purchase itself earns (its award's base), 0 before it has one. */
    public long basePoints(long purchaseId) {
        return jdbc.sql("select base_points from purchase_award where purchase_id = :id").param("id", purchaseId)
                .query(Long.class).optional().orElse(0L);
    }

    /** Base points of many purchases at once (the dry run's pages). */
    public Map<Long, Long> basePoints(List<Long> purchaseIds) {
        Map<Long, Long> out = new HashMap<>();
        jdbc.sql("select purchase_id, base_points from purchase_award where purchase_id = any(:ids)")
                .param("ids", purchaseIds.toArray(Long[]::new))
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }
}
