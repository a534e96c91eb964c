package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyWebhooksTest extends ShopScenario {

    @org.springframework.beans.factory.annotation.Autowired
    private ShopRemovals removals;

    private String email;
    private String domain;

    private void open() {
        domain = Fixtures.unique("store").toLowerCase() + ".myshopify.com";
        connect("SHOPIFY", Map.of("pendingFrom", "CREATED", "awardMoment", "COMPLETED"),
                Map.of("shopDomain", domain, "apiKey", "shpat_" + Fixtures.unique("t")));
        email = Fixtures.unique("bob") + "@shop.test";
    }

    private String order(long id, String financial, String fulfillment, String cancelledAt, String updatedAt) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", id);
        o.put("email", email);
        o.put("currency", "EUR");
        o.put("total_price", "80.00");
        o.put("financial_status", financial);
        o.put("fulfillment_status", fulfillment);
        o.put("cancelled_at", cancelledAt);
        o.put("created_at", "2026-01-10T10:00:00+01:00");
        o.put("updated_at", updatedAt);
        o.put("customer", Map.of("id", 7001, "email", email, "first_name", "Bob",
                "email_marketing_consent", Map.of("state", "subscribed")));
        o.put("line_items", List.of(Map.of("id", 1, "product_id", 77, "quantity", 1, "price", "80.00")));
        o.put("discount_codes", List.of());
        o.put("refunds", List.of());
        return Api.JSON.writeValueAsString(o);
    }

    private Shops.Answer deliver(String topic, String eventId, String body) {
        return Shops.post(port, "/api/v1/hooks/shopify/" + connectionId, "application/json", body,
                Map.of("X-Shopify-Topic", topic, "X-Shopify-Hmac-Sha256", Shops.sign(secret, body),
                        "X-Shopify-Shop-Domain", domain, "X-Shopify-Event-Id", eventId,
                        "X-Shopify-Webhook-Id", Fixtures.unique("w"), "X-Shopify-API-Version", "2025-10"));
    }

    @Test
    void aSignedPendingOrderReplayedUnderAFulfilledTopicStaysPending() {
        open();
        long m = member(email);
        processed(deliver("orders/create", "r1", order(9011, "pending", null, null, "2026-01-10T10:00:00+01:00")));
        processed(deliver("orders/fulfilled", "r2", order(9011, "pending", null, null, "2026-01-10T10:00:00+01:00")));
        assertThat(available(m)).as("an unsigned topic header releases no points").isZero();
        assertThat(pending(m)).isEqualTo(80);
    }

    @Test
    void anOrderIsPendingWhenCreatedAndPaidAvailableWhenFulfilledAndRefundsAndCancellationTakeItBack() {
        open();
        long m = member(email);
        processed(deliver("orders/create", "e1", order(9001, "pending", null, null, "2026-01-10T10:00:00+01:00")));
        assertThat(pending(m)).isEqualTo(80);
        processed(deliver("orders/paid", "e2", order(9001, "paid", null, null, "2026-01-10T10:05:00+01:00")));
        assertThat(pending(m)).isEqualTo(80);
        processed(deliver("orders/fulfilled", "e3", order(9001, "paid", "fulfilled", null, "2026-01-11T10:00:00+01:00")));
        assertThat(available(m)).isEqualTo(80);
        assertThat(pending(m)).isZero();
        String refund = "{\"id\":333,\"order_id\":9001,\"refund_line_items\":[],\"transactions\":"
                + "[{\"kind\":\"refund\",\"status\":\"success\",\"amount\":\"20.00\"}]}";
        processed(deliver("refunds/create", "e4", refund));
        assertThat(available(m)).isEqualTo(60);
        processed(deliver("refunds/create", "e5", refund));
        assertThat(available(m)).as("the same refund under another event id counts once").isEqualTo(60);
        processed(deliver("orders/cancelled", "e6", order(9001, "partially_refunded", "fulfilled",
                "2026-01-12T10:00:00+01:00", "2026-01-12T10:00:00+01:00")));
        assertThat(available(m)).isZero();
        world.assertBooksBalance();
    }

    @Test
    void aDuplicateEventIdIsAnsweredAndStoredOnce() {
        open();
        long m = member(email);
        String body = order(9002, "paid", "fulfilled", null, "2026-01-10T10:00:00+01:00");
        processed(deliver("orders/paid", "dup-1", body));
        long count = deliveryCount();
        Shops.Answer again = deliver("orders/paid", "dup-1", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(deliveryCount()).isEqualTo(count);
        assertThat(available(m)).isEqualTo(80);
    }

    @Test
    void paidBeforeCreatedAndARetryOfAnOlderEventDoNotUndoTheLaterState() {
        open();
        long m = member(email);
        processed(deliver("orders/fulfilled", "f", order(9003, "paid", "fulfilled", null, "2026-01-10T12:00:00+01:00")));
        processed(deliver("orders/paid", "p", order(9003, "paid", null, null, "2026-01-10T11:00:00+01:00")));
        processed(deliver("orders/create", "c", order(9003, "pending", null, null, "2026-01-10T10:00:00+01:00")));
        assertThat(available(m)).isEqualTo(80);
        assertThat(pending(m)).isZero();
    }

    @Test
    void aRefundArrivingBeforeItsOrderIsAppliedWhenTheOrderArrives() {
        open();
        long m = member(email);
        processed(deliver("refunds/create", "r", "{\"id\":444,\"order_id\":9004,\"transactions\":"
                + "[{\"kind\":\"refund\",\"status\":\"success\",\"amount\":\"40.00\"}]}"));
        processed(deliver("orders/fulfilled", "f", order(9004, "partially_refunded", "fulfilled", null,
                "2026-01-10T12:00:00+01:00")));
        assertThat(available(m)).isEqualTo(40);
    }

    @Test
    void theAppWideAddressFindsTheShopByItsDomainAndRefusesABadHmacWith401() {
        open();
        String body = order(9005, "paid", "fulfilled", null, "2026-01-10T12:00:00+01:00");
        Map<String, String> headers = new LinkedHashMap<>(Map.of("X-Shopify-Topic", "orders/paid",
                "X-Shopify-Hmac-Sha256", Shops.sign(secret, body), "X-Shopify-Shop-Domain", domain,
                "X-Shopify-Event-Id", "wide-1"));
        JsonNode d = processed(Shops.post(port, "/api/v1/hooks/shopify", "application/json", body, headers));
        assertThat(d.path("status").asString()).isEqualTo("PROCESSED");
        long m = world.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(available(m)).as("a registered customer is enrolled").isEqualTo(80);
        assertThat(world.asAdmin().get("/api/v1/members/" + m).json().path("consents").toString())
                .contains("MARKETING");

        headers.put("X-Shopify-Hmac-Sha256", Shops.sign("wrong", body));
        headers.put("X-Shopify-Event-Id", "wide-2");
        long before = deliveryCount();
        Shops.Answer bad = Shops.post(port, "/api/v1/hooks/shopify", "application/json", body, headers);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(deliveryCount()).isEqualTo(before);
        headers.put("X-Shopify-Shop-Domain", "unknown-shop.myshopify.com");
        assertThat(Shops.post(port, "/api/v1/hooks/shopify", "application/json", body, headers).status()).isEqualTo(404);
    }

    @Test
    void privacyTopicsAreAnsweredAndACustomerRedactionForgetsTheLinkAndTheStoredBodies() {
        open();
        long m = member(email);
        processed(deliver("orders/paid", "o", order(9006, "paid", null, null, "2026-01-10T12:00:00+01:00")));
        // the bodies are Shopify's published samples, with this shop's domain
        assertThat(processed(deliver("customers/data_request", "dr", "{\"shop_id\":954889,\"shop_domain\":\"" + domain
                + "\",\"orders_requested\":[9006],\"customer\":{\"id\":7001,\"email\":\"" + email
                + "\",\"phone\":\"555-625-1199\"},\"data_request\":{\"id\":9999}}"))
                .path("status").asString()).isEqualTo("PROCESSED");
        JsonNode redact = processed(deliver("customers/redact", "rd", "{\"shop_id\":954889,\"shop_domain\":\"" + domain
                + "\",\"customer\":{\"id\":7001,\"email\":\"" + email + "\",\"phone\":\"555-625-1199\"},"
                + "\"orders_to_redact\":[9006]}"));
        assertThat(redact.path("outcome").asString()).contains("member link removed");
        assertThat(pending(m)).as("pending points are forfeited with the erasure").isZero();
    }

    @Test
    void aCustomersDataRequestWaitsInTheBackOfficeWithAnEmailAndARedactionErasesTheMember() throws Exception {
        open();
        long m = member(email);
        processed(deliver("orders/paid", "o", order(9020, "paid", null, null, "2026-01-10T12:00:00+01:00")));
        String request = "{\"shop_id\":954889,\"shop_domain\":\"" + domain + "\",\"orders_requested\":[9020],"
                + "\"customer\":{\"id\":7001,\"email\":\"" + email + "\"},\"data_request\":{\"id\":4242}}";
        jakarta.mail.internet.MimeMessage mail = org.loyaltyhub.support.TestMail.nextTo(world.admin.email(),
                () -> processed(deliver("customers/data_request", "dr1", request)));
        assertThat(mail.getSubject()).as("an Italian circuit's staff read Italian")
                .isEqualTo("LoyaltyHub: richiesta di dati da " + domain);
        assertThat(org.loyaltyhub.support.TestMail.text(mail)).contains("Scaricali dalla pagina Privacy");
        processed(deliver("customers/data_request", "dr2", request)); // Shopify retries: one request
        JsonNode requests = world.asAdmin().get("/api/v1/privacy/data-requests").json();
        assertThat(requests.size()).isEqualTo(1);
        assertThat(requests.get(0).path("memberId").asLong()).isEqualTo(m);
        assertThat(requests.get(0).path("requestedBy").asString()).isEqualTo(domain);
        Api.Download zip = world.asAdmin().download("/api/v1/privacy/data-requests/" + requests.get(0).path("id")
                .asLong() + "/export");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(new String(zip.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains("member.json");
        assertThat(world.asAdmin().get("/api/v1/privacy/data-requests").json().get(0).path("downloadedAt").isNull())
                .isFalse();

        JsonNode redact = processed(deliver("customers/redact", "rd1", "{\"shop_id\":954889,\"shop_domain\":\""
                + domain + "\",\"customer\":{\"id\":7001,\"email\":\"" + email + "\"},\"orders_to_redact\":[9020]}"));
        assertThat(redact.path("outcome").asString()).contains("member " + m + " erased");
        JsonNode erasure = world.asAdmin().get("/api/v1/privacy/erasures").json().get(0);
        assertThat(erasure.path("source").asString()).isEqualTo("SHOP");
        assertThat(erasure.path("actor").asString()).isEqualTo(domain);
        assertThat(world.asAdmin().get("/api/v1/members/lookup?email=" + email).status()).isEqualTo(404);
        world.assertBooksBalance();
    }

    @Test
    void theDataRequestEmailIsInEnglishForACircuitOutsideItaly() throws Exception {
        open();
        member(email);
        JsonNode circuit = world.asAdmin().get("/api/v1/circuit").json();
        assertThat(world.asAdmin().put("/api/v1/circuit", Map.of("name", circuit.path("name").asString(),
                "currency", "EUR", "companiesKeptApart", false, "budgetsEnforced", false, "defaultCountry", "GB"))
                .status()).isEqualTo(200);
        String request = "{\"shop_id\":954889,\"shop_domain\":\"" + domain + "\",\"orders_requested\":[],"
                + "\"customer\":{\"id\":7001,\"email\":\"" + email + "\"},\"data_request\":{\"id\":4343}}";
        jakarta.mail.internet.MimeMessage mail = org.loyaltyhub.support.TestMail.nextTo(world.admin.email(),
                () -> processed(deliver("customers/data_request", "dr-en", request)));
        assertThat(mail.getSubject()).isEqualTo("LoyaltyHub: data request from " + domain);
        assertThat(org.loyaltyhub.support.TestMail.text(mail)).contains("Download it on the Privacy page");
    }

    @Test
    void aShopRedactionIsRecordedAndTheConnectionErasedOnlyAfterShopifysDelay() {
        open();
        member(email);
        processed(deliver("orders/paid", "o", order(9007, "paid", null, null, "2026-01-10T12:00:00+01:00")));
        JsonNode shop = processed(deliver("shop/redact", "sr", "{\"shop_id\":954889,\"shop_domain\":\"" + domain + "\"}"));
        assertThat(shop.path("status").asString()).isEqualTo("PROCESSED");
        JsonNode connection = connection();
        assertThat(connection.path("active").asBoolean()).as("one request erases nothing").isTrue();
        assertThat(connection.path("apiKey").path("set").asBoolean()).isTrue();
        assertThat(connection.path("removal").path("requestedBy").asString()).contains("shop/redact", domain);
        java.time.Instant due = java.time.Instant.parse(connection.path("removal").path("dueAt").asString());
        assertThat(due).isAfter(java.time.Instant.now().plus(java.time.Duration.ofHours(47)));

        removals.runAt(java.time.Instant.now());
        assertThat(connection().path("active").asBoolean()).as("not due yet").isTrue();
        assertThat(deliveryCount()).isEqualTo(2);

        removals.runAt(due.plusSeconds(1));
        assertThat(removals.runAt(due.plusSeconds(2))).as("a second round finds nothing to do").isZero();
        JsonNode erased = connection();
        assertThat(erased.path("active").asBoolean()).isFalse();
        assertThat(erased.path("apiKey").path("set").asBoolean()).isFalse();
        assertThat(deliveryCount()).as("only the erasure request itself is kept").isEqualTo(1);
    }

    @Test
    void aSignedOrderReplayedUnderAPrivacyTopicErasesAndForgetsNothing() {
        open();
        long m = member(email);
        String body = order(9008, "paid", null, null, "2026-01-10T12:00:00+01:00");
        processed(deliver("orders/paid", "o", body));
        for (String topic : List.of("shop/redact", "customers/redact", "customers/data_request", "app/uninstalled")) {
            JsonNode d = processed(deliver(topic, "forged-" + topic, body));
            assertThat(d.path("status").asString()).as(topic).isEqualTo("IGNORED");
            assertThat(d.path("outcome").asString()).as(topic).contains("does not prove");
        }
        assertThat(deliver("shop/redact", "other-shop", "{\"shop_id\":1,\"shop_domain\":\"other.myshopify.com\"}")
                .status()).as("another shop's redaction").isEqualTo(401);
        JsonNode connection = connection();
        assertThat(connection.path("active").asBoolean()).isTrue();
        assertThat(connection.path("apiKey").path("set").asBoolean()).isTrue();
        assertThat(connection.path("removal").isNull() || connection.path("removal").isMissingNode()).isTrue();
        assertThat(pending(m)).isEqualTo(80);

        processed(deliver("orders/cancelled", "forged-cancel", body));
        assertThat(pending(m)).as("a paid order's body does not cancel it under a forged topic").isEqualTo(80);
        // a redaction of the customer whose body is not Shopify's keeps the link: the next order still finds the member
        processed(deliver("orders/paid", "o2", order(9009, "paid", null, null, "2026-01-10T12:00:00+01:00")));
        assertThat(pending(m)).isEqualTo(160);
    }

    @Test
    void theAppWideAddressRefusesABodyOfOneShopSentUnderAnotherShopsDomain() {
        open();
        // two shops installed through the same app share its secret: the domain header alone must not choose
        String other = Fixtures.unique("other").toLowerCase() + ".myshopify.com";
        assertThat(world.asAdmin().post("/api/v1/companies/" + companyId + "/connections", Map.of("platform", "SHOPIFY",
                "shopUrl", "https://" + other, "shopDomain", other, "webhookSecret", secret)).status()).isEqualTo(201);
        Map<String, Object> o = new LinkedHashMap<>(Api.JSON.readValue(order(9010, "paid", null, null,
                "2026-01-10T12:00:00+01:00"), Map.class));
        o.put("order_status_url", "https://" + domain + "/548380009/orders/123456abcd/authenticate?key=abcdefg");
        String body = Api.JSON.writeValueAsString(o);
        long before = deliveryCount();
        Shops.Answer misdirected = Shops.post(port, "/api/v1/hooks/shopify", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/paid", "X-Shopify-Hmac-Sha256", Shops.sign(secret, body),
                "X-Shopify-Shop-Domain", other, "X-Shopify-Event-Id", Fixtures.unique("e")));
        assertThat(misdirected.status()).as(misdirected.body()).isEqualTo(401);
        Shops.Answer own = Shops.post(port, "/api/v1/hooks/shopify", "application/json", body, Map.of(
                "X-Shopify-Topic", "orders/paid", "X-Shopify-Hmac-Sha256", Shops.sign(secret, body),
                "X-Shopify-Shop-Domain", domain.toUpperCase(), "X-Shopify-Event-Id", Fixtures.unique("e")));
        assertThat(processed(own).path("status").asString()).isEqualTo("PROCESSED");
        assertThat(deliveryCount()).isEqualTo(before + 1);
    }

    @Test
    void pointsAreEarnedOnTheGoodsAfterShopifysCodeDiscountsWithoutTaxOrShipping() {
        open();
        long m = member(email);
        // the shape of Shopify's order sample: a 10% code spread over the lines, tax on top, paid shipping
        Map<String, Object> o = new LinkedHashMap<>(Api.JSON.readValue(order(9011, "paid", null, null,
                "2026-01-10T12:00:00+01:00"), Map.class));
        o.put("total_price", "92.84");
        o.put("subtotal_price", "72.00");
        o.put("total_discounts", "8.00");
        o.put("current_total_discounts", "8.00");
        o.put("total_tax", "15.84");
        o.put("taxes_included", false);
        o.put("discount_codes", List.of(Map.of("code", "SAVE10", "amount", "8.00", "type", "percentage")));
        o.put("shipping_lines", List.of(Map.of("code", "Standard", "price", "5.00", "title", "Standard")));
        o.put("line_items", List.of(Map.of("id", 1, "product_id", 77, "quantity", 2, "price", "40.00",
                "total_discount", "0.00", "tax_lines", List.of(Map.of("price", "15.84", "rate", 0.22, "title", "IVA")),
                "discount_allocations", List.of(Map.of("amount", "8.00", "discount_application_index", 0)))));
        processed(deliver("orders/paid", "d1", Api.JSON.writeValueAsString(o)));
        assertThat(pending(m)).as("80 of goods less the 8 of the code; not the 15.84 of tax nor the 5 of shipping")
                .isEqualTo(72);

        // prices that include tax: the line's tax comes off as well
        o.put("id", 9012);
        o.put("taxes_included", true);
        o.put("total_price", "77.00");
        o.put("line_items", List.of(Map.of("id", 2, "product_id", 77, "quantity", 1, "price", "97.60",
                "tax_lines", List.of(Map.of("price", "15.84", "rate", 0.22, "title", "IVA")),
                "discount_allocations", List.of(Map.of("amount", "9.76", "discount_application_index", 0)))));
        processed(deliver("orders/paid", "d2", Api.JSON.writeValueAsString(o)));
        assertThat(pending(m)).as("97.60 - 9.76 - 15.84 = 72.00").isEqualTo(144);
    }

    private JsonNode connection() {
        return world.asAdmin().get("/api/v1/companies/" + companyId + "/connections/" + connectionId).json();
    }
}
