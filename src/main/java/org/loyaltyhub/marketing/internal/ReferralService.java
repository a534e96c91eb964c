package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.ReferralChannel;
import org.loyaltyhub.marketing.Referrals;
import org.loyaltyhub.marketing.RefusalReason;
import org.loyaltyhub.members.EnrolmentReferrals;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ReferralRewards;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.Sponsors;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Records referrals behind {@link ReferralGuard}, each attempt in its own transaction with the refusal it may end in,
 * and tells programs who referred whom ({@link Sponsors}) for the rewards and the multi-level commissions.
 */
@Service
@Transactional
public class ReferralService implements Referrals, Sponsors, EnrolmentReferrals {

    private final ReferralBook book;
    private final Members members;
    private final ReferralRewards rewards;
    private final PublicUrl publicUrl;
    private final Clock clock;

    ReferralService(ReferralBook book, Members members, ReferralRewards rewards, PublicUrl publicUrl, Clock clock) {
        this.book = book;
        this.members = members;
        this.rewards = rewards;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public Outcome refer(long circuitId, long friendId, String code, ReferralChannel channel, String actor) {
        Instant now = clock.instant();
        String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        ReferralSettings settings = rewards.settings(circuitId);
        Optional<Long> owner = normalized.matches("[A-Z2-9]{8}") ? book.lockOwner(circuitId, normalized)
                : Optional.empty();
        if (owner.isEmpty()) {
            return refuse(circuitId, friendId, null, code, settings.enabled() ? RefusalReason.UNKNOWN_CODE
                    : RefusalReason.PROGRAM_OFF, channel, actor, now);
        }
        long referrerId = owner.get();
        Member referrer = members.own(circuitId, referrerId);
        Member friend = members.own(circuitId, friendId);
        Instant startOfDay = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        ReferralGuard.Verdict verdict = ReferralGuard.check(new ReferralGuard.Attempt(settings.enabled(),
                settings.dailyCap(), referrer, friend, book.referrerOf(circuitId, friendId).orElse(null),
                book.upline(circuitId, referrerId, ReferralBook.MAX_DEPTH),
                book.referralsSince(circuitId, referrerId, startOfDay)));
        return switch (verdict) {
            case ReferralGuard.Verdict.Replay replay -> Outcome.recorded(referrerId);
            case ReferralGuard.Verdict.Refuse refuse ->
                    refuse(circuitId, friendId, referrerId, normalized, refuse.reason(), channel, actor, now);
            case ReferralGuard.Verdict.Record record -> book.record(circuitId, friendId, referrerId, channel, actor, now)
                    ? Outcome.recorded(referrerId)
                    : book.referrerOf(circuitId, friendId).filter(r -> r == referrerId).map(Outcome::recorded)
                    .orElseGet(() -> refuse(circuitId, friendId, referrerId, normalized,
                            RefusalReason.ALREADY_REFERRED, channel, actor, now));
        };
    }

    private Outcome refuse(long circuitId, Long friendId, Long referrerId, String code, RefusalReason reason,
                           ReferralChannel channel, String actor, Instant at) {
        book.refuse(circuitId, friendId, referrerId, code, reason, channel, actor, at);
        return Outcome.refused(reason);
    }

    @Override
    public Invitation invitation(long circuitId, long memberId) {
        String code = book.code(circuitId, memberId);
        return new Invitation(code, publicUrl.of("/c/" + circuitId + "/join?ref=" + code));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> upline(long circuitId, long memberId, int depth) {
        return book.upline(circuitId, memberId, depth);
    }

    @Override
    public boolean referred(Caller caller, long memberId, String code) {
        return refer(caller.circuit(), memberId, code, ReferralChannel.COUNTER, caller.actor()).recorded();
    }
}
