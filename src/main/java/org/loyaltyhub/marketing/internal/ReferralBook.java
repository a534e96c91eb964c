package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.ReferralChannel;
import org.loyaltyhub.marketing.RefusalReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Members' referral codes, who referred whom, and refused attempts: the SQL of the referral module. */
@Repository
class ReferralBook {

    /** Letters and digits that can't be mistaken for one another when read out at a counter. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How far up or down a tree any query walks: a bound, whatever the data. */
    static final int MAX_DEPTH = 50;

    private final JdbcClient jdbc;

    ReferralBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's code, made now if they have none (two concurrent calls get the same one). */
    String code(long circuitId, long memberId) {
        Optional<String> existing = codeOf(memberId);
        while (existing.isEmpty()) {
            jdbc.sql("insert into referral_code (member_id, circuit_id, code) values (:m, :c, :code) "
                            + "on conflict do nothing")
                    .param("m", memberId).param("c", circuitId).param("code", newCode()).update();
            existing = codeOf(memberId); // a collision with another member's code inserted nothing: try again
        }
        return existing.get();
    }

    private Optional<String> codeOf(long memberId) {
        return jdbc.sql("select code from referral_code where member_id = :m").param("m", memberId)
                .query(String.class).optional();
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The owner of a code in the circuit, their row locked so that their referrals of a day are counted one at a time. */
    Optional<Long> lockOwner(long circuitId, String code) {
        return jdbc.sql("select member_id from referral_code where circuit_id = :c and code = :code for update")
                .param("c", circuitId).param("code", code).query(Long.class).optional();
    }

    Optional<Long> referrerOf(long circuitId, long friendId) {
        return jdbc.sql("select referrer_member_id from referral where circuit_id = :c and friend_member_id = :f")
                .param("c", circuitId).param("f", friendId).query(Long.class).optional();
    }

    long referralsSince(long circuitId, long referrerId, Instant since) {
        return jdbc.sql("select count(*) from referral where circuit_id = :c and referrer_member_id = :r "
                        + "and created_at >= :since")
                .param("c", circuitId).param("r", referrerId).param("since", Timestamp.from(since))
                .query(Long.class).single();
    }

    /** False when the friend got a referrer meanwhile (a concurrent sign-up: the unique friend decides). */
    boolean record(long circuitId, long friendId, long referrerId, ReferralChannel channel, String actor,
                   Instant at) {
        return jdbc.sql("insert into referral (friend_member_id, circuit_id, referrer_member_id, channel, actor, "
                        + "created_at) values (:f, :c, :r, :channel, :actor, :at) on conflict do nothing")
                .param("f", friendId).param("c", circuitId).param("r", referrerId).param("channel", channel.name())
                .param("actor", actor).param("at", Timestamp.from(at)).update() == 1;
    }

    void refuse(long circuitId, Long friendId, Long referrerId, String code, RefusalReason reason,
                ReferralChannel channel, String actor, Instant at) {
        jdbc.sql("insert into referral_refusal (circuit_id, friend_member_id, referrer_member_id, code, reason, "
                        + "channel, actor, created_at) values (:c, :f, :r, :code, :reason, :channel, :actor, :at)")
                .param("c", circuitId).param("f", friendId).param("r", referrerId)
                .param("code", code == null || code.length() <= 40 ? code : code.substring(0, 40))
                .param("reason", reason.name()).param("channel", channel.name()).param("actor", actor)
                .param("at", Timestamp.from(at)).update();
    }

    /** The member's upline, nearest first, at most {@code depth} members. */
    List<Long> upline(long circuitId, long memberId, int depth) {
        return jdbc.sql("""
                        with recursive up (member, depth) as (
                            select referrer_member_id, 1 from referral where circuit_id = :c and friend_member_id = :m
                            union all
                            select r.referrer_member_id, up.depth + 1 from referral r join up on r.friend_member_id = up.member
                             where r.circuit_id = :c and up.depth < :depth)
                        select member from up order by depth""")
                .param("c", circuitId).param("m", memberId).param("depth", Math.min(depth, MAX_DEPTH))
                .query(Long.class).list();
    }

    /** A node of a member's downline: the friend, whom they were referred by, how far down. */
    record Link(long friendId, long referrerId, int depth, Instant at) {
    }

    /** The member's downline, level by level, at most {@code depth} levels and {@code limit} members. */
    List<Link> downline(long circuitId, long memberId, int depth, int limit) {
        return jdbc.sql("""
                        with recursive down (friend, referrer, depth, at) as (
                            select friend_member_id, referrer_member_id, 1, created_at from referral
                             where circuit_id = :c and referrer_member_id = :m
                            union all
                            select r.friend_member_id, r.referrer_member_id, down.depth + 1, r.created_at
                              from referral r join down on r.referrer_member_id = down.friend
                             where r.circuit_id = :c and down.depth < :depth)
                        select * from down order by depth, at, friend limit :limit""")
                .param("c", circuitId).param("m", memberId).param("depth", Math.min(depth, MAX_DEPTH))
                .param("limit", limit)
                .query((rs, n) -> new Link(rs.getLong("friend"), rs.getLong("referrer"), rs.getInt("depth"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Referrals recorded in the circuit, and refused attempts by reason. */
    record Counts(long referrals, long refusals, Map<RefusalReason, Long> refusalsByReason) {
    }

    Counts counts(long circuitId) {
        long referrals = jdbc.sql("select count(*) from referral where circuit_id = :c").param("c", circuitId)
                .query(Long.class).single();
        Map<RefusalReason, Long> byReason = new EnumMap<>(RefusalReason.class);
        jdbc.sql("select reason, count(*) as n from referral_refusal where circuit_id = :c group by reason")
                .param("c", circuitId)
                .query((rs, n) -> Map.entry(RefusalReason.valueOf(rs.getString("reason")), rs.getLong("n"))).list()
                .forEach(e -> byReason.put(e.getKey(), e.getValue()));
        return new Counts(referrals, byReason.values().stream().mapToLong(Long::longValue).sum(), byReason);
    }

    /** A referrer and how many friends they referred. */
    record Referrer(long memberId, long referrals) {
    }

    List<Referrer> topReferrers(long circuitId, int limit) {
        return jdbc.sql("select referrer_member_id, count(*) as n from referral where circuit_id = :c "
                        + "group by referrer_member_id order by n desc, referrer_member_id limit :limit")
                .param("c", circuitId).param("limit", limit)
                .query((rs, n) -> new Referrer(rs.getLong(1), rs.getLong(2))).list();
    }

    /** A refused attempt as the report lists it. */
    record Refusal(Instant at, RefusalReason reason, ReferralChannel channel, String code, Long friendId,
                   Long referrerId) {
    }

    List<Refusal> latestRefusals(long circuitId, int limit) {
        return jdbc.sql("select * from referral_refusal where circuit_id = :c order by created_at desc, id desc "
                        + "limit :limit")
                .param("c", circuitId).param("limit", limit)
                .query((rs, n) -> new Refusal(rs.getTimestamp("created_at").toInstant(),
                        RefusalReason.valueOf(rs.getString("reason")), ReferralChannel.valueOf(rs.getString("channel")),
                        rs.getString("code"), (Long) rs.getObject("friend_member_id"),
                        (Long) rs.getObject("referrer_member_id")))
                .list();
    }
}
