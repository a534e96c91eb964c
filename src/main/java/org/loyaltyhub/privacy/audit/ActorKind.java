package org.loyaltyhub.privacy.audit;

import org.loyaltyhub.tenancy.Caller;

/** Who acted: a signed-in operator, a server with an API key, or the system acting for something (a shop). */
public enum ActorKind {
    OPERATOR, API_KEY, SYSTEM;

    static ActorKind of(Caller caller) {
        if (caller.operatorId() != null) {
            return OPERATOR;
        }
        return caller.apiKeyId() != null ? API_KEY : SYSTEM;
    }
}
