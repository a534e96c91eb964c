package org.loyaltyhub.tenancy.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Locks an operator out after repeated wrong passwords (web sign-in and API alike), for a while: guessing a
 * password becomes impractical while a forgetful operator is back in after a short wait.
 */
@Component
class SignInAttempts {

    private final Operators operators;
    private final int limit;
    private final Duration lockFor;

    SignInAttempts(Operators operators, @Value("${loyaltyhub.security.lockout-attempts:5}") int limit,
                   @Value("${loyaltyhub.security.lockout-duration:PT15M}") Duration lockFor) {
        this.operators = operators;
        this.limit = limit;
        this.lockFor = lockFor;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof String email && !email.isBlank()) {
            operators.failedSignIn(email, limit, Instant.now().plus(lockFor));
        }
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        // most sign-ins (every API call with HTTP Basic) have nothing to reset: no write for them
        if (event.getAuthentication().getPrincipal() instanceof OperatorPrincipal operator
                && operator.hadFailedSignIns()) {
            operators.succeededSignIn(operator.caller().operatorId());
        }
    }
}
