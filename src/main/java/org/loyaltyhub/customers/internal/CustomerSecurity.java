package org.loyaltyhub.customers.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.shared.web.ContentSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The customers' pages under /c/{circuit}: the loyalty space is public, the customer area (/c/{circuit}/my) needs a
 * signed-in customer. The customer's sign-in lives in its own session attribute, so an operator and a customer on one
 * browser never mix, and forms carry the CSRF token like every other page.
 */
@Configuration(proxyBeanMethods = false)
public class CustomerSecurity {

    static final String CONTEXT_KEY = "LOYALTYHUB_CUSTOMER_CONTEXT";

    @Bean
    HttpSessionSecurityContextRepository customerContexts() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey(CONTEXT_KEY);
        return repository;
    }

    @Bean
    @Order(5)
    SecurityFilterChain customers(HttpSecurity http, HttpSessionSecurityContextRepository customerContexts)
            throws Exception {
        http.securityMatcher("/c/**")
                .securityContext(c -> c.securityContextRepository(customerContexts))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(a -> a.requestMatchers("/c/*/my", "/c/*/my/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        response.sendRedirect(request.getContextPath() + signInPath(request.getRequestURI()
                                .substring(request.getContextPath().length())))))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(ContentSecurity.POLICY))
                        .referrerPolicy(r -> r.policy(ContentSecurity.REFERRER_POLICY)));
        return http.build();
    }

    /** /c/12/my/history → /c/12/login */
    static String signInPath(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 && parts[2].matches("[0-9]{1,18}") ? "/c/" + parts[2] + "/login" : "/";
    }

    /** Signs customers in and out of the customer area. */
    @Component
    public static class CustomerSessions {

        /** When the customer last proved who they are (a password or a link): what privacy actions ask for. */
        public static final String AUTHENTICATED_AT = "loyaltyhub.customer.authenticatedAt";

        private final HttpSessionSecurityContextRepository contexts;
        private final java.time.Clock clock;

        CustomerSessions(HttpSessionSecurityContextRepository customerContexts, java.time.Clock clock) {
            this.contexts = customerContexts;
            this.clock = clock;
        }

        /** Records that the signed-in customer proved who they are again (their password, asked once more). */
        public void reauthenticated(HttpServletRequest request) {
            request.getSession().setAttribute(AUTHENTICATED_AT, clock.instant());
        }

        /** Whether the customer proved who they are within {@code window}. */
        public boolean authenticatedWithin(HttpServletRequest request, java.time.Duration window) {
            var session = request.getSession(false);
            return session != null && session.getAttribute(AUTHENTICATED_AT) instanceof java.time.Instant at
                    && !at.plus(window).isBefore(clock.instant());
        }

        public void signIn(Customer customer, HttpServletRequest request, HttpServletResponse response) {
            request.getSession(true);
            request.changeSessionId(); // a session id known before sign-in must not carry the account
            // indexed by the customer, so erasing the member ends their sessions everywhere
            request.getSession().setAttribute(
                    org.springframework.session.FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME,
                    org.loyaltyhub.privacy.MemberRights.sessionIndex(customer.circuitId(), customer.memberId()));
            reauthenticated(request);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(customer, null,
                    List.of(new SimpleGrantedAuthority("ROLE_CUSTOMER"))));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }

        public void signOut(HttpServletRequest request, HttpServletResponse response) {
            SecurityContextHolder.clearContext();
            contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
        }

        public static Optional<Customer> current() {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.getPrincipal() instanceof Customer c ? Optional.of(c) : Optional.empty();
        }
    }
}
