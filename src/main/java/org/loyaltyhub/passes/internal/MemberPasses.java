package org.loyaltyhub.passes.internal;

import org.loyaltyhub.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One pass per member: a random serial and the token Apple devices (and the links in e-mails) present for it, and
 * when what it shows last changed; with the devices registered for its updates (Apple's pass web service).
 */
@Component
class MemberPasses {

    /** A member's pass; {@code updatedAt} to the second, as the web service's tags and Last-Modified carry it. */
    record MemberPass(long circuitId, long memberId, String serial, String authToken, Instant updatedAt) {

        boolean authorises(String token) {
            return token != null && MessageDigest.isEqual(authToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MemberPasses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The member's pass, made on first ask. */
    MemberPass of(long circuitId, long memberId) {
        jdbc.sql("insert into member_pass (circuit_id, member_id, serial, auth_token, updated_at) "
                        + "values (:c, :m, :serial, :token, :now) on conflict (circuit_id, member_id) do nothing")
                .param("c", circuitId).param("m", memberId).param("serial", SecretBox.randomToken(18))
                .param("token", SecretBox.randomToken(24)).param("now", Timestamp.from(now())).update();
        return find("circuit_id = :c and member_id = :m", circuitId, memberId, null).orElseThrow();
    }

    Optional<MemberPass> bySerial(String serial) {
        return find("serial = :serial", 0, 0, serial);
    }

    Optional<MemberPass> existing(long circuitId, long memberId) {
        return find("circuit_id = :c and member_id = :m", circuitId, memberId, null);
    }

    /** What the pass shows changed (its balance): devices asking for updates since an earlier tag get it again. */
    boolean touch(long circuitId, long memberId) {
        return jdbc.sql("update member_pass set updated_at = greatest(:now, updated_at + interval '1 second') "
                        + "where circuit_id = :c and member_id = :m")
                .param("c", circuitId).param("m", memberId).param("now", Timestamp.from(now())).update() > 0;
    }

    /** {@link #touch} for many members at once: those who have a pass. */
    java.util.Set<Long> touch(long circuitId, java.util.List<Long> memberIds) {
        return new java.util.HashSet<>(jdbc.sql("update member_pass set updated_at = greatest(?, updated_at "
                        + "+ interval '1 second') where circuit_id = ? and member_id = any(?::bigint[]) returning member_id")
                .params(Timestamp.from(now()), circuitId, memberIds.toArray(Long[]::new)).query(Long.class).list());
    }

    /** Registers the device for the pass's updates, or takes its new push token (true when new: xmax = 0 on an inserted row). */
    boolean register(MemberPass pass, String deviceId, String pushToken) {
        boolean inserted = jdbc.sql("""
                        insert into pass_device_registration (circuit_id, serial, device_id, push_token, registered_at)
                        values (:c, :serial, :device, :push, :now) on conflict (serial, device_id)
                        do update set push_token = excluded.push_token returning (xmax = 0)""")
                .param("c", pass.circuitId()).param("serial", pass.serial()).param("device", deviceId)
                .param("push", pushToken).param("now", Timestamp.from(clock.instant()))
                .query(Boolean.class).single();
        return inserted;
    }

    boolean unregister(MemberPass pass, String deviceId) {
        return jdbc.sql("delete from pass_device_registration where serial = :serial and device_id = :device")
                .param("serial", pass.serial()).param("device", deviceId).update() > 0;
    }

    /** A device's registered passes of this pass type changed after {@code since} (null: all of them). */
    List<MemberPass> updatedFor(String deviceId, List<Long> circuits, Instant since) {
        return jdbc.sql("""
                        select p.circuit_id, p.member_id, p.serial, p.auth_token, p.updated_at from member_pass p
                        join pass_device_registration r on r.serial = p.serial
                        where r.device_id = :device and p.circuit_id in (:circuits)
                          and (cast(:since as timestamptz) is null or p.updated_at > :since) order by p.serial""")
                .param("device", deviceId).param("circuits", circuits)
                .param("since", since == null ? null : Timestamp.from(since))
                .query((rs, n) -> pass(rs)).list();
    }

    /** The push tokens of the devices that keep this member's pass. */
    List<String> pushTokens(long circuitId, long memberId) {
        return jdbc.sql("select r.push_token from pass_device_registration r join member_pass p on p.serial = r.serial "
                        + "where p.circuit_id = :c and p.member_id = :m order by r.device_id")
                .param("c", circuitId).param("m", memberId).query(String.class).list();
    }

    /** APNs said the device no longer has the pass. */
    void forgetPushToken(String pushToken) {
        jdbc.sql("delete from pass_device_registration where push_token = :push").param("push", pushToken).update();
    }

    private Optional<MemberPass> find(String where, long circuitId, long memberId, String serial) {
        return jdbc.sql("select circuit_id, member_id, serial, auth_token, updated_at from member_pass where " + where)
                .param("c", circuitId).param("m", memberId).param("serial", serial)
                .query((rs, n) -> pass(rs)).optional();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static MemberPass pass(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MemberPass(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
