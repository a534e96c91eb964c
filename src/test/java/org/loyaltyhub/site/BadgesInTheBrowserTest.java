package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.Multipart;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The circuit administrator defines badges with their icons; a customer sees those unlocked and the next one. */
class BadgesInTheBrowserTest extends BrowserTest {

    private static Path file(String name, byte[] bytes) throws Exception {
        Path p = Files.createTempDirectory("badge").resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] png() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void aCircuitAdministratorAddsBadgesWithAnIconAndAnOverlapIsRefusedNextToTheField() throws Exception {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Badges").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/badges"));
        assertThat(page.locator("#badge-list")).containsText("No badge yet.");

        page.getByLabel("Name (English)").fill("Silver");
        page.getByLabel("Name (Italian)").fill("Argento");
        page.getByLabel("Points from").fill("200");
        page.getByLabel("Points to", new Page.GetByLabelOptions().setExact(true)).fill("499");
        page.getByLabel("Extra value of points (%)").fill("10");
        page.locator("#icon").setInputFiles(file("silver.png", png()));
        assertThat(page.locator("#icon-preview")).isVisible();
        page.getByRole(AriaRole.BUTTON, named("Save")).first().click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Badge saved.");
        assertThat(page.locator("#badges-table")).containsText("Silver");
        assertThat(page.locator("#badges-table")).containsText("200–499");
        assertThat(page.locator("#badges-table img.badge-icon")).hasCount(1);
        String src = page.locator("#badges-table img.badge-icon").getAttribute("src");
        assertThat(page.request().get(url(src)).headers().get("content-type")).isEqualTo("image/png");

        page.navigate(url("/admin/badges"));
        page.getByLabel("Name (English)").fill("Bronze");
        page.getByLabel("Points from").fill("100");
        page.getByLabel("Points to", new Page.GetByLabelOptions().setExact(true)).fill("250");
        page.getByRole(AriaRole.BUTTON, named("Save")).first().click();
        assertThat(page.locator("#pointsFrom-error")).hasText("This range overlaps the badge Silver (200–499).");
        assertThat(page.getByLabel("Name (English)")).hasValue("Bronze");
        page.getByLabel("Points to", new Page.GetByLabelOptions().setExact(true)).fill("199");
        page.locator("#icon").setInputFiles(file("bronze.svg", ("<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "onload=\"alert(1)\"><circle r=\"3\"/></svg>").getBytes(StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, named("Save")).first().click();
        assertThat(page.locator("#icon-error")).containsText("without scripts");
        assertThat(w.asAdmin().get("/api/v1/badges").json().size()).as("nothing saved").isEqualTo(1);
        Browser.screenshot(page, "badges-desktop-en");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/badges"));
        assertThat(phone.locator("h1")).hasText("Badge");
        assertThat(phone.locator("#badges-table")).containsText("Argento");
        assertThat(phone.getByLabel("Punti da")).isVisible();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "badges-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCustomerSeesTheBadgesUnlockedWithTheirIconsAndThePointsToTheNextOnAPhone() throws Exception {
        World w = fixtures.world(api);
        w.settings(Map.of("redeemPoints", 100, "redeemValue", 1));
        JsonNode bronze = w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Bronze", "nameIt", "Bronzo",
                "pointsFrom", 100, "pointsTo", 499, "descriptionIt", "Cliente affezionato", "extraValuePercent", 10)).json();
        w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Gold", "nameIt", "Oro", "pointsFrom", 500));
        String email = Fixtures.unique("anna") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "anna-password-12");
        phone.navigate(url("/c/" + w.circuitId + "/my?lang=it"));
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        Api.Response credit = w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 380, "note", "welcome"));
        assertThat(credit.status()).isEqualTo(201);
        Api.Response icon = Multipart.send(port, "PUT", "/api/v1/badges/" + bronze.path("id").asLong() + "/icon",
                w.admin, "icon", "bronze.png", png());
        assertThat(icon.status()).as(icon.toString()).isEqualTo(200);

        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone.locator("#my-badges h2")).hasText("I miei badge");
        assertThat(phone.locator("#my-badges")).containsText("Bronzo");
        assertThat(phone.locator("#my-badges img.badge-icon")).hasAttribute("src", icon.json().path("iconUrl").asString());
        assertThat(phone.locator("#my-badges img.badge-icon")).hasJSProperty("naturalWidth", 24);
        assertThat(phone.locator("#my-badges")).containsText("Cliente affezionato");
        assertThat(phone.locator("#my-badges")).containsText("Mancano 120 punti per Oro");
        Browser.screenshot(phone, "customer-badges-phone-it");

        phone.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(phone.locator("#status-history")).containsText("Bronze since");

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/members/" + member));
        assertThat(office.locator("#member-badges")).containsText("Bronze since");
        assertThat(office.locator("#member-badges")).containsText("120 points to go for Gold");
        office.navigate(url("/counter"));
        office.locator("#q").fill(email);
        office.waitForResponse(r -> r.url().contains("/counter?q="), () -> office.locator("#q").press("Enter"));
        assertThat(office.locator(".counter-badge")).containsText("Bronze");
        assertThat(office.locator(".counter-badge img.badge-icon")).isVisible();
        office.getByLabel("Cart total").fill("100.00");
        office.waitForResponse(r -> r.url().contains("/counter/redeem?"),
                () -> office.getByRole(AriaRole.BUTTON, named("How many points can be used?")).click());
        assertThat(office.locator("#redeem-quote")).hasText("Use 380 points for a discount of 4.18 EUR");
        assertThat(office.locator("#redeem-bonuses")).hasText("Bronze badge: +10 % on points' value");
        assertThat(browser.errors()).isEmpty();
    }
}
