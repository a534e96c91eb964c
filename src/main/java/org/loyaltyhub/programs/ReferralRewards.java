package org.loyaltyhub.programs;

import org.loyaltyhub.tenancy.Caller;

import java.util.Collection;
import java.util.Map;

/** The referral program's settings and what it gave, for the marketing module's referral pages and report. */
public interface ReferralRewards {

    /** The circuit's referral settings (the defaults, off, until saved). */
    ReferralSettings settings(long circuitId);

    /** Changes them: the circuit administrator only. */
    ReferralSettings change(Caller caller, ReferralSettings settings);

    /** What the circuit's referrals gave: conversions (net of reversals) and points, multi-level included. */
    Figures figures(long circuitId);

    /** Per referrer among {@code referrerIds}: their converted friends and the points they received for them. */
    Map<Long, Figures> byReferrer(long circuitId, Collection<Long> referrerIds);

    /** Per friend among {@code friendIds}: the state of their referral award (absent: no qualifying purchase yet). */
    Map<Long, AwardStatus> awards(long circuitId, Collection<Long> friendIds);

    /**
     * {@code conversions}: friends whose first qualifying purchase was rewarded and not taken back; {@code reversed}:
     * rewards taken back by a refund; points given to referrers, to friends, and by multi-level commissions.
     */
    record Figures(long conversions, long reversed, long referrerPoints, long friendPoints, long multiLevelPoints) {
        public static final Figures NONE = new Figures(0, 0, 0, 0, 0);
    }

    /** A friend's referral award: given on a qualifying purchase, or taken back by its refund. */
    enum AwardStatus {
        AWARDED, REVERSED
    }
}
