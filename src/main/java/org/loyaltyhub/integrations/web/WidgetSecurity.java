package org.loyaltyhub.integrations.web;

import org.loyaltyhub.integrations.internal.WidgetService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;

import java.time.Duration;
import java.util.List;

/**
 * The widget's script and API are called from shop pages by customers who have no LoyaltyHub account: no session,
 * no CSRF (nothing rides on cookies), authenticated by the shop's signed token in the controller. Cross-origin
 * calls are allowed only from the origin of a connected shop.
 */
@Configuration(proxyBeanMethods = false)
class WidgetSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain widget(HttpSecurity http, WidgetService widget) throws Exception {
        http.securityMatcher("/widget/**", "/api/v1/widget/**", "/api/v1/hooks/shopify/proxy/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(c -> c.configurationSource(request -> {
                    String origin = request.getHeader("Origin");
                    if (!request.getRequestURI().startsWith("/api/v1/widget/") || origin == null
                            || !widget.shopOrigin(origin)) {
                        return null;
                    }
                    CorsConfiguration cors = new CorsConfiguration();
                    cors.setAllowedOrigins(List.of(origin));
                    cors.setAllowedMethods(List.of("GET", "POST"));
                    cors.setAllowedHeaders(List.of("X-LoyaltyHub-Customer-Token", "Content-Type"));
                    cors.setMaxAge(Duration.ofHours(1));
                    return cors;
                }))
                .headers(h -> h.referrerPolicy(r -> r.policy(org.loyaltyhub.shared.web.ContentSecurity.REFERRER_POLICY)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }
}
