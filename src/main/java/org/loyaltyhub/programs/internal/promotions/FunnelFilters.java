package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a member must be when a funnel acts: points within a range, holding a badge, in a tier or a segment, with a
 * tag. Null parts do not restrict. {@link #unmet} is the pure rule: null when the member passes, otherwise why not.
 */
public record FunnelFilters(Long minBalance, Long maxBalance, Long badgeId, Long tierId, Long segmentId, String tag) {

    public static final FunnelFilters NONE = new FunnelFilters(null, null, null, null, null, null);

    public FunnelFilters {
        if (minBalance != null && minBalance < 0 || maxBalance != null && maxBalance < 0) {
            throw new InvalidInput("filters.minBalance", "points bounds are 0 or more");
        }
        if (minBalance != null && maxBalance != null && minBalance > maxBalance) {
            throw new InvalidInput("filters.maxBalance", "must not be under the minimum");
        }
        tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the filters look at, for one member now. */
    public record Facts(long balance, Set<Long> badgeIds, Long tierId, boolean inSegment, boolean tagged) {
    }

    public String unmet(Facts f) {
        if (minBalance != null && f.balance() < minBalance) {
            return "balance " + f.balance() + " is under " + minBalance;
        }
        if (maxBalance != null && f.balance() > maxBalance) {
            return "balance " + f.balance() + " is over " + maxBalance;
        }
        if (badgeId != null && !f.badgeIds().contains(badgeId)) {
            return "the member does not hold badge #" + badgeId;
        }
        if (tierId != null && !tierId.equals(f.tierId())) {
            return "the member is not in tier #" + tierId;
        }
        if (segmentId != null && !f.inSegment()) {
            return "the member is not in segment #" + segmentId;
        }
        if (tag != null && !f.tagged()) {
            return "the member has no tag " + tag;
        }
        return null;
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (minBalance != null) {
            parts.add("balance ≥ " + minBalance);
        }
        if (maxBalance != null) {
            parts.add("balance ≤ " + maxBalance);
        }
        if (badgeId != null) {
            parts.add("badge #" + badgeId);
        }
        if (tierId != null) {
            parts.add("tier #" + tierId);
        }
        if (segmentId != null) {
            parts.add("segment #" + segmentId);
        }
        if (tag != null) {
            parts.add("tag " + tag);
        }
        return String.join(", ", parts);
    }
}
