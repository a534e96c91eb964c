package org.loyaltyhub.programs;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A member's status now, for the modules that restrict or reward by it (rewards reserved to a tier, promotions for
 * members of a plan, segments): the tier in force (computed, or set by an administrator), the badges held and the
 * active membership plan. Null / empty when the circuit has none or the member qualifies for none.
 */
public record MemberStatus(Ref tier, List<Ref> badges, Ref plan) {

    public static final MemberStatus NONE = new MemberStatus(null, List.of(), null);

    public MemberStatus {
        badges = List.copyOf(badges);
    }

    /** A tier, badge or plan: its id, its name in each language, and until when the member holds it (null: open). */
    public record Ref(long id, Names name, Instant until) {
    }

    /** A name in English and Italian. */
    public record Names(String en, String it) {
        public String in(Locale locale) {
            return locale != null && "it".equals(locale.getLanguage()) && it != null && !it.isBlank() ? it : en;
        }
    }

    public boolean hasTier(long tierId) {
        return tier != null && tier.id() == tierId;
    }

    public boolean hasBadge(long badgeId) {
        return badges.stream().anyMatch(b -> b.id() == badgeId);
    }

    public boolean hasPlan(long planId) {
        return plan != null && plan.id() == planId;
    }

    public MemberStatus withTier(Ref tier) {
        return new MemberStatus(tier, badges, plan);
    }

    public MemberStatus withBadges(List<Ref> badges) {
        return new MemberStatus(tier, badges, plan);
    }

    public MemberStatus withPlan(Ref plan) {
        return new MemberStatus(tier, badges, plan);
    }
}
