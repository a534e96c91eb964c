package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.ReferralReversed;
import org.loyaltyhub.programs.ReferralRewarded;
import org.loyaltyhub.programs.ReferralRewards.AwardStatus;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.Sponsors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Referral rewards (seed 000): when a referred friend's first qualifying purchase is settled, the referrer and the
 * friend get the circuit's points, once per friend (the award row, keyed by the friend, is locked while deciding, and
 * every entry has a business key naming the friend and the purchase, so a replayed settlement or webhook gives
 * nothing more); a refund within the return window takes both back. {@link ReferralPolicy} decides. Each award is
 * published ({@link ReferralRewarded}) for the message to the referrer.
 */
@Component
@Order(10)
class ReferralAwards implements PurchaseListener {

    private final JdbcClient jdbc;
    private final ReferralProgram program;
    private final ProgramStore programs;
    private final ObjectProvider<Sponsors> sponsors;
    private final ReferralFunding funding;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReferralAwards(JdbcClient jdbc, ReferralProgram program, ProgramStore programs, ObjectProvider<Sponsors> sponsors,
                   ReferralFunding funding, ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.program = program;
        this.programs = programs;
        this.sponsors = sponsors;
        this.funding = funding;
        this.clock = clock;
    }

    private record Award(long referrerId, long purchaseId, AwardStatus status, long referrerPoints, long friendPoints,
                         Long referrerEntryId, Long friendEntryId, Long payer, Instant awardedAt) {
        ReferralPolicy.Current current() {
            return new ReferralPolicy.Current(status, purchaseId, awardedAt);
        }
    }

    @Override
    public void settled(PurchaseFacts f) {
        ReferralSettings s = program.settings(f.circuitId());
        if (!s.enabled() && !s.givesAnything()) {
            return; // a circuit that never set referral rewards up: no query on the hot path
        }
        Optional<Award> award = lock(f.memberId());
        Optional<Long> referrer = award.map(Award::referrerId).or(() -> referrerOf(f));
        if (referrer.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        ReferralPolicy.Step step = ReferralPolicy.next(s, programs.settings(f.circuitId()).awardMoment(),
                award.map(Award::current).orElse(null), f, now);
        switch (step) {
            case AWARD -> award(f, s, referrer.get(), award.isPresent(), now);
            case REVERSE -> reverse(f, award.orElseThrow(), now);
            case NOTHING -> {
            }
        }
    }

    private Optional<Long> referrerOf(PurchaseFacts f) {
        Sponsors sponsors = this.sponsors.getIfAvailable();
        return sponsors == null ? Optional.empty()
                : sponsors.upline(f.circuitId(), f.memberId(), 1).stream().findFirst();
    }

    private void award(PurchaseFacts f, ReferralSettings s, long referrerId, boolean again, Instant now) {
        Long payer = funding.payer(s, f);
        funding.funded(payer, () -> {
            if (!claim(f, s, referrerId, payer, again, now)) {
                return; // another settlement of the friend's purchases claimed the award first
            }
            String key = "referral:" + f.memberId() + ":" + f.purchaseId();
            Long referrerEntry = s.referrerPoints() == 0 ? null : funding.credit(f, payer, referrerId,
                    s.referrerPoints(), key + ":referrer", "REFERRAL_REFERRER",
                    "Referral: a friend you invited made their first purchase").id();
            Long friendEntry = s.friendPoints() == 0 ? null : funding.credit(f, payer, f.memberId(),
                    s.friendPoints(), key + ":friend", "REFERRAL_FRIEND",
                    "Referral: welcome bonus on your first purchase").id();
            jdbc.sql("update referral_award set referrer_entry_id = :re, friend_entry_id = :fe "
                            + "where friend_member_id = :friend")
                    .param("re", referrerEntry).param("fe", friendEntry).param("friend", f.memberId()).update();
            events.publishEvent(new ReferralRewarded(f.circuitId(), referrerId, f.memberId(), f.purchaseId(),
                    s.referrerPoints(), s.friendPoints(), s.referrerRewardId(), s.friendRewardId()));
        }, "referral rewards of member " + f.memberId() + " on purchase " + f.purchaseId());
    }

    /**
     * Makes the friend's award this purchase's: a new row (false when a concurrent settlement wrote it first: the
     * unique friend makes this one wait for it), or the reversed row of an earlier purchase, taken over.
     */
    private boolean claim(PurchaseFacts f, ReferralSettings s, long referrerId, Long payer, boolean again,
                          Instant now) {
        if (again) {
            return jdbc.sql("""
                            update referral_award set status = 'AWARDED', purchase_id = :p, referrer_points = :rp,
                                friend_points = :fp, source_company_id = :payer, awarded_at = :at, reversed_at = null,
                                referrer_entry_id = null, friend_entry_id = null
                             where friend_member_id = :friend and status = 'REVERSED'""")
                    .param("p", f.purchaseId()).param("rp", s.referrerPoints()).param("fp", s.friendPoints())
                    .param("payer", payer).param("at", Timestamp.from(now)).param("friend", f.memberId())
                    .update() == 1;
        }
        return jdbc.sql("""
                        insert into referral_award (friend_member_id, circuit_id, referrer_member_id, purchase_id,
                            status, referrer_points, friend_points, source_company_id, awarded_at)
                        values (:friend, :c, :referrer, :p, 'AWARDED', :rp, :fp, :payer, :at) on conflict do nothing""")
                .param("friend", f.memberId()).param("c", f.circuitId()).param("referrer", referrerId)
                .param("p", f.purchaseId()).param("rp", s.referrerPoints()).param("fp", s.friendPoints())
                .param("payer", payer).param("at", Timestamp.from(now)).update() == 1;
    }

    private void reverse(PurchaseFacts f, Award a, Instant now) {
        String key = "referral:" + f.memberId() + ":" + a.purchaseId();
        String reason = f.voided() ? "Referral: the friend's first purchase was cancelled"
                : "Referral: the friend's first purchase was refunded";
        if (a.referrerEntryId() != null) {
            funding.takeBack(f, a.payer(), a.referrerId(), a.referrerPoints(), a.referrerEntryId(),
                    key + ":referrer:reversal", "REFERRAL_REVERSAL", reason, true);
        }
        if (a.friendEntryId() != null) {
            funding.takeBack(f, a.payer(), f.memberId(), a.friendPoints(), a.friendEntryId(),
                    key + ":friend:reversal", "REFERRAL_REVERSAL", reason, true);
        }
        jdbc.sql("update referral_award set status = 'REVERSED', reversed_at = :at where friend_member_id = :friend")
                .param("at", Timestamp.from(now)).param("friend", f.memberId()).update();
        events.publishEvent(new ReferralReversed(f.circuitId(), a.referrerId(), f.memberId(), a.purchaseId()));
    }

    private Optional<Award> lock(long friendId) {
        List<Award> rows = jdbc.sql("select * from referral_award where friend_member_id = :f for update")
                .param("f", friendId)
                .query((rs, n) -> new Award(rs.getLong("referrer_member_id"), rs.getLong("purchase_id"),
                        AwardStatus.valueOf(rs.getString("status")), rs.getLong("referrer_points"),
                        rs.getLong("friend_points"), (Long) rs.getObject("referrer_entry_id"),
                        (Long) rs.getObject("friend_entry_id"), (Long) rs.getObject("source_company_id"),
                        rs.getTimestamp("awarded_at").toInstant()))
                .list();
        return rows.stream().findFirst();
    }
}
