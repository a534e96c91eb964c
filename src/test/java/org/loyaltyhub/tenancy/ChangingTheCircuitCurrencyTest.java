package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit's currency changes freely until something counts in it: companies, a money program, or money in a
 * wallet. Then a change is refused with 409 {@code currency-locked} naming what holds it, and nothing changes.
 */
class ChangingTheCircuitCurrencyTest extends IntegrationTest {

    private static Map<String, Object> circuit(String currency) {
        return Map.of("name", "Lago", "currency", currency, "companiesKeptApart", false, "budgetsEnforced", false);
    }

    private static void refused(World w, String holder) {
        Api.Response r = w.asAdmin().put("/api/v1/circuit", circuit("USD"));
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).endsWith("/problems/currency-locked");
        assertThat(r.json().path("holder").asString()).isEqualTo(holder);
        assertThat(r.json().path("field").asString()).isEqualTo("currency");
        assertThat(w.asAdmin().get("/api/v1/circuit").json().path("currency").asString()).isEqualTo("EUR");
        assertThat(w.asAdmin().get("/api/v1/circuit").json().path("name").asString())
                .as("nothing of the request is saved").isNotEqualTo("Lago");
    }

    @Test
    void theCurrencyChangesWhileNothingCountsInIt() {
        World w = fixtures.world(api);
        Api.Response r = w.asAdmin().put("/api/v1/circuit", circuit("CHF"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("currency").asString()).isEqualTo("CHF");
    }

    @Test
    void aMoneyProgramLocksTheCurrency() {
        World w = fixtures.world(api);
        Api.Response p = w.asAdmin().put("/api/v1/money-programs/CASHBACK",
                Map.of("enabled", false, "percent", "5", "minOrder", "0", "maxSharePercent", "100"));
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        refused(w, "MONEY_PROGRAMS");
    }

    @Test
    void moneyInAWalletLocksTheCurrency() {
        World w = fixtures.world(api);
        long member = w.enrol(w.asAdmin(), "locked").path("id").asLong();
        Api.Response credit = w.asAdmin().post("/api/v1/members/" + member + "/wallets/CASHBACK/adjustments",
                Map.of("direction", "CREDIT", "amount", Map.of("currency", "EUR", "amount", "2.00"), "note", "gift"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        refused(w, "MONEY_ACCOUNTS");
    }

    @Test
    void companiesLockTheCurrency() {
        World w = fixtures.world(api);
        w.company("Trading");
        refused(w, "COMPANIES");
    }
}
