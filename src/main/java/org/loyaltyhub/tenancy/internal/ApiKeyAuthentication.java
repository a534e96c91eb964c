package org.loyaltyhub.tenancy.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/** Authenticates {@code Authorization: Bearer lhk_...} (or {@code X-Api-Key}) as the key's company or store. */
class ApiKeyAuthentication extends OncePerRequestFilter {

    private final ApiKeyService keys;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthentication(ApiKeyService keys, AuthenticationEntryPoint entryPoint) {
        this.keys = keys;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = presented(request);
        if (token != null) {
            Optional<Caller> caller = keys.authenticate(token);
            if (caller.isEmpty()) {
                SecurityContextHolder.clearContext();
                entryPoint.commence(request, response,
                        new org.springframework.security.authentication.BadCredentialsException("Unknown or revoked API key"));
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(new KeyToken(caller.get()));
        }
        chain.doFilter(request, response);
    }

    private static String presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String value = header.substring(7).strip();
            return value.startsWith(ApiKeyService.PREFIX) ? value : null;
        }
        return request.getHeader("X-Api-Key");
    }

    /** An authenticated API key. */
    static final class KeyToken extends AbstractAuthenticationToken {
        private final Caller caller;

        KeyToken(Caller caller) {
            super(AuthorityUtils.createAuthorityList("ROLE_API_KEY"));
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }

        @Override
        public String getName() {
            return caller.name();
        }
    }
}
