package org.loyaltyhub.rewards.internal;

/** A policy's answer: allowed, or refused with a stable code and a reason a person understands. */
public record Decision(boolean allowed, String code, String reason, long missingPoints) {

    public static final Decision ALLOW = new Decision(true, null, null, 0);

    static Decision refuse(String code, String reason) {
        return new Decision(false, code, reason, 0);
    }
}
