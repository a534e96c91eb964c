package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.CardAlreadyBlocked;
import org.loyaltyhub.members.CardBlockReason;
import org.loyaltyhub.members.CardBlocked;

import java.time.Instant;

/**
 * One card a member has held: the one in use (main), or an old one, blocked with its reason and, when it was
 * replaced, the number that replaced it. The member's card history is the list of these.
 */
public record IssuedCard(long id, long memberId, String number, boolean main, String cardGroup, String brand,
                         Instant issuedAt, Instant blockedAt, CardBlockReason blockReason, String blockNote,
                         String blockedBy, String replacedBy) {

    public enum State {
        ACTIVE, BLOCKED, REPLACED
    }

    @com.fasterxml.jackson.annotation.JsonProperty("state")
    public State state() {
        return blockedAt == null ? State.ACTIVE : replacedBy == null ? State.BLOCKED : State.REPLACED;
    }

    /** Refuses a card that is already blocked: blocking it again would rewrite why and when. */
    void requireActive() {
        if (blockedAt != null) {
            throw new CardAlreadyBlocked(number, blockedAt);
        }
    }

    /** Refuses a blocked card presented to identify its member. */
    void refuseIfBlocked() {
        if (blockedAt != null) {
            throw new CardBlocked(blockedAt, replacedBy != null);
        }
    }
}
