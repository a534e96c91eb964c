package org.loyaltyhub.marketing;

import org.loyaltyhub.tenancy.Caller;

/**
 * Members share a link (their referral link or a store's page) wherever they like; the points are for the visits the
 * link brings, each visitor counted once a day per member (known by a keyed hash only) and at most the circuit's daily number,
 * never for the click on "share", which cannot be verified, nor for the member's own visits.
 */
public interface Sharing {

    /** The member's own link to the target (made once, then the same): a path such as {@code /c/1/s/<token>}. */
    String link(long circuitId, long memberId, ShareTarget target, Long storeId);

    /**
     * A visit through a shared link: recorded once per visitor and day, points to its member within the cap. Returns
     * where the visitor goes on (the target's path); an unknown link goes to the loyalty space.
     * {@code cookie}: the visitor cookie's random id (null on a first visit); {@code client}: the address and browser.
     * Both are hashed here with the circuit's key and never kept as such; a visit is new when neither was seen on the
     * member's links that day. {@code signedInMember}: the member signed in on this browser, if any (own visits earn nothing).
     */
    Visit visited(long circuitId, String token, String cookie, String client, Long signedInMember);

    record Visit(String next, boolean counted, long points) {
    }

    SocialSettings settings(long circuitId);

    /** The circuit administrator changes the social settings. */
    SocialSettings change(Caller caller, SocialSettings settings);
}
