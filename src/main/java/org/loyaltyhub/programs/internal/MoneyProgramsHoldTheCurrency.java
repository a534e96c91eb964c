package org.loyaltyhub.programs.internal;

import org.loyaltyhub.tenancy.CurrencyInUse;
import org.loyaltyhub.tenancy.CurrencyLocked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A money program's amounts (minimum order) are in the circuit's currency: once one is set, the currency stays. */
@Component
class MoneyProgramsHoldTheCurrency implements CurrencyInUse {

    private final JdbcClient jdbc;

    MoneyProgramsHoldTheCurrency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CurrencyLocked.Holder> holder(long circuitId) {
        boolean any = jdbc.sql("select exists (select 1 from money_program where circuit_id = :c)")
                .param("c", circuitId).query(Boolean.class).single();
        return any ? Optional.of(CurrencyLocked.Holder.MONEY_PROGRAMS) : Optional.empty();
    }
}
