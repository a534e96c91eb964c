package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A company's review pages (issue 18 §3) over the API, and what customers see for its stores. */
class CompanyReviewLinksOverTheApiTest extends IntegrationTest {

    private static final Map<String, Object> LINKS = Map.of("googleReviewUrl", "https://g.page/r/duomo/review",
            "tripadvisorUrl", "https://www.tripadvisor.com/duomo", "productReviewsUrl", "https://shop.example/reviews");

    @Autowired
    CompanyReviewLinks links;

    private World world;
    private long[] duomo;
    private long[] castello;

    @BeforeEach
    void twoCompanies() {
        world = fixtures.world(api);
        duomo = world.company("Duomo");
        castello = world.company("Castello");
    }

    private String path(long company) {
        return "/api/v1/companies/" + company + "/review-links";
    }

    @Test
    void theCompanyAdministratorSetsItsReviewPagesAndReadsThemBack() {
        Api own = world.as(world.operator("COMPANY_ADMIN", duomo[0], null));
        assertThat(own.get(path(duomo[0])).json().path("googleReviewUrl").isNull()).isTrue();
        Api.Response saved = own.put(path(duomo[0]), LINKS);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().path("productReviewsUrl").asString()).isEqualTo("https://shop.example/reviews");
        assertThat(world.asAdmin().get(path(duomo[0])).json().path("tripadvisorUrl").asString())
                .isEqualTo("https://www.tripadvisor.com/duomo");
    }

    @Test
    void aBadAddressIsRefusedWithAProblemNamingTheFieldAndNothingChanges() {
        assertThat(world.asAdmin().put(path(duomo[0]), LINKS).status()).isEqualTo(200);
        Map<String, Object> bad = new HashMap<>(LINKS);
        bad.put("googleReviewUrl", "https://g.page/r/changed");
        bad.put("tripadvisorUrl", "http://www.tripadvisor.com/duomo");
        Api.Response refused = world.asAdmin().put(path(duomo[0]), bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("tripadvisorUrl").doesNotContain("googleReviewUrl");
        assertThat(refused.code()).isEqualTo("invalid-input");
        bad.put("tripadvisorUrl", "https://www.tripadvisor.com/" + "x".repeat(500));
        Api.Response tooLong = world.asAdmin().put(path(duomo[0]), bad);
        assertThat(tooLong.status()).as("too long").isEqualTo(400);
        assertThat(tooLong.body()).contains("tripadvisorUrl");
        assertThat(world.asAdmin().get(path(duomo[0])).json().path("googleReviewUrl").asString())
                .isEqualTo("https://g.page/r/duomo/review");
    }

    @Test
    void anotherCompanysAdministratorAndAStoreOperatorAreRefused() {
        Api other = world.as(world.operator("COMPANY_ADMIN", castello[0], null));
        assertThat(other.put(path(duomo[0]), LINKS).status()).isEqualTo(404);
        assertThat(other.get(path(duomo[0])).status()).isEqualTo(404);
        Api operator = world.as(world.operator("STORE_OPERATOR", null, duomo[1]));
        assertThat(operator.put(path(duomo[0]), LINKS).status()).isEqualTo(403);
        assertThat(world.asAdmin().get(path(duomo[0])).json().path("googleReviewUrl").isNull()).isTrue();
    }

    @Test
    void customersSeeTheStoresOwnPagesElseTheCompanysAndAlwaysTheCompanysProductReviews() {
        assertThat(world.asAdmin().put(path(duomo[0]), LINKS).status()).isEqualTo(200);
        long withoutOwn = duomo[1];
        long withOwn = world.asAdmin().post("/api/v1/companies/" + duomo[0] + "/stores", Map.of("name", "Duomo 2"))
                .json().path("id").asLong();
        assertThat(world.asAdmin().put("/api/v1/stores/" + withOwn + "/profile", Map.of("checkinRadiusMetres", 100,
                "googleReviewUrl", "https://g.page/r/duomo-2/review")).status()).isEqualTo(200);

        assertThat(links.atStore(world.circuitId, withoutOwn)).isEqualTo(new ReviewLinks(
                "https://g.page/r/duomo/review", "https://www.tripadvisor.com/duomo", "https://shop.example/reviews"));
        assertThat(links.atStore(world.circuitId, withOwn)).isEqualTo(new ReviewLinks(
                "https://g.page/r/duomo-2/review", null, "https://shop.example/reviews"));
        assertThat(links.atStore(world.circuitId, castello[1]).isEmpty()).isTrue();
    }
}
