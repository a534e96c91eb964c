package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.Activity;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What status programs qualify on: points earned, spend and purchases, kept with the changes that move them. */
class MemberActivityTest extends IntegrationTest {

    @Autowired
    Activity activity;

    @Test
    void purchasesAdjustmentsAndTheirReversalsMoveTheActivityButRedemptionsDoNot() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, "active").path("id").asLong();

        w.purchase(till, "A-1", m, "80.00", "COMPLETED");
        assertThat(activity.totals(m, null)).isEqualTo(new Activity.Totals(80, new BigDecimal("80.0000"), 1));

        Api.Response refunded = till.post("/api/v1/purchases", Map.of("orderId", "A-1", "member", Map.of("id", m),
                "currency", "EUR", "total", "80.00", "refundedTotal", "20.00", "status", "PARTIALLY_REFUNDED"));
        assertThat(refunded.status()).as(refunded.toString()).isEqualTo(201);
        assertThat(activity.totals(m, null)).isEqualTo(new Activity.Totals(60, new BigDecimal("60.0000"), 1));

        Api.Response credit = w.asAdmin().post("/api/v1/members/" + m + "/adjustments",
                Map.of("direction", "CREDIT", "points", 100, "note", "Welcome"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
        assertThat(activity.totals(m, null).points()).isEqualTo(160);

        long entry = credit.json().path("entryId").asLong();
        assertThat(w.asAdmin().post("/api/v1/movements/" + entry + "/reversal",
                Map.of("note", "by mistake")).status()).isIn(200, 201);
        assertThat(activity.totals(m, null).points()).as("voiding the credit takes it back").isEqualTo(60);

        Api.Response held = till.post("/api/v1/redemptions", Map.of("member", Map.of("id", m),
                "cart", Map.of("total", "50.00", "currency", "EUR"), "points", 50));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        assertThat(till.post("/api/v1/redemptions/" + held.json().path("id").asLong() + "/capture",
                Map.of("orderId", "A-2")).status()).isEqualTo(200);
        assertThat(activity.totals(m, null).points()).as("a redemption is not activity").isEqualTo(60);

        till.post("/api/v1/purchases", Map.of("orderId", "A-1", "member", Map.of("id", m), "currency", "EUR",
                "total", "80.00", "status", "CANCELLED"));
        // the cancellation withdraws what is left of the order's 60 points (10: 50 were spent), and its spend
        assertThat(w.available(m)).isZero();
        assertThat(activity.totals(m, null)).isEqualTo(new Activity.Totals(50, new BigDecimal("0.0000"), 0));
        w.assertBooksBalance();
    }
}
