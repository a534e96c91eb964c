package org.loyaltyhub.programs.internal.badges;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.BadgeChanged;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.StatusEventKind;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.Multipart;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Badges through the API: earned and lost with the points, explained, worth a discount, their icons served safely. */
@RecordApplicationEvents
class BadgesTest extends IntegrationTest {

    @Autowired
    ApplicationEvents published;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterJobs jobs;
    @Autowired
    BadgeHolders holders;
    @Autowired
    Badges badges;
    @Autowired
    MemberStatuses statuses;

    static Map<String, Object> badge(String name, long from, Long to, String extraPercent) {
        Map<String, Object> b = new HashMap<>(Map.of("nameEn", name, "nameIt", name + " (it)", "pointsFrom", from));
        if (to != null) {
            b.put("pointsTo", to);
        }
        if (extraPercent != null) {
            b.put("extraValuePercent", extraPercent);
        }
        return b;
    }

    static long create(World w, Map<String, Object> badge) {
        Api.Response r = w.asAdmin().post("/api/v1/badges", badge);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    static void credit(World w, long member, long points) {
        Api.Response r = w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", points, "note", "gift"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private List<String> events(long member) {
        return jdbc.sql("select kind || ' ' || coalesce(to_label, '-') || ': ' || reason from member_status_event "
                        + "where member_id = :m order by id").param("m", member).query(String.class).list();
    }

    Api.Response upload(World w, long badgeId, String filename, byte[] bytes) {
        return Multipart.send(port, "PUT", "/api/v1/badges/" + badgeId + "/icon", w.admin, "icon", filename, bytes);
    }

    /** As a browser's image request: no credentials, no JSON. */
    Api.Response fetch(String path) {
        try {
            var r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.body(), r.headers().map());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMemberEarnsTheBadgeTheirPointsReachExplainedAndItsDiscountIsInTheQuote() {
        World w = fixtures.world(api);
        w.settings(Map.of("redeemPoints", 100, "redeemValue", 1));
        long bronze = create(w, badge("Bronze", 100, 499L, null));
        long gold = create(w, badge("Gold", 500, null, "10"));
        long m = w.enrol(w.asAdmin(), "badged").path("id").asLong();

        credit(w, m, 150);
        JsonNode mine = w.asAdmin().get("/api/v1/members/" + m + "/badges").json();
        assertThat(mine.path("points").asLong()).isEqualTo(150);
        assertThat(mine.path("held").path("id").asLong()).isEqualTo(bronze);
        assertThat(mine.path("since").isMissingNode()).isFalse();
        assertThat(mine.path("next").path("id").asLong()).isEqualTo(gold);
        assertThat(mine.path("pointsToNext").asLong()).isEqualTo(350);
        assertThat(events(m)).singleElement().asString().startsWith("BADGE_EARNED Bronze: Bronze since ")
                .endsWith(": 150 points in total");

        credit(w, m, 850);
        assertThat(events(m)).hasSize(2).last().asString().startsWith("BADGE_EARNED Gold: Gold since ")
                .endsWith(": 1,000 points in total");
        assertThat(statuses.of(w.circuitId, m).hasBadge(gold)).isTrue();
        assertThat(statuses.of(w.circuitId, m).badges()).hasSize(1);

        Api.Response q = w.asAdmin().post("/api/v1/redemptions/quote", Map.of("member", Map.of("id", m),
                "cart", Map.of("currency", "EUR", "total", "100.00"), "points", 1000));
        assertThat(q.status()).as(q.toString()).isEqualTo(200);
        assertThat(q.json().path("discount").path("amount").asString()).as("1,000 points worth 10 € + 10 %")
                .isEqualTo("11.00");
        assertThat(q.json().path("bonuses").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Gold badge: +10 % on points' value");
        w.assertBooksBalance();
    }

    @Test
    void pointsLeavingARollingWindowLoseTheBadgeInTheNightlyRoundOnce() {
        World w = fixtures.world(api);
        Api.Response window = w.asAdmin().put("/api/v1/badge-window", Map.of("kind", "ROLLING_MONTHS", "months", 2));
        assertThat(window.status()).as(window.toString()).isEqualTo(200);
        long bronze = create(w, badge("Bronze", 100, null, null));
        long m = w.enrol(w.asAdmin(), "fading").path("id").asLong();
        credit(w, m, 150);
        assertThat(holders.held(w.circuitId, m).orElseThrow().badge().id()).isEqualTo(bronze);

        Clock sameDay = Clock.systemUTC();
        assertThat(round(sameDay).changed()).as("nothing moved today").isZero();
        assertThat(events(m)).hasSize(1);

        Clock later = Clock.fixed(sameDay.instant().plus(Duration.ofDays(70)), ZoneOffset.UTC);
        BadgeRound.Run first = round(later);
        assertThat(first.changed()).isGreaterThanOrEqualTo(1);
        assertThat(holders.held(w.circuitId, m)).isEmpty();
        assertThat(events(m)).hasSize(2).last().asString().startsWith("BADGE_LOST -: Bronze lost on ")
                .endsWith(": 0 points in 2 months, outside its range 100+");

        assertThat(published.stream(BadgeChanged.class).filter(e -> e.memberId() == m).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(StatusEventKind.BADGE_LOST);
                    assertThat(e.fromBadgeId()).isEqualTo(bronze);
                    assertThat(e.toBadgeId()).isNull();
                });

        BadgeRound.Run again = round(later);
        assertThat(again.evaluated()).as("everyone was evaluated today").isZero();
        assertThat(events(m)).hasSize(2);
    }

    private BadgeRound.Run round(Clock clock) {
        return new BadgeRound(jobs, holders, badges, jdbc, clock).run();
    }

    @Test
    void concurrentEarnsCrossingTheThresholdEarnTheBadgeOnce() {
        World w = fixtures.world(api);
        create(w, badge("Bronze", 100, null, null));
        long m = w.enrol(w.asAdmin(), "racing").path("id").asLong();
        List<CompletableFuture<Void>> earns = List.of(CompletableFuture.runAsync(() -> credit(w, m, 60)),
                CompletableFuture.runAsync(() -> credit(w, m, 60)), CompletableFuture.runAsync(() -> credit(w, m, 60)));
        earns.forEach(CompletableFuture::join);
        assertThat(events(m)).singleElement().asString().startsWith("BADGE_EARNED Bronze");
    }

    @Test
    void badInputIsRefusedWithAClearProblemAndNothingIsSaved() {
        World w = fixtures.world(api);
        long silver = create(w, badge("Silver", 200, 499L, null));
        long[] shop = w.company("Shop");
        Api operator = w.as(w.operator("STORE_OPERATOR", shop[0], shop[1]));

        Api.Response overlap = w.asAdmin().post("/api/v1/badges", badge("Bronze", 100, 250L, null));
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(overlap.body()).contains("overlaps the badge \\\"Silver\\\" (200–499)");
        Api.Response backwards = w.asAdmin().post("/api/v1/badges", badge("Bronze", 100, 50L, null));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("pointsTo");
        Api.Response noName = w.asAdmin().post("/api/v1/badges", Map.of("pointsFrom", 1, "extraValuePercent", -5));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body()).contains("nameEn", "extraValuePercent");
        assertThat(w.asAdmin().put("/api/v1/badges/" + silver, badge("Silver", 100, 99L, null)).status())
                .isEqualTo(400);
        assertThat(operator.post("/api/v1/badges", badge("Gold", 500, null, null)).status()).isEqualTo(403);
        assertThat(w.asAdmin().put("/api/v1/badge-window", Map.of("kind", "ROLLING_MONTHS")).status()).isEqualTo(400);

        Api.Response overBody = upload(w, silver, "big.png", new byte[150 * 1024]);
        assertThat(overBody.status()).as("above the API's body limit (64 KB in tests)").isEqualTo(413);
        assertThat(overBody.json().path("type").asString()).isEqualTo("/problems/body-too-large");
        Api.Response notImage = upload(w, silver, "x.png", "hello, I am text".getBytes(StandardCharsets.UTF_8));
        assertThat(notImage.status()).isEqualTo(400);
        assertThat(notImage.body()).contains("PNG or SVG");
        Api.Response unsafe = upload(w, silver, "x.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8));
        assertThat(unsafe.status()).isEqualTo(400);
        assertThat(unsafe.body()).contains("script");

        JsonNode all = w.asAdmin().get("/api/v1/badges").json();
        assertThat(all.size()).isEqualTo(1);
        assertThat(all.get(0).path("pointsTo").asLong()).isEqualTo(499);
        assertThat(all.get(0).path("iconUrl").isNull()).isTrue();
        assertThat(w.asAdmin().get("/api/v1/badge-window").json().path("kind").asString()).isEqualTo("LIFETIME");
    }

    @Test
    void iconsAreServedPubliclyWithTheirTypeUnsniffedAndSvgUnderAPolicyThatRunsNothing() {
        World w = fixtures.world(api);
        long gold = create(w, badge("Gold", 0, null, null));

        Api.Response png = upload(w, gold, "gold.png", BadgeIconTest.png(32, 32));
        assertThat(png.status()).as(png.toString()).isEqualTo(200);
        String pngUrl = png.json().path("iconUrl").asString();
        assertThat(pngUrl).startsWith("/c/" + w.circuitId + "/badges/" + gold + "/icon?v=");
        Api.Response served = fetch(pngUrl);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("image/png");
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");

        Api.Response svg = upload(w, gold, "gold.svg", BadgeIconTest.svg("<circle r=\"4\" onmouseover=\"\"/>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).as("an event handler, even empty, is refused").isEqualTo(400);
        svg = upload(w, gold, "gold.svg", BadgeIconTest.svg("<circle r=\"4\" fill=\"#fc0\"/>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(svg.status()).as(svg.toString()).isEqualTo(200);
        String svgUrl = svg.json().path("iconUrl").asString();
        assertThat(svgUrl).isNotEqualTo(pngUrl);
        Api.Response servedSvg = fetch(svgUrl);
        assertThat(servedSvg.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(servedSvg.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(servedSvg.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'unsafe-inline'; sandbox");
        assertThat(servedSvg.body()).contains("<circle", "fill=\"#fc0\"");

        assertThat(fetch("/c/" + (w.circuitId + 1) + "/badges/" + gold + "/icon").status())
                .as("another circuit's address").isEqualTo(404);
        assertThat(w.asAdmin().delete("/api/v1/badges/" + gold + "/icon").status()).isEqualTo(204);
        assertThat(fetch(svgUrl).status()).isEqualTo(404);
    }

    @Test
    void anotherCircuitNeitherSeesNorChangesTheBadges() {
        World w = fixtures.world(api);
        long gold = create(w, badge("Gold", 0, null, null));
        long m = w.enrol(w.asAdmin(), "mine").path("id").asLong();
        World other = fixtures.world(api);

        assertThat(other.asAdmin().get("/api/v1/badges").json().size()).isZero();
        assertThat(other.asAdmin().get("/api/v1/badges/" + gold).status()).isEqualTo(404);
        assertThat(other.asAdmin().put("/api/v1/badges/" + gold, badge("Mine", 0, null, null)).status()).isEqualTo(404);
        assertThat(other.asAdmin().delete("/api/v1/badges/" + gold).status()).isEqualTo(404);
        assertThat(upload(other, gold, "x.png", BadgeIconTest.png(8, 8)).status()).isEqualTo(404);
        assertThat(other.asAdmin().get("/api/v1/members/" + m + "/badges").status()).isEqualTo(404);
        assertThat(create(other, badge("Theirs", 0, null, null))).as("their own ladder is apart").isPositive();
        assertThat(w.asAdmin().get("/api/v1/badges/" + gold).json().path("nameEn").asString()).isEqualTo("Gold");
    }
}
