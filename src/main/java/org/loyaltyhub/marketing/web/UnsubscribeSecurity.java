package org.loyaltyhub.marketing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The unsubscribe and tracking links are open to anyone holding one: their signature is the authorisation, and a mail
 * client's one-click POST (RFC 8058) carries no CSRF token and no session.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain unsubscribe(HttpSecurity http) throws Exception {
        http.securityMatcher("/unsubscribe/**", "/track/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                                org.loyaltyhub.shared.web.ContentSecurity.POLICY))
                        .referrerPolicy(r -> r.policy(org.loyaltyhub.shared.web.ContentSecurity.REFERRER_POLICY)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
