package org.loyaltyhub.marketing;

/**
 * How an operator settles an SMS whose send was interrupted (status UNKNOWN): ASK_GATEWAY looks for it in the
 * gateway's list of messages (SENT when found, still UNKNOWN otherwise); SENT and NOT_SENT record what the operator
 * checked (NOT_SENT gives its credits back). None of them sends it again.
 */
public enum SmsSettlement {
    ASK_GATEWAY, SENT, NOT_SENT
}
