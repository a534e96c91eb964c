package org.loyaltyhub.programs;

import java.util.List;

/**
 * Who referred whom, as programs' referral rewards and multi-level commissions see it; implemented by the marketing
 * module, which records referrals (programs must not depend on marketing, which asks programs to award).
 */
public interface Sponsors {

    /**
     * The member's upline, nearest first: their referrer, the referrer's referrer, and so on, at most {@code depth}
     * members (empty: nobody referred them, or another circuit's member).
     */
    List<Long> upline(long circuitId, long memberId, int depth);
}
