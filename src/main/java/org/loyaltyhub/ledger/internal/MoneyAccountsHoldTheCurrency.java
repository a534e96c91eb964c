package org.loyaltyhub.ledger.internal;

import org.loyaltyhub.tenancy.CurrencyInUse;
import org.loyaltyhub.tenancy.CurrencyLocked;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Money accounts (wallets, their issuance and redeemed accounts) count in the circuit's currency: it must stay. */
@Component
class MoneyAccountsHoldTheCurrency implements CurrencyInUse {

    private final JdbcClient jdbc;

    MoneyAccountsHoldTheCurrency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CurrencyLocked.Holder> holder(long circuitId) {
        boolean any = jdbc.sql("select exists (select 1 from account where circuit_id = :c and unit not in ('PTS', 'SMS'))")
                .param("c", circuitId).query(Boolean.class).single();
        return any ? Optional.of(CurrencyLocked.Holder.MONEY_ACCOUNTS) : Optional.empty();
    }
}
