package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.landing.LandingPages;
import org.loyaltyhub.rewards.CouponClaims;
import org.loyaltyhub.rewards.CouponRefused;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A landing page's "claim a coupon" button names a coupon campaign; a member claims a code of it by themselves, once,
 * while the campaign runs and while codes are left, also under parallel claims.
 */
class ClaimingCouponsFromLandingPagesTest extends IntegrationTest {

    private static final Instant START = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant END = Instant.parse("2030-04-01T00:00:00Z");

    @Autowired
    LandingPages pages;
    @Autowired
    CouponClaims coupons;
    @Autowired
    JdbcClient jdbc;

    private World w;

    private long campaign(int codes) {
        Api.Response c = w.asAdmin().post("/api/v1/campaigns", Map.of("name", "Primavera", "gives", "FREE_SHIPPING",
                "validFrom", START.toString(), "validUntil", END.toString(), "codeMode", "UNIQUE"));
        assertThat(c.status()).as(c.toString()).isEqualTo(201);
        long id = c.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/campaigns/" + id + "/codes", Map.of("total", codes)).status())
                .isEqualTo(200);
        return id;
    }

    private static Map<String, Object> page(String slug, Long campaignId) {
        Map<String, Object> button = new java.util.HashMap<>(Map.of("kind", "ACTION", "textIt", "Prendi il coupon",
                "textEn", "Get the coupon", "action", "COUPON"));
        if (campaignId != null) {
            button.put("campaignId", campaignId);
        }
        return Map.of("slug", slug, "titleIt", "Primavera", "titleEn", "Spring", "published", true,
                "blocks", List.of(Map.of("kind", "TEXT", "textIt", "Spedizione gratis", "textEn", "Free shipping"),
                        button));
    }

    private long member() {
        return w.enrol(w.asAdmin(), Map.of("firstName", "Ada", "email", Fixtures.unique("ada") + "@member.test"))
                .path("id").asLong();
    }

    @Test
    void aMemberClaimsOneCodeOnceWithinTheDatesAndTheStock() {
        clock.set(START.plusSeconds(3600));
        w = fixtures.world(api);
        long spring = campaign(2);
        Api.Response created = w.asAdmin().post("/api/v1/landing-pages", page("primavera", spring));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("content").path("blocks").get(1).path("campaignId").asLong()).isEqualTo(spring);
        long ada = member();
        long bea = member();
        long cleo = member();

        CouponClaims.Claimed first = pages.claimCoupon(w.circuitId, "primavera", 1, ada);
        assertThat(first.claimedBefore()).isFalse();
        CouponClaims.Claimed again = pages.claimCoupon(w.circuitId, "primavera", 1, ada);
        assertThat(again.code()).as("once per member: the same code").isEqualTo(first.code());
        assertThat(again.claimedBefore()).isTrue();
        assertThat(w.asAdmin().get("/api/v1/members/" + ada + "/vouchers").body()).contains(first.code());
        assertThat(pages.claimCoupon(w.circuitId, "primavera", 1, bea).code()).isNotEqualTo(first.code());
        assertThatThrownBy(() -> pages.claimCoupon(w.circuitId, "primavera", 1, cleo))
                .isInstanceOfSatisfying(CouponRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(CouponRefused.Reason.OUT_OF_STOCK));
        assertThatThrownBy(() -> pages.claimCoupon(w.circuitId, "primavera", 0, cleo))
                .as("a block that is not a coupon button").isInstanceOf(org.loyaltyhub.shared.NotFound.class);

        assertThat(w.asAdmin().post("/api/v1/campaigns/" + spring + "/codes", Map.of("total", 3)).status())
                .isEqualTo(200);
        clock.set(END);
        assertThatThrownBy(() -> pages.claimCoupon(w.circuitId, "primavera", 1, cleo))
                .isInstanceOfSatisfying(CouponRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(CouponRefused.Reason.ENDED));
        clock.set(START.minusSeconds(1));
        assertThatThrownBy(() -> pages.claimCoupon(w.circuitId, "primavera", 1, cleo))
                .isInstanceOfSatisfying(CouponRefused.class,
                        e -> assertThat(e.reason()).isEqualTo(CouponRefused.Reason.NOT_STARTED));
        assertThat(codesHeld(spring)).isEqualTo(2);
    }

    @Test
    void parallelClaimsGiveEachMemberOneCodeAndNeverMoreCodesThanTheStock() throws Exception {
        clock.set(START.plusSeconds(3600));
        w = fixtures.world(api);
        long spring = campaign(3);
        w.asAdmin().post("/api/v1/landing-pages", page("corsa", spring));
        long ada = member();
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(member());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                claims.add(() -> coupons.claim(w.circuitId, ada, spring).code());
            }
            for (long other : others) {
                claims.add(() -> {
                    try {
                        return coupons.claim(w.circuitId, other, spring).code();
                    } catch (CouponRefused e) {
                        return e.reason().name();
                    }
                });
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(claims)) {
                answers.add(f.get());
            }
            assertThat(answers.subList(0, 4)).as("one member, one code").containsOnly(answers.getFirst());
            assertThat(answers.subList(4, 9).stream().filter("OUT_OF_STOCK"::equals).count()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(codesHeld(spring)).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from voucher where campaign_id = :c and member_id = :m")
                .param("c", spring).param("m", ada).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyTheCircuitAdministratorOffersItsOwnCampaignsOnAPage() {
        clock.set(START.plusSeconds(3600));
        w = fixtures.world(api);
        long spring = campaign(1);
        World stranger = fixtures.world(api);
        Api.Response foreign = stranger.asAdmin().post("/api/v1/landing-pages", page("altrui", spring));
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.body()).contains("coupon campaign " + spring);
        long[] shop = w.company("Bar");
        Api.Response company = w.as(w.operator("COMPANY_ADMIN", shop[0], null))
                .post("/api/v1/landing-pages", page("bar", spring));
        assertThat(company.status()).as(company.toString()).isEqualTo(400);
        assertThat(w.asAdmin().post("/api/v1/landing-pages", page("vecchio", null)).status())
                .as("a coupon button without a campaign leads to the customer's coupons").isEqualTo(201);
    }

    private long codesHeld(long campaignId) {
        return jdbc.sql("select count(*) from voucher where campaign_id = :c and member_id is not null")
                .param("c", campaignId).query(Long.class).single();
    }
}
