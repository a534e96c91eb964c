package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ExportingAMembersDataTest extends IntegrationTest {

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void theExportHoldsTheProfileCardsConsentsMovementsAndPurchasesAsJsonCsvAndAReadablePage() throws IOException {
        World w = fixtures.world(api);
        long[] shop = w.company("Export");
        String email = Fixtures.unique("export") + "@member.test";
        long m = w.enrol(w.asAdmin(), Map.of("firstName", "Ottavia", "lastName", "<b>Rossi</b>", "email", email,
                "storeId", shop[1], "consents", java.util.List.of(Map.of("kind", "NEWSLETTER", "granted", true,
                        "textVersion", "privacy-v0")))).path("id").asLong();
        String order = Fixtures.unique("order");
        assertThat(w.purchase(w.asAdmin(), Map.of("orderId", order, "member", Map.of("id", m), "currency", "EUR",
                "total", "42.00", "status", "PAID", "storeId", shop[1], "lines", java.util.List.of(Map.of(
                        "productId", "sku-9", "quantity", 1, "unitPrice", "42.00")))).status()).isEqualTo(201);

        Api.Download zip = w.asAdmin().download("/api/v1/members/" + m + "/export");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        Map<String, String> files = unzip(zip.bytes());
        assertThat(files).containsKeys("member.json", "summary.html", "csv/profile.csv", "csv/movements.csv",
                "csv/purchases.csv", "csv/purchase_lines.csv", "csv/consents.csv", "csv/cards.csv");

        JsonNode json = Api.JSON.readTree(files.get("member.json"));
        assertThat(json.path("format").asString()).isEqualTo("loyaltyhub-member-export");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("memberId").asLong()).isEqualTo(m);
        JsonNode collections = json.path("collections");
        assertThat(collections.path("profile").path("rows").get(0).path("email").asString()).isEqualTo(email);
        assertThat(collections.path("movements").path("rows").valueStream()
                .mapToLong(r -> r.path("amount").asLong()).sum()).as("42 points earned").isEqualTo(42);
        assertThat(collections.path("purchases").path("rows").get(0).path("order_id").asString()).isEqualTo(order);
        assertThat(collections.path("purchase_lines").path("rows").get(0).path("product_id").asString())
                .isEqualTo("sku-9");
        assertThat(collections.path("consents").path("rows").valueStream().map(r -> r.path("kind").asString()))
                .contains("NEWSLETTER");
        assertThat(collections.path("cards").path("columns").valueStream().map(JsonNode::asString)).contains("number");
        assertThat(files.get("csv/profile.csv")).startsWith("id,first_name,last_name,email").contains(email);
        assertThat(files.get("summary.html")).contains(email).contains("&lt;b&gt;Rossi&lt;/b&gt;")
                .doesNotContain("<b>Rossi</b>");
    }

    @Test
    void onlyAdministratorsAndCompanyKeysWhoSeeTheMemberExportIt() {
        World w = fixtures.world(api, true, false);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        long m = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("seen") + "@member.test", "storeId", own[1]))
                .path("id").asLong();
        String path = "/api/v1/members/" + m + "/export";
        assertThat(w.as(w.operator("COMPANY_ADMIN", own[0], null)).download(path).status()).isEqualTo(200);
        assertThat(api.withKey(w.apiKey(own[0], null)).download(path).status()).isEqualTo(200);
        assertThat(w.as(w.operator("COMPANY_ADMIN", other[0], null)).download(path).status())
                .as("companies kept apart").isEqualTo(404);
        assertThat(w.as(w.operator("STORE_OPERATOR", null, own[1])).download(path).status()).isEqualTo(403);
        assertThat(api.withKey(w.apiKey(own[0], own[1])).download(path).status()).as("a till's key").isEqualTo(403);
        assertThat(fixtures.world(api).asAdmin().download(path).status()).isEqualTo(404);
    }
}
