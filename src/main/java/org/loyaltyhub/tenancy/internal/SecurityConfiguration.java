package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Caller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The API authenticates operators with HTTP Basic and servers with API keys; it is stateless, so it needs no
 * CSRF token. Everything under /api (and the MCP server at /mcp) is authenticated except the first-run set-up.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    /** BCrypt (strength from settings, 12 by default) for new hashes; older schemes still verify and can be upgraded. */
    @Bean
    PasswordEncoder passwordEncoder(@org.springframework.beans.factory.annotation.Value(
            "${loyaltyhub.security.bcrypt-strength:12}") int strength) {
        java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
        encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(strength));
        org.springframework.security.crypto.password.DelegatingPasswordEncoder delegating =
                new org.springframework.security.crypto.password.DelegatingPasswordEncoder("bcrypt", encoders);
        delegating.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return delegating;
    }

    /**
     * No observation (span and timer) per security filter: on every API call it cost more than it told. HTTP request
     * metrics stay on.
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeyService keys) throws Exception {
        AuthenticationEntryPoint entryPoint = (request, response, e) -> {
            if (e instanceof OperatorAuthentication.SignInsThrottled throttled) {
                response.setHeader("Retry-After", String.valueOf(throttled.reason().seconds()));
                org.loyaltyhub.shared.web.Problems.write(response, 429, "too-many-attempts",
                        throttled.getMessage() + ". Servers should use an API key (Bearer) instead of a password");
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"LoyaltyHub\", Bearer");
            org.loyaltyhub.shared.web.Problems.write(response, 401, "unauthenticated",
                    "Sign in with an operator's e-mail and password (HTTP Basic) or an API key (Bearer)");
        };
        // the MCP server (assistants module) answers the same callers as the REST API: API keys and operators
        http.securityMatcher("/api/**", "/mcp", "/mcp/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthentication(keys, entryPoint), BasicAuthenticationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(org.loyaltyhub.shared.web.ContentSecurity.API_POLICY))
                        .referrerPolicy(r -> r.policy(org.loyaltyhub.shared.web.ContentSecurity.REFERRER_POLICY)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/api/v1/setup", "/api/v1/setup/**").permitAll()
                        // shops' webhooks authenticate by their signature, verified by the integrations module
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/hooks/**").permitAll()
                        // the public store search (issue 18): the circuit's stores, as its loyalty space shows them
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/stores/nearby").permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /**
     * The pages: operators sign in with a form (session cookie, CSRF on every form and htmx request), are locked
     * out after repeated failures, and everything but the sign-in page and static assets needs a session.
     */
    @Bean
    @Order(10)
    SecurityFilterChain site(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/forgot", "/login/reset", "/setup", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness", "/error",
                                "/circuits/*/logo")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").usernameParameter("email")
                        // back to the page that asked for the sign-in (e.g. a shop's install link), else the start page
                        .defaultSuccessUrl("/", false)
                        // the password is checked first: only the right password learns that an account is disabled
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                e instanceof OperatorAuthentication.SignInsThrottled
                                        ? "/login?throttled" : e instanceof org.springframework.security.authentication.DisabledException
                                        ? "/login?disabled" : "/login?error")))
                .requestCache(c -> c.requestCache(returnAfterSignIn()))
                .exceptionHandling(e -> e.authenticationEntryPoint(signInPage()))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        org.loyaltyhub.shared.web.ContentSecurity.POLICY)).referrerPolicy(r -> r.policy(org.loyaltyhub.shared.web.ContentSecurity.REFERRER_POLICY)));
        return http.build();
    }

    /** To the sign-in page by a relative address: never one built from the request's (forgeable) Host. */
    private static org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint signInPage() {
        var entryPoint = new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login");
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /**
     * The page asked for before signing in, returned to at its own address (no {@code ?continue} marker). Only a
     * page opened in the browser is kept: not a form's post, nor an htmx fragment.
     */
    private static org.springframework.security.web.savedrequest.HttpSessionRequestCache returnAfterSignIn() {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        cache.setMatchingRequestParameterName(null);
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
        return cache;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                return org.loyaltyhub.tenancy.CurrentCaller.get().orElseThrow(
                        () -> new org.springframework.security.access.AccessDeniedException("not signed in"));
            }
        });
    }
}
