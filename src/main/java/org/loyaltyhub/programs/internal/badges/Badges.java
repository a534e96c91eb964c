package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.programs.MemberStatus.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The badges of each circuit, their icons and the circuit's badge window, in PostgreSQL. */
@Repository
class Badges {

    private static final String COLUMNS = "id, circuit_id, name_en, name_it, description_en, description_it, "
            + "points_from, points_to, extra_value_percent, max_discount_amount, max_discount_percent, icon_type, "
            + "icon_sha256";

    private final JdbcClient jdbc;

    private final org.loyaltyhub.programs.internal.CircuitFeatures features;

    Badges(JdbcClient jdbc, org.loyaltyhub.programs.internal.CircuitFeatures features) {
        this.features = features;
        this.jdbc = jdbc;
    }

    /** Serialises changes to one circuit's ladder, so two overlapping badges cannot both pass the check. */
    void lockLadder(long circuitId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "badges:" + circuitId)
                .query(Object.class).single();
    }

    BadgeLadder ladder(long circuitId) {
        return new BadgeLadder(jdbc.sql("select " + COLUMNS + " from badge where circuit_id = :c and removed_at is null")
                .param("c", circuitId).query(Badges::badge).list());
    }

    Optional<Badge> find(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from badge where circuit_id = :c and id = :id and removed_at is null")
                .param("c", circuitId).param("id", id).query(Badges::badge).optional();
    }

    /** A badge even if removed: members' history still names it. */
    Optional<Badge> findEver(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from badge where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(Badges::badge).optional();
    }

    long insert(long circuitId, BadgeDraft d) {
        features.changed(circuitId);
        return jdbc.sql("""
                        insert into badge (circuit_id, name_en, name_it, description_en, description_it, points_from,
                                           points_to, extra_value_percent, max_discount_amount, max_discount_percent)
                        values (:c, :nameEn, :nameIt, :descEn, :descIt, :from, :to, :extra, :maxAmount, :maxPercent)
                        returning id""")
                .param("c", circuitId).params(params(d)).query(Long.class).single();
    }

    boolean update(long circuitId, long id, BadgeDraft d) {
        return jdbc.sql("""
                        update badge set name_en = :nameEn, name_it = :nameIt, description_en = :descEn,
                               description_it = :descIt, points_from = :from, points_to = :to,
                               extra_value_percent = :extra, max_discount_amount = :maxAmount,
                               max_discount_percent = :maxPercent
                         where circuit_id = :c and id = :id and removed_at is null""")
                .param("c", circuitId).param("id", id).params(params(d)).update() == 1;
    }

    boolean remove(long circuitId, long id, Instant at) {
        return jdbc.sql("update badge set removed_at = :at where circuit_id = :c and id = :id and removed_at is null")
                .param("c", circuitId).param("id", id).param("at", Timestamp.from(at)).update() == 1;
    }

    boolean saveIcon(long circuitId, long id, BadgeIcon icon) {
        return jdbc.sql("""
                        update badge set icon_type = :t, icon = :b, icon_sha256 = :h
                         where circuit_id = :c and id = :id and removed_at is null""")
                .param("c", circuitId).param("id", id).param("t", icon.type().name()).param("b", icon.bytes())
                .param("h", icon.sha256()).update() == 1;
    }

    boolean removeIcon(long circuitId, long id) {
        return jdbc.sql("""
                        update badge set icon_type = null, icon = null, icon_sha256 = null
                         where circuit_id = :c and id = :id and removed_at is null""")
                .param("c", circuitId).param("id", id).update() == 1;
    }

    Optional<BadgeIcon> icon(long circuitId, long id) {
        return jdbc.sql("""
                        select icon_type, icon, icon_sha256 from badge
                         where circuit_id = :c and id = :id and removed_at is null and icon is not null""")
                .param("c", circuitId).param("id", id)
                .query((rs, n) -> new BadgeIcon(IconType.valueOf(rs.getString(1)), rs.getBytes(2), rs.getString(3)))
                .optional();
    }

    BadgeWindow window(long circuitId) {
        return jdbc.sql("select kind, months from badge_window where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new BadgeWindow(BadgeWindow.Kind.valueOf(rs.getString(1)),
                        (Integer) rs.getObject(2)))
                .optional().orElse(BadgeWindow.LIFETIME);
    }

    void saveWindow(long circuitId, BadgeWindow w) {
        jdbc.sql("""
                        insert into badge_window (circuit_id, kind, months) values (:c, :k, :m)
                        on conflict (circuit_id) do update set kind = excluded.kind, months = excluded.months""")
                .param("c", circuitId).param("k", w.kind().name()).param("m", w.months()).update();
    }

    private static java.util.Map<String, Object> params(BadgeDraft d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("nameEn", d.names().en());
        p.put("nameIt", d.names().it());
        p.put("descEn", d.descriptions().en());
        p.put("descIt", d.descriptions().it());
        p.put("from", d.range().from());
        p.put("to", d.range().to());
        p.put("extra", d.discount().extraValuePercent());
        p.put("maxAmount", d.discount().maxDiscountAmount());
        p.put("maxPercent", d.discount().maxDiscountPercent());
        return p;
    }

    private static Badge badge(ResultSet rs, int n) throws SQLException {
        String icon = rs.getString("icon_type");
        return new Badge(rs.getLong("id"), rs.getLong("circuit_id"),
                new Names(rs.getString("name_en"), rs.getString("name_it")),
                new Names(rs.getString("description_en"), rs.getString("description_it")),
                new PointRange(rs.getLong("points_from"), (Long) rs.getObject("points_to")),
                new BadgeDiscount(rs.getBigDecimal("extra_value_percent"), rs.getBigDecimal("max_discount_amount"),
                        rs.getBigDecimal("max_discount_percent")),
                icon == null ? null : IconType.valueOf(icon), rs.getString("icon_sha256"));
    }
}
