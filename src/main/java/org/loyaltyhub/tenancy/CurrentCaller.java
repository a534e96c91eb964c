package org.loyaltyhub.tenancy;

import org.loyaltyhub.tenancy.internal.OperatorPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request, when one is signed in (operator session, HTTP Basic or API key). */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The caller, for code that runs only behind authentication (a tool of the MCP server). */
    public static Caller required() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not signed in"));
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
