package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.SignInLimits;
import org.loyaltyhub.shared.TooManyAttempts;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs operators in with e-mail and password, for the sign-in page and HTTP Basic alike. The password is checked
 * before the account's state, so a wrong password gets one answer whether the account exists, is disabled or not;
 * failures count towards {@link SignInLimits}, which refuses before any password check; a success is remembered
 * briefly ({@link RecentSignIns}) so an API client's every call does not pay for a slow password hash.
 */
@Component
class OperatorAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInLimits limits;
    private final RecentSignIns recent;

    OperatorAuthentication(OperatorSignIn operators, PasswordEncoder encoder, SignInLimits limits,
                           RecentSignIns recent) {
        this.limits = limits;
        this.recent = recent;
        this.passwords = new DaoAuthenticationProvider(operators);
        passwords.setPasswordEncoder(encoder);
        passwords.setPreAuthenticationChecks(user -> {
        });
        passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    }

    /** Refused before any check: too many failures lately from the address or for the account. */
    static final class SignInsThrottled extends AuthenticationException {
        private final transient TooManyAttempts reason;

        SignInsThrottled(TooManyAttempts reason) {
            super(reason.getMessage());
            this.reason = reason;
        }

        TooManyAttempts reason() {
            return reason;
        }
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = attempt.getName() == null ? "" : attempt.getName();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        var remembered = recent.find(email, password);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        String account = "operator:" + email.strip();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        try {
            limits.check(account, address);
        } catch (TooManyAttempts e) {
            throw new SignInsThrottled(e);
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            limits.failed(account, address);
            throw e;
        }
        limits.succeeded(account, address);
        if (result.getPrincipal() instanceof OperatorPrincipal operator) {
            recent.remember(email, password, operator.caller().operatorId(), result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
