package org.loyaltyhub.passes.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The pass links and Apple's pass web service are open to whoever holds a pass's token (a phone, a link in an
 * e-mail): the token is the authorisation, checked by the module; devices send no session and no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class PassesSecurity {

    @Bean
    @Order(3)
    SecurityFilterChain passes(HttpSecurity http) throws Exception {
        http.securityMatcher("/passes/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                                org.loyaltyhub.shared.web.ContentSecurity.API_POLICY))
                        .referrerPolicy(r -> r.policy(org.loyaltyhub.shared.web.ContentSecurity.REFERRER_POLICY)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
