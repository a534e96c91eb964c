package org.loyaltyhub.billing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice numbers restart with the year, and each source is invoiced once; invoices for things other than recharges
 * (here a membership sale) share the circuit's sequence. The invoicing under test runs on a clock of its own.
 */
class InvoiceNumbersPerYearTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    BillingSettings settings;
    @Autowired
    org.loyaltyhub.members.Members members;

    private Invoices at(String instant) {
        return new Invoices(jdbc, tenancy, members, settings, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static List<Invoicing.Line> sale(long id) {
        return List.of(new Invoicing.Line(InvoiceSource.MEMBERSHIP_SALE, id, "Gold membership", Money.of("49.90", "EUR")));
    }

    @Test
    void numbersRestartAtOneInANewYearAndASourceIsInvoicedOnce() {
        World w = fixtures.world(api);
        long company = w.company("Anni")[0];
        Invoices december = at("2030-12-31T23:59:00Z");
        assertThat(december.issue(w.circuitId, company, sale(1))).isEqualTo("2030/0001");
        assertThat(december.issue(w.circuitId, company, sale(2))).isEqualTo("2030/0002");
        assertThat(december.issue(w.circuitId, company, sale(1))).as("the same sale again").isEqualTo("2030/0001");

        Invoices january = at("2031-01-01T00:00:00Z");
        assertThat(january.issue(w.circuitId, company, sale(3))).isEqualTo("2031/0001");
        assertThat(december.issue(w.circuitId, company, sale(4))).isEqualTo("2030/0003");

        Invoice invoice = january.bySource(w.circuitId, InvoiceSource.MEMBERSHIP_SALE, 3).orElseThrow();
        assertThat(invoice.vatRate()).isEqualByComparingTo("22");
        assertThat(invoice.total()).isEqualTo(Money.of("60.88", "EUR"));
        assertThat(invoice.buyer().name()).as("the company's name without a legal name").startsWith("Anni");
    }
}
