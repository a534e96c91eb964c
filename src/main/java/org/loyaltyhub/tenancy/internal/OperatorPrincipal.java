package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A signed-in operator as Spring Security sees it, carrying the {@link Caller} the modules work with. */
public record OperatorPrincipal(Caller caller, String email, String passwordHash, boolean enabled)
        implements UserDetails, java.io.Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return "operator:" + caller.operatorId();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
