package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.programs.MemberStatus;

/**
 * A badge of a circuit: names and descriptions (English, Italian), the point range that unlocks it, the discount its
 * holders get at redemption and its icon's content type and hash (null: no icon).
 */
public record Badge(long id, long circuitId, MemberStatus.Names names, MemberStatus.Names descriptions,
                    PointRange range, BadgeDiscount discount, IconType iconType, String iconSha256) {

    /** The icon's stable address, public like the loyalty space; it changes with the image, so it may be cached. */
    public String iconUrl() {
        return iconType == null ? null
                : "/c/" + circuitId + "/badges/" + id + "/icon?v=" + iconSha256.substring(0, 12);
    }

    public MemberStatus.Ref ref() {
        return new MemberStatus.Ref(id, names, null);
    }
}
