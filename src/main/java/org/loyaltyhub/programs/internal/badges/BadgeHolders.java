package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.programs.BadgeChanged;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.programs.internal.Activity;
import org.loyaltyhub.programs.internal.ActivityListener;
import org.loyaltyhub.programs.internal.RedemptionBoost;
import org.loyaltyhub.programs.internal.RedemptionPolicy;
import org.loyaltyhub.programs.internal.StatusEvents;
import org.loyaltyhub.programs.internal.StatusPart;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which badge each member holds: re-evaluated in the transaction of every change of their activity and by the
 * nightly round, under a lock on the member's badge row, so concurrent changes move the badge once. Each change is
 * recorded with its reason and published; the badge held adds its discount at redemption and is part of the member's
 * status.
 */
@Component
public class BadgeHolders implements ActivityListener, RedemptionBoost, StatusPart {

    static final String ACTOR = "badges";

    private final JdbcClient jdbc;
    private final Badges badges;
    private final Activity activity;
    private final StatusEvents statusEvents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final org.loyaltyhub.programs.internal.CircuitFeatures features;

    BadgeHolders(JdbcClient jdbc, Badges badges, Activity activity, StatusEvents statusEvents,
                 ApplicationEventPublisher events, Clock clock, org.loyaltyhub.programs.internal.CircuitFeatures features) {
        this.features = features;
        this.jdbc = jdbc;
        this.badges = badges;
        this.activity = activity;
        this.statusEvents = statusEvents;
        this.events = events;
        this.clock = clock;
    }

    /** The badge a member holds and since when. */
    public record Holding(Badge badge, Instant since) {
    }

    @Override
    public void activityChanged(long circuitId, long memberId) {
        if (!features.of(circuitId).badges()) {
            return;
        }
        Instant now = clock.instant();
        evaluate(circuitId, memberId, now, null);
    }

    /**
     * Puts the member on the badge their points in the window reach as of {@code now}, recording and publishing a
     * change; true when the badge changed. {@code ladder} may be passed by a round that evaluates many members.
     */
    @Transactional
    public boolean evaluate(long circuitId, long memberId, Instant now, BadgeLadder ladder) {
        BadgeLadder badgesNow = ladder != null ? ladder : badges.ladder(circuitId);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("""
                        insert into member_badge (member_id, circuit_id) select :m, :c
                         where :any or exists (select 1 from badge where circuit_id = :c)
                        on conflict (member_id) do nothing""")
                .param("m", memberId).param("c", circuitId).param("any", !badgesNow.badges().isEmpty()).update();
        Optional<Long> current = jdbc.sql("""
                        select badge_id from member_badge where member_id = :m and circuit_id = :c for update""")
                .param("m", memberId).param("c", circuitId)
                .query((rs, n) -> Optional.ofNullable((Long) rs.getObject(1))).optional().orElse(null);
        if (current == null) {
            return false; // a circuit that never had badges keeps no rows
        }
        BadgeWindow window = badges.window(circuitId);
        long points = activity.totals(memberId, window.fromMonth(today)).points();
        Badge before = current.flatMap(id -> badges.findEver(circuitId, id)).orElse(null);
        Badge after = badgesNow.held(points).orElse(null);
        boolean changed = !(before == null ? after == null : after != null && before.id() == after.id());
        jdbc.sql("""
                        update member_badge set points = :p, evaluated_on = :today,
                               badge_id = case when :changed then :badge else badge_id end,
                               since = case when :changed then :now else since end
                         where member_id = :m""")
                .param("p", points).param("today", Date.valueOf(today)).param("changed", changed)
                .param("badge", after == null ? null : after.id()).param("now", Timestamp.from(now))
                .param("m", memberId).update();
        if (changed) {
            record(circuitId, memberId, before, after, points, window, today);
        }
        return changed;
    }

    private void record(long circuitId, long memberId, Badge before, Badge after, long points, BadgeWindow window,
                        LocalDate today) {
        StatusEventKind kind = BadgeLadder.isLoss(before, after) ? StatusEventKind.BADGE_LOST
                : StatusEventKind.BADGE_EARNED;
        String from = before == null ? null : before.names().en();
        String to = after == null ? null : after.names().en();
        String reason = reason(before, after, points, window, today);
        Long ref = after != null ? after.id() : before.id();
        statusEvents.record(circuitId, memberId, kind, from, to, ref, reason, ACTOR);
        events.publishEvent(new BadgeChanged(circuitId, memberId, kind, before == null ? null : before.id(), from,
                after == null ? null : after.id(), to, reason, after == null ? null : after.names()));
    }

    /** "Silver since 2026-03-02: 1,520 points in 12 months", or why the badge held before was lost. */
    static String reason(Badge before, Badge after, long points, BadgeWindow window, LocalDate today) {
        String counted = String.format(Locale.ENGLISH, "%,d points %s", points, window.describe(today));
        if (after != null) {
            return after.names().en() + " since " + today + ": " + counted;
        }
        return before.names().en() + " lost on " + today + ": " + counted
                + (before.range().contains(points) ? ", the badge was removed" : ", outside its range "
                + before.range());
    }

    @Override
    public Optional<RedemptionPolicy.Bonus> redemption(long circuitId, long memberId) {
        if (!features.of(circuitId).badges()) {
            return Optional.empty();
        }
        return held(circuitId, memberId).flatMap(h -> h.badge().discount().bonus(h.badge().names().en()));
    }

    @Override
    public MemberStatus contribute(long circuitId, long memberId, MemberStatus soFar) {
        if (!features.of(circuitId).badges()) {
            return soFar;
        }
        return held(circuitId, memberId).map(h -> soFar.withBadges(List.of(h.badge().ref()))).orElse(soFar);
    }

    /** What the member's pages show of their badges, the points counted as of now. */
    @Transactional(readOnly = true)
    public MemberBadges of(long circuitId, long memberId) {
        BadgeLadder ladder = badges.ladder(circuitId);
        BadgeWindow window = badges.window(circuitId);
        long points = ladder.badges().isEmpty() ? 0 : activity.totals(memberId,
                window.fromMonth(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))).points();
        Optional<Holding> holding = held(circuitId, memberId);
        Badge next = ladder.next(points).orElse(null);
        return new MemberBadges(points, window, holding.map(Holding::badge).orElse(null),
                holding.map(Holding::since).orElse(null), ladder.unlocked(points), next,
                next == null ? null : next.range().from() - points);
    }

    /** The badge the member holds now (a removed badge is held by no one). */
    public Optional<Holding> held(long circuitId, long memberId) {
        return jdbc.sql("""
                        select mb.badge_id, mb.since from member_badge mb join badge b on b.id = mb.badge_id
                         where mb.member_id = :m and mb.circuit_id = :c and b.removed_at is null""")
                .param("m", memberId).param("c", circuitId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()}).optional()
                .flatMap(row -> badges.find(circuitId, (Long) row[0]).map(b -> new Holding(b, (Instant) row[1])));
    }
}
