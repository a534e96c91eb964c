package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.internal.ImportRunner;
import org.loyaltyhub.programs.internal.promotions.CampaignJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyhub.programs.CampaignFunnelsTest.activeFunnel;
import static org.loyaltyhub.programs.CampaignFunnelsTest.runs;

/**
 * Funnels started by a purchase (issue 12 §3): "7 days after a purchase of at least 20, without another purchase
 * meanwhile, give points". A purchase enters its member once, at the award moment; past and voided purchases and
 * purchases under the conditions enter nobody.
 */
class PurchaseFunnelsTest extends IntegrationTest {

    @Autowired
    CampaignJobs jobs;

    @Autowired
    ImportRunner imports;

    private static Map<String, Object> funnel(String name, Map<String, Object> trigger, int delayDays,
                                              Map<String, Object> effect) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("trigger", trigger);
        body.put("delayDays", delayDays);
        body.put("unlessPurchased", delayDays > 0);
        body.put("effects", List.of(effect));
        return body;
    }

    @Test
    void sevenDaysAfterAPurchaseWithoutAnotherTheMemberGetsPointsOnceAndWhoBoughtAgainOrCancelledIsSkippedWithWhy() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long funnel = activeFunnel(w, funnel("Thanks for shopping", Map.of("type", "PURCHASE", "minSpend", "20"), 7,
                Map.of("type", "FIXED_POINTS", "points", 15)));

        long quiet = w.enrol(till, "quiet").path("id").asLong();
        long again = w.enrol(till, "again").path("id").asLong();
        long small = w.enrol(till, "small").path("id").asLong();
        long undone = w.enrol(till, "undone").path("id").asLong();
        assertThat(w.purchase(till, "Q-1", quiet, "30.00", "PAID").status()).isEqualTo(201);
        Api.Response replay = w.purchase(till, "Q-1", quiet, "30.00", "PAID");
        assertThat(replay.status()).as(replay.toString()).isLessThan(300);
        w.purchase(till, "A-1", again, "25.00", "PAID");
        w.purchase(till, "S-1", small, "19.99", "PAID");
        long cancelled = w.purchase(till, "U-1", undone, "40.00", "PAID").json().path("id").asLong();

        assertThat(runs(w, funnel, quiet)).as("a replayed report enters once").singleElement()
                .satisfies(r -> assertThat(r.path("state").asString()).isEqualTo("WAITING"));
        assertThat(runs(w, funnel, small)).as("under the minimum spend").isEmpty();

        clock.advance(Duration.ofDays(2));
        w.purchase(till, "A-2", again, "5.00", "PAID");
        assertThat(runs(w, funnel, again)).as("5.00 is under the minimum: it enters nothing").hasSize(1);
        assertThat(till.patch("/api/v1/purchases/" + cancelled, Map.of("status", "CANCELLED")).status()).isEqualTo(200);
        jobs.runAt(clock.instant());
        assertThat(w.available(quiet)).as("not due yet").isEqualTo(30);

        clock.advance(Duration.ofDays(5).plusMinutes(1));
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());

        assertThat(w.available(quiet)).as("the purchase's points and the funnel's, once").isEqualTo(45);
        JsonNode acted = runs(w, funnel, quiet).getFirst();
        assertThat(acted.path("state").asString()).isEqualTo("ACTED");
        assertThat(acted.path("detail").asString()).contains("+15 points");
        JsonNode skipped = runs(w, funnel, again).getFirst();
        assertThat(skipped.path("state").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.path("detail").asString()).contains("another purchase during the delay");
        assertThat(w.available(again)).isEqualTo(30);
        JsonNode voided = runs(w, funnel, undone).getFirst();
        assertThat(voided.path("state").asString()).isEqualTo("SKIPPED");
        assertThat(voided.path("detail").asString()).contains("the purchase was cancelled");
        assertThat(w.available(undone)).isZero();
        assertThat(w.movements(quiet).getFirst().path("reason").asString())
                .contains("Funnel #" + funnel, "after a purchase of at least 20", "7 day(s) later without a purchase");
        w.assertBooksBalance();
    }

    @Test
    void aFirstPurchaseFunnelIgnoresTheSecondPurchaseAndActsAtOnceWithoutADelay() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long funnel = activeFunnel(w, funnel("Welcome buyer", Map.of("type", "PURCHASE", "firstPurchaseOnly", true,
                "storeId", shop[1]), 0, Map.of("type", "TAG", "tag", "first-buyer")));
        long member = w.enrol(till, "first").path("id").asLong();

        w.purchase(till, "F-1", member, "10.00", "PAID");
        w.purchase(till, "F-2", member, "12.00", "PAID");

        assertThat(runs(w, funnel, member)).singleElement().satisfies(r -> {
            assertThat(r.path("state").asString()).isEqualTo("ACTED");
            assertThat(r.path("detail").asString()).contains("first-buyer");
        });
        JsonNode read = w.asAdmin().get("/api/v1/funnels/" + funnel).json();
        assertThat(read.path("definition").path("trigger").path("firstPurchaseOnly").asBoolean()).isTrue();
        assertThat(read.path("rule").asString()).contains("after a first purchase at store #" + shop[1]);
    }

    @Test
    void aPastImportedPurchaseAndACancelledOneEnterNobodyButTheNextLiveOneDoes() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long funnel = activeFunnel(w, funnel("Any purchase", Map.of("type", "PURCHASE"), 0,
                Map.of("type", "TAG", "tag", "bought")));
        String email = Fixtures.unique("past") + "@member.test";
        long member = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "email", email)).path("id").asLong();

        String day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Api.Response started = w.asAdmin().postRaw("/api/v1/imports/purchases?source=Till&companyId=" + shop[0],
                "Scontrino;Data;Importo;Punto vendita;E-mail;Telefono;Numero carta\nR-1;" + day + ";40,00;;" + email
                        + ";;\n");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long job = started.json().path("job").path("id").asLong();
        for (int round = 0; round < 200 && !w.asAdmin().get("/api/v1/imports/" + job).json().path("job")
                .path("status").asString().equals("DONE"); round++) {
            imports.runDue();
        }
        assertThat(w.asAdmin().get("/api/v1/imports/" + job).json().path("job").path("imported").asInt()).isEqualTo(1);
        w.purchase(till, "C-1", member, "50.00", "CANCELLED");
        assertThat(runs(w, funnel, member)).as("a past purchase and a cancelled one enter nobody").isEmpty();

        w.purchase(till, "L-1", member, "50.00", "PAID");
        assertThat(runs(w, funnel, member)).singleElement()
                .satisfies(r -> assertThat(r.path("state").asString()).isEqualTo("ACTED"));
    }

    @Test
    void aBadMinimumSpendOrBothAStoreAndACompanyOrAStrangersStoreIsRefusedWithAProblem() {
        World w = fixtures.world(api);
        long[] shop = w.company("Shop");
        Map<String, Object> tag = Map.of("type", "TAG", "tag", "a");
        for (Map<String, Object> trigger : List.of(Map.<String, Object>of("type", "PURCHASE", "minSpend", "-5"),
                Map.<String, Object>of("type", "PURCHASE", "minSpend", "19.999"),
                Map.<String, Object>of("type", "PURCHASE", "minSpend", "lots"))) {
            Api.Response r = w.asAdmin().post("/api/v1/funnels", funnel("x", trigger, 0, tag));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("minSpend");
        }
        Api.Response both = w.asAdmin().post("/api/v1/funnels", funnel("x", Map.of("type", "PURCHASE",
                "companyId", shop[0], "storeId", shop[1]), 0, tag));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body()).contains("trigger.storeId");
        Api.Response stranger = w.asAdmin().post("/api/v1/funnels", funnel("x", Map.of("type", "PURCHASE",
                "storeId", 999999), 0, tag));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body()).contains("trigger.storeId");
        assertThat(w.asAdmin().get("/api/v1/funnels").json().size()).isZero();
    }
}
