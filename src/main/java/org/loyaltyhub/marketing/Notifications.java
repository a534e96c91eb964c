package org.loyaltyhub.marketing;

/**
 * Tells a member about a fact, in the transaction of the fact: the message goes to their inbox and, with the right
 * consent and an e-mail address, to the outbox. Nothing when the circuit has the kind switched off, or when the
 * business key was told before. Referral rewards and other features of this module call it as their hook.
 */
public interface Notifications {

    /** True when the member was told now (false: switched off, or already told). */
    boolean tell(Notice notice);

    /**
     * A transactional e-mail to the member in the circuit's layout, with one attachment (such as an invoice), queued
     * in the caller's transaction; false when the member has no e-mail address. Not kept in the inbox.
     */
    boolean mail(long circuitId, long memberId, String subject, String text,
                 org.loyaltyhub.shared.Mailer.Attachment attachment);
}
