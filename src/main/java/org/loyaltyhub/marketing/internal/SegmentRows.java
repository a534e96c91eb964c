package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.ConditionReader;
import org.loyaltyhub.marketing.Match;
import org.loyaltyhub.marketing.Segment;
import org.loyaltyhub.marketing.SegmentDefinition;
import org.loyaltyhub.marketing.SegmentInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Segments' rows: the segment, its groups and their conditions, each condition as canonical text. */
@Component
class SegmentRows {

    private final JdbcClient jdbc;

    SegmentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Head(long id, long circuitId, String name, String description, Match match, String createdBy,
                        java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    List<Segment> list(long circuitId) {
        return jdbc.sql("select * from segment where circuit_id = :c order by lower(name), id")
                .param("c", circuitId).query(this::head).list().stream().map(this::whole).toList();
    }

    Optional<Segment> find(long circuitId, long id) {
        return jdbc.sql("select * from segment where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(this::head).optional().map(this::whole);
    }

    /**
     * Whether the segment exists, keeping it so until a read-write transaction ends (a key-share lock: a deletion waits
     * for a campaign being saved with it as target); a read-only one (a dry run) only looks.
     */
    boolean existsKept(long circuitId, long id) {
        String keep = TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? "" : " for key share";
        return jdbc.sql("select id from segment where circuit_id = :c and id = :id" + keep)
                .param("c", circuitId).param("id", id).query(Long.class).optional().isPresent();
    }

    /** Locks the segment's row until the transaction ends (before a deletion); false when there is none. */
    boolean lock(long circuitId, long id) {
        return jdbc.sql("select id from segment where circuit_id = :c and id = :id for update")
                .param("c", circuitId).param("id", id).query(Long.class).optional().isPresent();
    }

    boolean nameTaken(long circuitId, String name, Long except) {
        return jdbc.sql("select exists (select 1 from segment where circuit_id = :c and lower(name) = lower(:n) "
                        + "and id <> coalesce(cast(:except as bigint), -1))")
                .param("c", circuitId).param("n", name).param("except", except).query(Boolean.class).single();
    }

    long insert(long circuitId, ConditionReader.Read s, String actor) {
        long id = jdbc.sql("insert into segment (circuit_id, name, description, match, created_by) "
                        + "values (:c, :n, :d, :m, :by) returning id")
                .param("c", circuitId).param("n", s.name()).param("d", s.description())
                .param("m", s.definition().match().name()).param("by", actor).query(Long.class).single();
        insertGroups(id, s.definition());
        return id;
    }

    void update(long circuitId, long id, ConditionReader.Read s) {
        jdbc.sql("update segment set name = :n, description = :d, match = :m, updated_at = now() "
                        + "where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).param("n", s.name()).param("d", s.description())
                .param("m", s.definition().match().name()).update();
        jdbc.sql("delete from segment_group where segment_id = :id").param("id", id).update();
        insertGroups(id, s.definition());
    }

    void delete(long circuitId, long id) {
        jdbc.sql("delete from segment where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .update();
    }

    private void insertGroups(long id, SegmentDefinition d) {
        for (int g = 0; g < d.groups().size(); g++) {
            SegmentDefinition.Group group = d.groups().get(g);
            jdbc.sql("insert into segment_group (segment_id, position, match) values (:s, :p, :m)")
                    .param("s", id).param("p", g).param("m", group.match().name()).update();
            for (int c = 0; c < group.conditions().size(); c++) {
                var condition = group.conditions().get(c);
                jdbc.sql("insert into segment_condition (segment_id, group_pos, position, field, operator, vals, months) "
                                + "values (:s, :g, :p, :f, :o, :v, :months)")
                        .param("s", id).param("g", g).param("p", c).param("f", condition.field().name())
                        .param("o", condition.operator().name())
                        .param("v", condition.values().toArray(String[]::new)).param("months", condition.months())
                        .update();
            }
        }
    }

    private Head head(java.sql.ResultSet rs, int n) throws SQLException {
        return new Head(rs.getLong("id"), rs.getLong("circuit_id"), rs.getString("name"), rs.getString("description"),
                Match.valueOf(rs.getString("match")), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    /** The stored definition, read back as it was saved (stored ids are not checked again: a removed tier matches none). */
    private Segment whole(Head h) {
        List<SegmentInput.GroupInput> groups = new ArrayList<>();
        List<String> matches = jdbc.sql("select match from segment_group where segment_id = :s order by position")
                .param("s", h.id()).query(String.class).list();
        for (int g = 0; g < matches.size(); g++) {
            List<SegmentInput.ConditionInput> conditions = jdbc.sql("""
                            select field, operator, vals, months from segment_condition
                             where segment_id = :s and group_pos = :g order by position""")
                    .param("s", h.id()).param("g", g)
                    .query((rs, n) -> new SegmentInput.ConditionInput(rs.getString("field"), rs.getString("operator"),
                            strings(rs.getArray("vals")), (Integer) rs.getObject("months"))).list();
            groups.add(new SegmentInput.GroupInput(matches.get(g), conditions));
        }
        SegmentDefinition d = ConditionReader.definition(new SegmentInput(h.name(), h.description(), h.match().name(),
                groups), (field, id) -> true);
        return new Segment(h.id(), h.circuitId(), h.name(), h.description(), d, h.createdBy(), h.createdAt(),
                h.updatedAt());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
