package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyhub.support.ReferralSteps.code;
import static org.loyaltyhub.support.ReferralSteps.paid;
import static org.loyaltyhub.support.ReferralSteps.refer;

/**
 * Multi-level marketing in a coalition (seed 002): each upline level gets its % of the points a member earns on
 * purchases, rounded down, within the monthly cap and the depth, paid by the circuit or by the earning company's
 * budget, kept in step with refunds and never given twice for one settlement.
 */
class MultiLevelCommissionsTest extends IntegrationTest {

    /** a ← b ← c ← d: a referred b, b referred c, c referred d. */
    private long[] chain(World w, Api till) {
        long a = w.enrol(till, "a").path("id").asLong();
        long b = w.enrol(till, "b").path("id").asLong();
        long c = w.enrol(till, "c").path("id").asLong();
        long d = w.enrol(till, "d").path("id").asLong();
        assertThat(refer(till, b, code(w, a)).status()).isEqualTo(201);
        assertThat(refer(till, c, code(w, b)).status()).isEqualTo(201);
        assertThat(refer(till, d, code(w, c)).status()).isEqualTo(201);
        return new long[] {a, b, c, d};
    }

    @Test
    void eachLevelUpToTheDepthGetsItsPercentRoundedDownWithinTheMonthlyCapAndRefundsTakeItBack() {
        World w = fixtures.world(api);
        long[] shop = w.company("Coalition");
        w.settings(Map.of());
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        org.loyaltyhub.support.ReferralSteps.set(w, Map.of("referrerPoints", 0, "friendPoints", 0, "levelPercents", List.of(10, 5),
                "monthlyCap", 12));
        long[] m = chain(w, till);

        long first = paid(w, till, m[3], "100.00");
        assertThat(w.available(m[2])).as("level 1: 10% of 100").isEqualTo(10);
        assertThat(w.available(m[1])).as("level 2: 5% of 100").isEqualTo(5);
        assertThat(w.available(m[0])).as("beyond the depth").isZero();
        assertThat(till.patch("/api/v1/purchases/" + first, Map.of("status", "PAID")).status()).isEqualTo(200);
        assertThat(w.available(m[2])).as("a replayed settlement gives nothing more").isEqualTo(10);

        paid(w, till, m[3], "100.00");
        assertThat(w.available(m[2])).as("the monthly cap of 12 leaves 2").isEqualTo(12);
        assertThat(w.available(m[1])).as("5 + 5, under the cap").isEqualTo(10);
        paid(w, till, m[3], "9.00");
        assertThat(w.available(m[1])).as("5% of 9 points rounds down to 0").isEqualTo(10);

        Api.Response refund = till.patch("/api/v1/purchases/" + first, Map.of("status", "REFUNDED",
                "refundedTotal", "100.00"));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(200);
        assertThat(w.available(m[2])).as("the refunded purchase's 10 taken back").isEqualTo(2);
        assertThat(w.available(m[1])).isEqualTo(5);
        assertThat(w.movements(m[2]).stream().map(n -> n.path("kind").asString()).toList())
                .contains("MULTI_LEVEL", "MULTI_LEVEL_REVERSAL");

        Api.Response tree = w.asAdmin().get("/api/v1/members/" + m[0] + "/referral");
        assertThat(tree.json().path("downlineCount").asLong()).isEqualTo(3);
        assertThat(tree.json().path("downline").get(0).path("children").get(0).path("memberId").asLong())
                .isEqualTo(m[2]);
        assertThat(w.asAdmin().get("/api/v1/members/" + m[3] + "/referral").json().path("upline")
                .valueStream().map(n -> n.path("memberId").asLong()).toList())
                .containsExactly(m[2], m[1], m[0]);
        assertThat(w.asAdmin().get("/api/v1/referrals/report").json().path("given").path("multiLevelPoints").asLong())
                .isEqualTo(2 + 5);
        w.assertBooksBalance();
    }

    @Test
    void theEarningCompanysBudgetPaysWhenTheCircuitSaysSo() {
        World w = fixtures.world(api, false, true);
        long[] shop = w.company("Budget");
        w.settings(Map.of());
        w.recharge(shop[0], 1000);
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        org.loyaltyhub.support.ReferralSteps.set(w, Map.of("referrerPoints", 30, "friendPoints", 20, "minSpend", 0, "funding", "EARNING_COMPANY",
                "levelPercents", List.of(10)));
        long anna = w.enrol(till, "anna").path("id").asLong();
        long bruno = w.enrol(till, "bruno").path("id").asLong();
        assertThat(refer(till, bruno, code(w, anna)).status()).isEqualTo(201);

        paid(w, till, bruno, "100.00");
        assertThat(w.available(anna)).as("30 for the referral, 10 for the level").isEqualTo(40);
        assertThat(w.available(bruno)).isEqualTo(120);
        assertThat(w.budget(shop[0])).isEqualTo(1000 - 100 - 30 - 20 - 10);
        w.assertBooksBalance();
    }
}
