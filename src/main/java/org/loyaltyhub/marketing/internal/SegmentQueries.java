package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.SegmentChoices;
import org.loyaltyhub.marketing.SegmentCount;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Runs compiled segments: the count and a page in one pass, a page alone, one member, every member for an export. */
@Component
class SegmentQueries {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;

    SegmentQueries(JdbcClient jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    /**
     * How this transaction runs a segment: memory for its hash joins and aggregates (a segment over a million members
     * joins read models of a million rows each, which the default 4 MB would spill to disk), and one process: parallel
     * workers would each build the same hashes of the read models again (measured on 1,000,000 members: three
     * times the CPU for the same time), taking the cores the counters need. For the whole segment (a count, an
     * export) no nested loops either: the conditions' filters are estimated far below what they keep (a tier in force
     * is a CASE, a window an array element), and the planner then looks members up one by one in each read model
     * (on 1,000,000 members, 340,000 index probes per read model) instead of hashing the circuit's rows of each once.
     * A page after a member id keeps them: it walks members in id order and stops at the page's end. Local to the
     * transaction.
     */
    void roomToHash() {
        roomToHash(true);
    }

    private void roomToHash(boolean wholeSegment) {
        jdbc.sql("set local work_mem = '64MB'").update();
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
        if (wholeSegment) {
            jdbc.sql("set local enable_nestloop = off").update();
        }
    }

    /** The total and the page after {@code after}: the segment's members are found once, then counted and paged. */
    SegmentCount evaluate(SegmentSql.Compiled q, long after, int limit) {
        roomToHash();
        var result = jdbc.sql(evaluation(q))
                .params(q.params()).param("after", after).param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getLong("total"), Arrays.asList((Long[]) rs.getArray("page").getArray())))
                .single();
        return new SegmentCount(result.getKey(), summaries(result.getValue()));
    }

    /** The query {@link #evaluate} runs (the benchmark explains it). */
    static String evaluation(SegmentSql.Compiled q) {
        return "with s as materialized (select m.member_id as id " + q.from() + ") "
                + "select (select count(*) from s) as total, "
                + "array(select id from s where id > :after order by id limit :limit) as page";
    }

    long count(SegmentSql.Compiled q) {
        roomToHash();
        return jdbc.sql("select count(*) " + q.from()).params(q.params()).query(Long.class).single();
    }

    List<Long> page(SegmentSql.Compiled q, long after, int limit) {
        roomToHash(false);
        return jdbc.sql("select m.member_id " + q.from() + " and m.member_id > :after order by m.member_id limit :limit")
                .params(q.params()).param("after", after).param("limit", limit).query(Long.class).list();
    }

    /** Every member id of the segment, ascending, in one evaluation (a job walking the whole segment). */
    long[] ids(SegmentSql.Compiled q) {
        roomToHash();
        java.util.stream.LongStream.Builder ids = java.util.stream.LongStream.builder();
        jdbc.sql("select m.member_id " + q.from() + " order by m.member_id").params(q.params())
                .query(rs -> {
                    ids.add(rs.getLong(1));
                });
        return ids.build().toArray();
    }

    boolean contains(SegmentSql.Compiled q, long memberId) {
        return jdbc.sql("select exists (select 1 " + q.from() + " and m.member_id = :member)")
                .params(q.params()).param("member", memberId).query(Boolean.class).single();
    }

    /** Every member of the segment, in id order, one row at a time (an export). */
    void each(SegmentSql.Compiled q, RowCallbackHandler row) {
        roomToHash();
        jdbc.sql("select m.member_id, m.first_name, m.last_name, m.email, m.phone, m.city, m.postcode, "
                        + "(select x.enrolled_at from segment_member_facts x where x.member_id = m.member_id) as enrolled, "
                        + "(select x.last_purchase_at from segment_member_facts x where x.member_id = m.member_id) "
                        + "as last_purchase " + q.from() + " order by m.member_id")
                .params(q.params()).query(row);
    }

    private List<SegmentCount.SegmentMember> summaries(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select member_id, first_name, last_name, email, city from segment_member "
                        + "where member_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new SegmentCount.SegmentMember(rs.getLong("member_id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email"), rs.getString("city")))
                .list().stream().sorted(Comparator.comparingLong(SegmentCount.SegmentMember::id)).toList();
    }

    /** The circuit's tiers, badges on the ladder, plans on sale and stores, for the editor and to check ids. */
    SegmentChoices choices(long circuitId) {
        return new SegmentChoices(
                named("select id, name_en, name_it from segment_tier where circuit_id = :c order by threshold", circuitId),
                named("select id, name_en, name_it from segment_badge where circuit_id = :c and not removed order by id",
                        circuitId),
                named("select id, name_en, name_it from segment_plan where circuit_id = :c and not archived order by id",
                        circuitId),
                tenancy.companiesOf(circuitId).stream().flatMap(c -> tenancy.storesOf(circuitId, c.id()).stream())
                        .map(s -> new SegmentChoices.Choice(s.id(), new MemberStatus.Names(s.name(), s.name())))
                        .toList());
    }

    private List<SegmentChoices.Choice> named(String sql, long circuitId) {
        return jdbc.sql(sql).param("c", circuitId).query((rs, n) -> new SegmentChoices.Choice(rs.getLong("id"),
                new MemberStatus.Names(rs.getString("name_en"), rs.getString("name_it")))).list();
    }
}
