package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.ShareTarget;
import org.loyaltyhub.marketing.Sharing;
import org.loyaltyhub.marketing.SocialSettings;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.programs.SharePoints;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;

/** {@link Sharing}: members' share links, the visits they bring (hashed visitors, once a day) and their points. */
@Service
@Transactional
class SharingService implements Sharing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ReferralBook referrals;
    private final SharePoints points;
    private final CircuitSignature signature;
    private final Programs programs;
    private final Tenancy tenancy;
    private final Clock clock;

    SharingService(JdbcClient jdbc, ReferralBook referrals, SharePoints points, CircuitSignature signature,
                   Programs programs, Tenancy tenancy, Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.points = points;
        this.signature = signature;
        this.programs = programs;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    private record Link(long id, long memberId, ShareTarget target, Long storeId) {
    }

    @Override
    public String link(long circuitId, long memberId, ShareTarget target, Long storeId) {
        if ((target == ShareTarget.STORE) != (storeId != null)) {
            throw new InvalidInput("storeId", "a store's link names the store; a referral link names none");
        }
        if (storeId != null) {
            tenancy.store(circuitId, storeId);
        }
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        jdbc.sql("""
                        insert into share_link (circuit_id, member_id, target, store_id, token, created_at)
                        values (:c, :m, :target, :store, :token, :now) on conflict do nothing""")
                .param("c", circuitId).param("m", memberId).param("target", target.name()).param("store", storeId)
                .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(random))
                .param("now", Timestamp.from(clock.instant())).update();
        String token = jdbc.sql("""
                        select token from share_link where circuit_id = :c and member_id = :m and target = :target
                        and coalesce(store_id, 0) = coalesce(cast(:store as bigint), 0)""")
                .param("c", circuitId).param("m", memberId).param("target", target.name()).param("store", storeId)
                .query(String.class).single();
        return "/c/" + circuitId + "/s/" + token;
    }

    @Override
    public Visit visited(long circuitId, String token, String cookie, String client, Long signedInMember) {
        Optional<Link> link = token == null || !token.matches("[A-Za-z0-9_-]{16,40}") ? Optional.empty()
                : jdbc.sql("select id, member_id, target, store_id from share_link where circuit_id = :c and token = :t")
                .param("c", circuitId).param("t", token).query((rs, n) -> new Link(rs.getLong(1), rs.getLong(2),
                        ShareTarget.valueOf(rs.getString(3)), (Long) rs.getObject(4, Long.class))).optional();
        if (link.isEmpty()) {
            return new Visit("/c/" + circuitId, false, 0);
        }
        Link l = link.get();
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of(programs.settings(circuitId).timeZone()));
        String clientHash = signature.sign(circuitId, "share-client:" + day + ":" + client);
        String hash = cookie == null ? clientHash : signature.sign(circuitId, "share-cookie:" + day + ":" + cookie);
        boolean seen = jdbc.sql("""
                        select exists (select 1 from share_visit v join share_link l on l.id = v.share_link_id
                                       where v.circuit_id = :c and l.member_id = :m and v.day = :day
                                       and (v.visitor_hash = :hash or v.client_hash = :client))""")
                .param("c", circuitId).param("m", l.memberId()).param("day", day).param("hash", hash)
                .param("client", clientHash).query(Boolean.class).single();
        if (seen) {
            return new Visit(next(circuitId, l), false, 0);
        }
        SocialSettings s = settings(circuitId);
        long rewardedToday = jdbc.sql("""
                        select count(*) from share_visit v join share_link l on l.id = v.share_link_id
                        where v.circuit_id = :c and l.member_id = :m and v.day = :day and v.points > 0""")
                .param("c", circuitId).param("m", l.memberId()).param("day", day).query(Long.class).single();
        long given = new ShareVisitPolicy(s.pointsPerVisit(), s.dailyCap())
                .points(signedInMember != null && signedInMember == l.memberId(), rewardedToday);
        Optional<Long> visit = jdbc.sql("""
                        insert into share_visit (circuit_id, share_link_id, visitor_hash, client_hash, day, points,
                                                 visited_at)
                        values (:c, :link, :hash, :client, :day, :points, :now)
                        on conflict (circuit_id, share_link_id, visitor_hash, day) do nothing returning id""")
                .param("c", circuitId).param("link", l.id()).param("hash", hash).param("client", clientHash)
                .param("day", day).param("points", given).param("now", Timestamp.from(now)).query(Long.class).optional();
        if (visit.isPresent() && given > 0) {
            points.awardVisit(circuitId, l.memberId(), given, visit.get(), l.storeId(), "share-link:" + l.id());
        }
        return new Visit(next(circuitId, l), visit.isPresent(), visit.isPresent() ? given : 0);
    }

    private String next(long circuitId, Link l) {
        return l.target() == ShareTarget.STORE ? "/c/" + circuitId + "/stores#store-" + l.storeId()
                : "/c/" + circuitId + "/join?ref=" + referrals.code(circuitId, l.memberId());
    }

    @Override
    @Transactional(readOnly = true)
    public SocialSettings settings(long circuitId) {
        return jdbc.sql("""
                        select points_per_visit, daily_cap, facebook_url, instagram_url, x_url, tiktok_url, youtube_url
                        from social_settings where circuit_id = :c""").param("c", circuitId)
                .query((rs, n) -> new SocialSettings(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))).optional()
                .orElseGet(SocialSettings::defaults);
    }

    @Override
    public SocialSettings change(Caller caller, SocialSettings s) {
        caller.require(Role.CIRCUIT_ADMIN);
        jdbc.sql("""
                        insert into social_settings (circuit_id, points_per_visit, daily_cap, facebook_url, instagram_url,
                                                     x_url, tiktok_url, youtube_url)
                        values (:c, :points, :cap, :facebook, :instagram, :x, :tiktok, :youtube)
                        on conflict (circuit_id) do update set points_per_visit = excluded.points_per_visit,
                        daily_cap = excluded.daily_cap, facebook_url = excluded.facebook_url,
                        instagram_url = excluded.instagram_url, x_url = excluded.x_url,
                        tiktok_url = excluded.tiktok_url, youtube_url = excluded.youtube_url, updated_at = now()""")
                .param("c", caller.circuit()).param("points", s.pointsPerVisit()).param("cap", s.dailyCap())
                .param("facebook", s.facebookUrl()).param("instagram", s.instagramUrl()).param("x", s.xUrl())
                .param("tiktok", s.tiktokUrl()).param("youtube", s.youtubeUrl()).update();
        return settings(caller.circuit());
    }
}
