package org.loyaltyhub.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code /actuator/prometheus} answers only a scraper that presents the metrics token
 * ({@code Authorization: Bearer <LOYALTYHUB_METRICS_TOKEN>}); without a token configured nobody may scrape. The
 * health probes stay open, as they were.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

    static final String ROLE = "METRICS";

    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, @Value("${loyaltyhub.metrics.token:}") String token) throws Exception {
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ScrapeToken(token), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, denied) -> {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"LoyaltyHub metrics\"");
                    Problems.write(response, 401, "unauthenticated",
                            "Scraping the metrics needs the metrics token (Bearer), set by LOYALTYHUB_METRICS_TOKEN");
                }))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE));
        return http.build();
    }

    /** Authenticates a request that presents the configured token; compares in constant time. */
    static final class ScrapeToken extends OncePerRequestFilter {
        private final byte[] token;

        ScrapeToken(String token) {
            this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(new PreAuthenticatedAuthenticationToken(
                        "metrics-scraper", "", AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
            }
            chain.doFilter(request, response);
        }
    }
}
