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
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.locator("#earnPerAmount-error")).containsText("Scrivi un numero");
        assertThat(page.locator("#earnPoints")).hasValue("10");
        assertThat(w.asAdmin().get("/api/v1/program/settings").json().path("earnPoints").asLong())
                .as("nothing saved").isEqualTo(1);

        page.locator("#earnPerAmount").fill("5,00");
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.locator("#validityMonths-error")).hasText("Indica per quanti mesi valgono i punti.");

        page.locator("#validityMonths").fill("12");
        page.locator("#maxDiscountPercent").fill("150");
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(page.locator("#maxDiscountPercent-error")).isVisible();

        page.locator("#maxDiscountPercent").fill("50");
        page.locator("#introText").fill("Benvenuti nel club della Bottega!");
        page.getByRole(AriaRole.BUTTON, named("Salva")).click();
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
}
