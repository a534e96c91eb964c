package org.loyaltyhub.marketing;

/**
 * Tells a member about a fact, in the transaction of the fact: the message goes to their inbox and, with the right
 * consent and an e-mail address, to the outbox. Nothing when the circuit has the kind switched off, or when the
 * business key was told before. Referral rewards and other features of this module call it as their hook.
 */
public interface Notifications {

    /** True when the member was told now (false: switched off, or already told). */
    boolean tell(Notice notice);
}
