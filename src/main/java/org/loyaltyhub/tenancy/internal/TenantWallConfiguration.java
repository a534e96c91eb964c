package org.loyaltyhub.tenancy.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.loyaltyhub.shared.TenantWall;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * Every user of the database (JdbcClient, transactions, sessions, jobs) gets its connections through the circuit
 * wall: a request of a circuit's operator, API key or signed-in customer is walled to that circuit, other work runs as
 * the platform role; the owner's pool stays reachable by its own type for Flyway, health checks and benchmarks.
 */
@Configuration(proxyBeanMethods = false)
class TenantWallConfiguration {

    @Bean
    @Primary
    CircuitScopedDataSource circuitScopedDataSource(HikariDataSource owner) {
        return new CircuitScopedDataSource(owner, TenantWallConfiguration::circuitOfRequest);
    }

    /** The circuit of the signed-in caller (a platform administrator has none) or customer. */
    static Optional<Long> circuitOfRequest() {
        Optional<Caller> caller = CurrentCaller.get();
        if (caller.isPresent()) {
            return Optional.ofNullable(caller.get().circuitId());
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof TenantWall.Tenant tenant
                ? Optional.of(tenant.tenantCircuitId()) : Optional.empty();
    }
}
