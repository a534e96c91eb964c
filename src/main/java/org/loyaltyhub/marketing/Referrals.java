package org.loyaltyhub.marketing;

/**
 * Referral (seed 000, "modulo referral"): each member's code and link, and recording that a friend signed up with
 * one. Sign-up pages (loyalty space, shop widget, counter) call it once the friend is a member; rewards come later,
 * from programs, when the friend's first qualifying purchase is paid.
 */
public interface Referrals {

    /**
     * Records that the owner of {@code code} referred the friend, unless a guard refuses it (the refusal is recorded
     * with its reason). Recording the same referral again answers it again and writes nothing.
     */
    Outcome refer(long circuitId, long friendId, String code, ReferralChannel channel, String actor);

    /** The member's referral code (made on first use) and the link a friend signs up with. */
    Invitation invitation(long circuitId, long memberId);

    /** A recorded referral ({@code referrerId}), or why it was refused. */
    record Outcome(Long referrerId, RefusalReason refused) {

        public Outcome {
            if ((referrerId == null) == (refused == null)) {
                throw new IllegalArgumentException("an outcome is either a referrer or a refusal");
            }
        }

        public static Outcome recorded(long referrerId) {
            return new Outcome(referrerId, null);
        }

        public static Outcome refused(RefusalReason reason) {
            return new Outcome(null, reason);
        }

        public boolean recorded() {
            return refused == null;
        }
    }

    /** A member's code and the loyalty space's sign-up link carrying it. */
    record Invitation(String code, String link) {
    }
}
