package org.loyaltyhub.tenancy;

import org.loyaltyhub.tenancy.internal.OperatorPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request, when one is signed in (operator session, HTTP Basic or API key). */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Optional<Caller> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        Object principal = auth == null ? null : auth.getPrincipal();
        if (principal instanceof OperatorPrincipal op) {
            return Optional.of(op.caller());
        }
        if (principal instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }
}
