package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The circuit administrator sets up the program in the browser; purchases and the loyalty space follow it. */
class ProgramSettingsInTheBrowserTest extends BrowserTest {

    @Test
    void theProgramIsChangedInItalianAfterMistakesAreShownNextToTheirFieldsAndPurchasesEarnByTheNewRule() {
        World w = fixtures.world(api);
        long[] shop = w.company("Negozio");
        String till = w.apiKey(shop[0], shop[1]);
        long member = w.enrol(api.withKey(till), "prog").path("id").asLong();
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Programma").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Impostazioni del programma");
        assertThat(page.locator("#earnPerAmount-help")).containsText("un punto ogni euro");

        page.locator("#earnPoints").fill("10");
        page.locator("#earnPerAmount").fill("cinque");
        page.locator("#validity").selectOption("MONTHS");
        page.locator("#validityMonths").fill("");
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.locator("#earnPerAmount-error")).containsText("Scrivi un numero");
        assertThat(page.locator("#earnPoints")).hasValue("10");
        assertThat(w.asAdmin().get("/api/v1/program/settings").json().path("earnPoints").asLong())
                .as("nothing saved").isEqualTo(1);

        page.locator("#earnPerAmount").fill("5,00");
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.locator("#validityMonths-error")).hasText("Indica per quanti mesi valgono i punti.");

        page.locator("#validityMonths").fill("12");
        page.locator("#maxDiscountPercent").fill("150");
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.locator("#maxDiscountPercent-error")).isVisible();

        page.locator("#maxDiscountPercent").fill("50");
        page.locator("#introText").fill("Benvenuti nel club della Bottega!");
        page.getByRole(AriaRole.BUTTON, named("Salva").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Impostazioni salvate");
        assertThat(page.locator("#earnPerAmount")).hasValue("5");
        Browser.screenshot(page, "program-settings-desktop-it");

        w.purchase(api.withKey(till), "P-1", member, "12.00", "PAID");
        assertThat(w.available(member)).as("10 points for every full 5 EUR").isEqualTo(20);
        page.navigate(url("/c/" + w.circuitId));
        assertThat(page.locator("main")).containsText("Benvenuti nel club della Bottega!");
        assertThat(page.locator("main")).containsText("10 punti ogni 5,00 EUR di spesa");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCircuitIsRenamedAndGetsALogoShownOnEveryPanelAndOnTheLoyaltySpace() throws Exception {
        World w = fixtures.world(api);
        w.company("Negozio");
        java.nio.file.Path png = java.nio.file.Files.createTempFile("logo", ".png");
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 20,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "png", png.toFile());
        java.nio.file.Path fake = java.nio.file.Files.createTempFile("fake", ".png");
        java.nio.file.Files.writeString(fake, "this is not an image");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Settings").setExact(true)).click();
        page.locator("#currency").fill("USD");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator("#currency-error")).hasText("The currency cannot change once the circuit has companies.");
        page.locator("#currency").fill("EUR");
        page.locator("#name").fill("Bottega Verde");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator("header .brand")).containsText("Bottega Verde");

        page.locator("#logo").setInputFiles(fake);
        page.getByRole(AriaRole.BUTTON, named("Upload the logo")).click();
        assertThat(page.locator("#logo-error")).containsText("PNG, JPEG or WebP");
        java.nio.file.Path big = java.nio.file.Files.createTempFile("big", ".png");
        byte[] header = java.nio.file.Files.readAllBytes(png);
        java.nio.file.Files.write(big, java.util.Arrays.copyOf(header, 600 * 1024));
        java.nio.file.Path huge = java.nio.file.Files.createTempFile("huge", ".png");
        java.nio.file.Files.write(huge, java.util.Arrays.copyOf(header, 12 * 1024 * 1024));
        page.locator("#logo").setInputFiles(huge); // refused in the page: 12 MB would never reach it
        assertThat(page.locator("#logo-error")).containsText("at most 512 KB");
        assertThat(page.locator("#logo")).hasValue("");
        page.locator("#logo").evaluate("input => input.removeAttribute('data-max-bytes')"); // the server checks too
        page.locator("#logo").setInputFiles(big);
        page.getByRole(AriaRole.BUTTON, named("Upload the logo")).click();
        assertThat(page.locator("#logo-error")).containsText("at most 512 KB");
        page.locator("#logo").setInputFiles(png);
        page.getByRole(AriaRole.BUTTON, named("Upload the logo")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Logo changed");
        assertThat(page.locator("header .brand img")).hasAttribute("src",
                java.util.regex.Pattern.compile("/circuits/" + w.circuitId + "/logo\\?v=[0-9a-f]{12}"));
        page.waitForFunction("() => { const i = document.querySelector('header .brand img'); return i && i.complete; }");
        assertThat((Integer) page.locator("header .brand img").evaluate("img => img.naturalWidth")).isEqualTo(40);
        Browser.screenshot(page, "circuit-settings-desktop-en");

        Page phone = browser.phone("en-GB");
        phone.navigate(url("/c/" + w.circuitId));
        assertThat(phone.locator("header .brand")).containsText("Bottega Verde");
        phone.waitForFunction("() => { const i = document.querySelector('header .brand img'); return i && i.complete; }");
        assertThat((Integer) phone.locator("header .brand img").evaluate("img => img.naturalWidth")).isEqualTo(40);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void productRulesAreAddedCheckedAndDeletedOnTheProgramPage() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/program"));
        assertThat(page.locator("#rules")).containsText("No product has a rule of its own yet.");
        page.locator("#ruleProductId").fill("COFFEE");
        page.locator("#ruleEarnMode").selectOption("FIXED");
        page.getByRole(AriaRole.BUTTON, named("Save the rule")).click();
        assertThat(page.locator("#ruleFixedPoints-error")).hasText("This field is required.");
        assertThat(w.asAdmin().get("/api/v1/program/product-rules").json().size()).as("nothing saved").isZero();
        page.locator("#ruleFixedPoints").fill("10");
        page.getByRole(AriaRole.BUTTON, named("Save the rule")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Rule saved");
        assertThat(page.locator("#rules-table")).containsText("10 points per unit");
        assertThat(w.asAdmin().get("/api/v1/program/product-rules").json().get(0).path("fixedPoints").asLong())
                .isEqualTo(10);
        page.getByRole(AriaRole.BUTTON, named("Delete the rule of COFFEE")).click();
        assertThat(page.locator("#rules")).containsText("No product has a rule of its own yet.");
        assertThat(browser.errors()).isEmpty();
    }
}
