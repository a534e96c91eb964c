package org.loyaltyhub.marketing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Social sharing (issue 18 §3): points for the visits a shared link brings, once per visitor and day, capped. */
class SharedLinksBringingVisitsTest extends IntegrationTest {

    @Autowired
    Sharing sharing;
    @Autowired
    JdbcClient jdbc;

    private World world;
    private long member;

    @BeforeEach
    void aMemberWithALink() {
        world = fixtures.world(api);
        member = world.enrol(world.asAdmin(), "sharer").path("id").asLong();
    }

    private Api.Response settings(int points, int cap, String instagram) {
        Map<String, Object> body = new HashMap<>(Map.of("pointsPerVisit", points, "dailyCap", cap));
        body.put("instagramUrl", instagram);
        return world.asAdmin().put("/api/v1/social/settings", body);
    }

    @Test
    void eachNewVisitorEarnsPointsOnceADayUpToTheCapAndTheMembersOwnVisitsNothing() {
        assertThat(settings(10, 2, null).status()).isEqualTo(200);
        String link = sharing.link(world.circuitId, member, ShareTarget.REFERRAL, null);
        assertThat(sharing.link(world.circuitId, member, ShareTarget.REFERRAL, null)).isEqualTo(link);
        String token = link.substring(link.lastIndexOf('/') + 1);

        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.1|Firefox", null).points()).isEqualTo(10);
        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.1|Firefox", null).counted())
                .as("the same visitor again").isFalse();
        assertThat(sharing.visited(world.circuitId, token, "3f2b8c1e-0000-4000-8000-000000000001", "10.0.0.1|Firefox",
                null).counted()).as("a cookie now, the same address and browser").isFalse();
        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.2|Chrome", member).points())
                .as("the member's own visit").isZero();
        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.3|Safari", null).points()).isEqualTo(10);
        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.4|Edge", null).points()).as("capped").isZero();
        assertThat(world.available(member)).isEqualTo(20);
        var movement = world.asAdmin().get("/api/v1/members/" + member + "/movements").json().path("items").get(0);
        assertThat(movement.path("kind").asString()).as("a movement of its own, not a coupon").isEqualTo("SHARE_VISIT");
        assertThat(movement.path("reason").asString()).isEqualTo("Visit through a shared link");

        clock.advance(Duration.ofDays(1));
        assertThat(sharing.visited(world.circuitId, token, null, "10.0.0.1|Firefox", null).points())
                .as("a new day").isEqualTo(10);
        assertThat(world.available(member)).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from share_visit where client_hash like '%10.0.0%' or visitor_hash like "
                + "'%10.0.0%'").query(Long.class).single()).as("no address is kept").isZero();
        world.assertBooksBalance();
    }

    @Test
    void aVisitGoesOnToTheTargetAndLeavesAVisitorCookie() {
        settings(5, 5, "https://instagram.com/circuito");
        long[] shop = world.company("Shop");
        String link = sharing.link(world.circuitId, member, ShareTarget.STORE, shop[1]);
        Api.Response visit = new Api(port).get(link);
        assertThat(visit.status()).isEqualTo(302);
        assertThat(visit.header("Location")).endsWith("/c/" + world.circuitId + "/stores#store-" + shop[1]);
        assertThat(visit.header("Set-Cookie")).contains("lh_visitor=");
        String referral = sharing.link(world.circuitId, member, ShareTarget.REFERRAL, null);
        assertThat(new Api(port).get(referral).header("Location")).contains("/join?ref=");
        assertThat(new Api(port).get("/c/" + world.circuitId + "/s/unknown-token-123456").header("Location"))
                .endsWith("/c/" + world.circuitId);
        assertThat(world.available(member)).isEqualTo(5);
        assertThat(new Api(port).get("/c/" + world.circuitId).body()).contains("https://instagram.com/circuito");
    }

    @Test
    void onlyTheCircuitAdministratorSetsTheSocialProfilesAndOnlyHttpsOnes() {
        assertThat(settings(0, 5, "http://instagram.com/x").status()).isEqualTo(400);
        long[] shop = world.company("Shop");
        Api companyAdmin = world.as(world.operator("COMPANY_ADMIN", shop[0], null));
        assertThat(companyAdmin.put("/api/v1/social/settings", Map.of("pointsPerVisit", 1, "dailyCap", 1)).status())
                .isEqualTo(403);
        assertThat(settings(3, 4, "https://instagram.com/x").json().path("instagramUrl").asString())
                .isEqualTo("https://instagram.com/x");
    }
}
