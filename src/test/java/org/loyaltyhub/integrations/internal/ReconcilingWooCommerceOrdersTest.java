package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.woocommerce.WooReconciliation;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcilingWooCommerceOrdersTest extends ShopScenario {

    @Autowired
    WooReconciliation reconciliation;
    @Autowired
    Connections connections;
    @Autowired
    DeliveryProcessor processor;

    private WireMockServer shop;

    @BeforeEach
    void start() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stop() {
        shop.stop();
    }

    @Test
    void anOrderWhoseWebhookWasLostIsHealedByTheNextRoundAndCountedOnce() {
        connect("WOOCOMMERCE", Map.of(), Map.of("shopUrl", shop.baseUrl(), "apiKey", "ck_recon", "apiSecret", "cs_recon"));
        String email = Fixtures.unique("lost") + "@shop.test";
        long m = member(email);
        java.time.LocalDateTime modified = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String order = Api.JSON.writeValueAsString(Map.of("id", 777, "status", "completed", "currency", "EUR",
                "total", "42.00", "customer_id", 9, "billing", Map.of("email", email),
                "date_created_gmt", "2026-01-10T10:00:00", "date_modified_gmt", java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(modified),
                "line_items", List.of(), "refunds", List.of()));
        String basic = "Basic " + Base64.getEncoder().encodeToString("ck_recon:cs_recon".getBytes());
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withHeader("Authorization", equalTo(basic))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + order + "]")));

        Connection c = connections.find(connectionId).orElseThrow();
        List<Long> stored = reconciliation.reconcile(c);
        assertThat(stored).hasSize(1);
        stored.forEach(processor::submit); // what the scheduled round does once its transaction has committed
        stored.forEach(id -> Shops.await(() -> delivery(id).path("status").asString(), "PROCESSED"::equals,
                "the reconciled order"));
        assertThat(available(m)).isEqualTo(42);
        shop.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .withQueryParam("modified_after", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("1"))
                .withQueryParam("orderby", equalTo("modified")).withQueryParam("order", equalTo("asc")));

        assertThat(reconciliation.reconcile(c)).as("the same order and modification time again").isEmpty();
        assertThat(available(m)).isEqualTo(42);
        shop.verify(getRequestedFor(urlPathEqualTo("/wp-json/wc/v3/orders"))
                .withQueryParam("modified_after", equalTo(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(modified.minusSeconds(1)))));
    }
}
