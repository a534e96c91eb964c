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

        private final HttpSessionSecurityContextRepository contexts;

        CustomerSessions(HttpSessionSecurityContextRepository customerContexts) {
            this.contexts = customerContexts;
        }

        public void signIn(Customer customer, HttpServletRequest request, HttpServletResponse response) {
            request.getSession(true);
            request.changeSessionId(); // a session id known before sign-in must not carry the account
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
