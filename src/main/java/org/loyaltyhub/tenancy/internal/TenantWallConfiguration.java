package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;

/**
 * Every user of the database (JdbcClient, transactions, Flyway, sessions) gets its connections through the circuit
 * wall: a request of a circuit's operator or API key is walled to that circuit; the pool itself stays reachable by
 * its own type for health checks and benchmarks.
 */
@Configuration(proxyBeanMethods = false)
class TenantWallConfiguration {

    @Bean
    @Primary
    CircuitScopedDataSource circuitScopedDataSource(@Qualifier("dataSource") DataSource pool) {
        return new CircuitScopedDataSource(pool, () -> CurrentCaller.get().map(Caller::circuitId));
    }
}
