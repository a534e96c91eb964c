package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Operator;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads operators by e-mail for sign-in ({@link OperatorAuthentication} checks the password, then the state). */
@Service
class OperatorSignIn implements UserDetailsService {

    private final Operators operators;

    OperatorSignIn(Operators operators) {
        this.operators = operators;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        Operators.Credentials c = operators.credentials(email)
                .orElseThrow(() -> new UsernameNotFoundException("unknown operator"));
        Operator o = c.operator();
        Caller caller = new Caller(o.role(), o.circuitId(), o.companyId(), o.storeId(), o.id(), null, o.displayName());
        return new OperatorPrincipal(caller, o.email(), c.passwordHash(), o.enabled());
    }
}
