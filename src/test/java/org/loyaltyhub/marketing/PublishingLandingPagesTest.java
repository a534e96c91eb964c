package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing pages over the API and in the public space: published pages show their blocks escaped in the visitor's
 * language under the content security policy; visits and followed buttons count once per visitor and day; drafts,
 * other circuits' pages and things of other tenants are refused.
 */
class PublishingLandingPagesTest extends IntegrationTest {

    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> visit(String path, String language, String userAgent) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Accept-Language", language).header("User-Agent", userAgent)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> page(String slug, boolean published, List<Map<String, Object>> blocks) {
        return Map.of("slug", slug, "titleIt", "Estate in trattoria", "titleEn", "Summer at the trattoria",
                "blocks", blocks, "published", published);
    }

    @Test
    void aPublishedPageShowsItsBlocksEscapedInTheVisitorsLanguageAndCountsEachVisitorOnceADay() throws Exception {
        World w = fixtures.world(api);
        Api.Response created = w.asAdmin().post("/api/v1/landing-pages", page("estate", true, List.of(
                Map.of("kind", "TITLE", "textIt", "Il nostro dehors", "textEn", "Our terrace"),
                Map.of("kind", "TEXT", "textIt", "<script>alert('x')</script> Vi aspettiamo", "textEn", "Join us"),
                Map.of("kind", "ACTION", "action", "JOIN", "textIt", "Iscriviti", "textEn", "Join"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        String path = "/c/" + w.circuitId + "/p/estate";

        HttpResponse<String> italian = visit(path, "it-IT", "phone-1");
        assertThat(italian.statusCode()).isEqualTo(200);
        assertThat(italian.body()).contains("Estate in trattoria", "Il nostro dehors",
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Vi aspettiamo", "Iscriviti")
                .doesNotContain("<script>alert");
        assertThat(italian.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(visit(path, "en-GB", "phone-1").body()).contains("Our terrace", "Join us");
        visit(path, "en-GB", "phone-2");
        assertThat(w.asAdmin().get("/api/v1/landing-pages/" + id + "/stats").json().path("visits").asLong())
                .isEqualTo(2);
        clock.advance(Duration.ofDays(1));
        visit(path, "en-GB", "phone-1");
        assertThat(w.asAdmin().get("/api/v1/landing-pages/" + id + "/stats").json().path("visits").asLong())
                .isEqualTo(3);
    }

    @Test
    void followingAButtonLeadsToItsTargetAndCountsOneConversionPerVisitorAndDay() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Trattoria");
        long table = w.asAdmin().post("/api/v1/stores/" + shop[1] + "/bookables", Map.of("kind", "TABLE",
                "name", "Tavolo", "durationMinutes", 60, "capacity", 2,
                "hours", List.of(Map.of("day", "FRIDAY", "opens", "19:00", "closes", "23:00")))).json()
                .path("id").asLong();
        long id = w.asAdmin().post("/api/v1/landing-pages", page("cena", true, List.of(
                Map.of("kind", "ACTION", "action", "JOIN", "textEn", "Join"),
                Map.of("kind", "ACTION", "action", "BOOK", "bookableId", table, "textEn", "Book a table"),
                Map.of("kind", "ACTION", "action", "COUPON", "textEn", "Your coupons")))).json().path("id").asLong();
        String base = "/c/" + w.circuitId + "/p/cena/go/";

        HttpResponse<String> join = visit(base + 0, "en", "phone-1");
        assertThat(join.statusCode()).isEqualTo(302);
        assertThat(join.headers().firstValue("Location").orElse("")).endsWith("/c/" + w.circuitId + "/join");
        visit(base + 0, "en", "phone-1");
        assertThat(visit(base + 1, "en", "phone-1").headers().firstValue("Location").orElse(""))
                .endsWith("/c/" + w.circuitId + "/my/bookings?bookable=" + table + "&landing=" + id);
        assertThat(visit(base + 2, "en", "phone-2").headers().firstValue("Location").orElse(""))
                .endsWith("/c/" + w.circuitId + "/my/coupons");
        assertThat(visit(base + 7, "en", "phone-1").statusCode()).isEqualTo(404);

        JsonNode stats = w.asAdmin().get("/api/v1/landing-pages/" + id + "/stats").json();
        assertThat(stats.path("conversions").path("JOIN").asLong()).isEqualTo(1);
        assertThat(stats.path("conversions").path("BOOK").asLong()).isEqualTo(1);
        assertThat(stats.path("conversions").path("COUPON").asLong()).isEqualTo(1);
    }

    @Test
    void draftsOtherCircuitsPagesTakenAddressesAndOtherTenantsThingsAreRefused() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        long[] otherShop = w.company("Altro");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        World stranger = fixtures.world(api);
        long circuitPage = w.asAdmin().post("/api/v1/landing-pages", page("draft", false, List.of(
                Map.of("kind", "TEXT", "textEn", "Soon")))).json().path("id").asLong();
        assertThat(visit("/c/" + w.circuitId + "/p/draft", "en", "x").statusCode()).isEqualTo(404);
        assertThat(visit("/c/" + stranger.circuitId + "/p/draft", "en", "x").statusCode()).isEqualTo(404);

        Api.Response taken = w.asAdmin().post("/api/v1/landing-pages", page("draft", true, List.of()));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("slug");
        Api.Response badSlug = w.asAdmin().post("/api/v1/landing-pages", page("Not A Slug!", true, List.of()));
        assertThat(badSlug.status()).isEqualTo(400);
        Api.Response noImage = w.asAdmin().post("/api/v1/landing-pages", page("image", true, List.of(
                Map.of("kind", "IMAGE", "textEn", "A photo"))));
        assertThat(noImage.status()).isEqualTo(400);

        assertThat(w.as(companyAdmin).get("/api/v1/landing-pages/" + circuitPage).status()).isEqualTo(404);
        Api.Response own = w.as(companyAdmin).post("/api/v1/landing-pages", page("bar", true, List.of()));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        assertThat(own.json().path("companyId").asLong()).isEqualTo(shop[0]);
        Map<String, Object> forOther = new java.util.HashMap<>(page("altro", true, List.of()));
        forOther.put("companyId", otherShop[0]);
        assertThat(w.as(companyAdmin).post("/api/v1/landing-pages", forOther).status()).isEqualTo(404);

        long strangerTable = stranger.asAdmin().post("/api/v1/stores/" + stranger.company("S")[1] + "/bookables",
                Map.of("kind", "SERVICE", "name", "Taglio", "durationMinutes", 30, "capacity", 1,
                        "hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00")))).json()
                .path("id").asLong();
        Api.Response foreignBooking = w.asAdmin().post("/api/v1/landing-pages", page("prenota", true, List.of(
                Map.of("kind", "ACTION", "action", "BOOK", "bookableId", strangerTable, "textEn", "Book"))));
        assertThat(foreignBooking.status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/landing-pages").json().valueStream()
                .map(p -> p.path("content").path("slug").asString()).toList()).containsExactlyInAnyOrder("draft", "bar");
    }
}
