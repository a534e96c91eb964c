package org.loyaltyhub.purchases;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema no longer ties a purchase's store, company and member to its circuit (the tenant foreign keys were
 * dropped for speed): the code refuses a purchase that names another circuit's store or member, on every path.
 */
class CrossCircuitReferencesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long purchases(String orderId) {
        return jdbc.sql("select count(*) from purchase where order_id = :o").param("o", orderId).query(Long.class).single();
    }

    @Test
    void anApiPurchaseNamingAnotherCircuitsStoreOrMemberIsRefusedAndNothingIsWritten() {
        World mine = fixtures.world(api);
        World theirs = fixtures.world(api);
        long[] shop = mine.company("Mine");
        long[] elsewhere = theirs.company("Theirs");
        long member = mine.enrol(mine.asAdmin(), "mine").path("id").asLong();
        long stranger = theirs.enrol(theirs.asAdmin(), "theirs").path("id").asLong();
        Api admin = mine.asAdmin();
        String first = org.loyaltyhub.support.Fixtures.unique("X-1");
        String second = org.loyaltyhub.support.Fixtures.unique("X-2");

        Api.Response atTheirStore = admin.post("/api/v1/purchases", Map.of("orderId", first, "member",
                Map.of("id", member), "currency", "EUR", "total", "10.00", "status", "PAID", "storeId", elsewhere[1]));
        Api.Response forTheirMember = mine.purchase(api.withKey(mine.apiKey(shop[0], shop[1])), second, stranger,
                "10.00", "PAID");

        assertThat(atTheirStore.status()).as(atTheirStore.toString()).isEqualTo(404);
        assertThat(forTheirMember.status()).as(forTheirMember.toString()).isEqualTo(404);
        assertThat(purchases(first) + purchases(second)).isZero();
    }

    @Test
    void aCounterSaleForAnotherCircuitsMemberIsRefusedAndNothingIsWritten() {
        World mine = fixtures.world(api);
        World theirs = fixtures.world(api);
        long[] shop = mine.company("Counter");
        Api.Login till = mine.operator("STORE_OPERATOR", null, shop[1]);
        long stranger = theirs.enrol(theirs.asAdmin(), "counter-stranger").path("id").asLong();

        WebForms browser = new WebForms(port);
        browser.get("/login");
        browser.post("/login", Map.of("email", till.email(), "password", till.password()));
        browser.get("/counter");
        WebForms.Reply sale = browser.post("/counter/sale", Map.of("member", String.valueOf(stranger),
                "saleId", "cross-1", "amount", "12.00"));

        assertThat(sale.status()).isEqualTo(200);
        assertThat(sale.body()).doesNotContain("receipt-points");
        assertThat(purchases("counter-cross-1")).isZero();
    }
}
