package org.loyaltyhub.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.integrations.backfill.BackfillRunner;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The company's administrator opens a WooCommerce shop's "Past orders", is told next to the field that the period is
 * reversed, starts January and follows the progress to the end; on a phone, in Italian, the same page.
 */
class ShopBackfillInTheBrowserTest extends BrowserTest {

    @Autowired
    BackfillRunner runner;

    private WireMockServer shop;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    private void stubShop(String email) {
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("per_page", equalTo("1"))
                .willReturn(json("[]")));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/customers")).willReturn(json("[]")
                .withHeader("X-WP-Total", "0").withHeader("X-WP-TotalPages", "0")));
        String order = Api.JSON.writeValueAsString(Map.of("id", 501, "status", "completed", "currency", "EUR",
                "total", "25.00", "customer_id", 8, "billing", Map.of("email", email, "first_name", "Anna"),
                "date_created_gmt", "2026-01-12T10:00:00", "date_modified_gmt", "2026-01-12T10:00:00",
                "line_items", List.of(), "refunds", List.of()));
        shop.stubFor(get(urlPathEqualTo("/wp-json/wc/v3/orders")).withQueryParam("per_page", equalTo("100"))
                .willReturn(json("[" + order + "]").withHeader("X-WP-Total", "1").withHeader("X-WP-TotalPages", "1")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void theShopsAdministratorStartsABackfillAndFollowsItToTheEnd() {
        World w = fixtures.world(api);
        long[] company = w.company("Bottega");
        Api.Response created = w.asAdmin().post("/api/v1/companies/" + company[0] + "/connections", Map.of(
                "platform", "WOOCOMMERCE", "shopUrl", shop.baseUrl(), "name", "bottega.example",
                "webhookSecret", "whsec-browser", "apiKey", "ck_browser", "apiSecret", "cs_browser"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long connection = created.json().path("id").asLong();
        stubShop("anna@backfill-browser.test");
        Api.Login admin = w.operator("COMPANY_ADMIN", company[0], null);

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), admin);
        page.navigate(url("/company/connections"));
        page.locator("#backfill-" + connection).click();
        assertThat(page.getByRole(AriaRole.HEADING, named("Past orders from bottega.example"))).isVisible();

        page.getByLabel("From").fill("2026-02-01");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-01-01");
        page.locator("#start").click();
        assertThat(page.locator("#to-error")).hasText("Choose a last day on or after the first, not after today.");
        assertThat(w.asAdmin().get("/api/v1/connections/" + connection + "/backfills").json().size())
                .as("nothing queued").isZero();

        page.getByLabel("From").fill("2026-01-01");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2026-01-31");
        page.locator("#start").click();
        assertThat(page.locator("#progress h2")).hasText("Waiting to start");
        runner.runDue();
        assertThat(page.locator("#progress h2")).hasText("Done");
        assertThat(page.locator("#backfill-counts"))
                .hasText("0 customers read, 0 matched to members; 1 orders read, 1 recorded as purchases; 0 skipped");
        assertThat(page.locator("#backfill-progress")).hasAttribute("value", "100");
        Browser.screenshot(page, "backfill-desktop-en");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), admin);
        phone.navigate(url("/company/connections/" + connection + "/backfill"));
        assertThat(phone.getByRole(AriaRole.HEADING, named("Ordini passati da bottega.example"))).isVisible();
        assertThat(phone.locator("#progress h2")).hasText("Completato");
        assertThat(phone.getByLabel("Assegna i punti per questi ordini")).not().isChecked();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "backfill-phone-it");
        assertThat(browser.errors()).isEmpty();
    }
}
