package org.loyaltyhub.marketing;

import java.time.Instant;
import java.util.List;

/** The messages a member was sent, as their customer area's Messages page shows them (newest first). */
public interface Inbox {

    /** One message: read when {@code readAt} is set; {@code kind} is null for a campaign's message. */
    record Message(long id, NotificationKind kind, String subject, String body, Instant sentAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    List<Message> latest(long circuitId, long memberId, int limit);

    long unread(long circuitId, long memberId);

    /** Marks the member's message read (again: nothing); a message of someone else is not found. */
    void markRead(long circuitId, long memberId, long messageId);

    /** Marks all the member's messages read. */
    void markAllRead(long circuitId, long memberId);
}
