package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The member's card in a real Chromium: group and brand, a lost card replaced, the old one refused at the counter. */
class MemberCardInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorLabelsTheCardAndReplacesALostOneAndTheCounterRefusesTheOldNumber() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        JsonNode member = w.enrol(w.asAdmin(), Map.of("firstName", "Lucia", "lastName", "Ferri",
                "email", "lucia@member.test"));
        long id = member.path("id").asLong();
        String old = member.path("card").path("number").asString();

        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/members/" + id));
        page.locator("#manage-card").click();
        page.getByLabel("Card group").fill("x".repeat(61));
        page.getByLabel("Brand").fill("Premium");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.locator("#cardGroup-error")).hasText("At most 60 characters, without control characters.");
        assertThat(w.asAdmin().get("/api/v1/members/" + id).json().path("card").path("brand").isNull())
                .as("nothing saved").isTrue();
        page.getByLabel("Card group").fill("  Gold ");
        page.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Card saved.");
        assertThat(page.locator("#card-group")).hasText("Gold");
        assertThat(page.locator("#card-brand")).hasText("Premium");
        assertThat(page.locator("#loyalty-score")).hasText("0/100");
        page.navigate(url("/members"));
        page.getByLabel("Card group").fill("gold");
        page.getByLabel("Brand").fill("PREMIUM");
        page.getByRole(AriaRole.BUTTON, named("Find")).click();
        assertThat(page.locator("tbody tr")).hasCount(1);
        assertThat(page.locator("tbody tr")).containsText("Lucia Ferri");
        page.getByLabel("Brand").fill("Classic");
        page.getByRole(AriaRole.BUTTON, named("Find")).click();
        assertThat(page.locator("tbody tr")).hasCount(0);
        page.navigate(url("/members/" + id));

        page.locator("#manage-card").click();
        page.getByRole(AriaRole.BUTTON, named("Block and issue a new card")).click();
        assertThat(page.locator("#reason-error")).hasText("Choose why the card is blocked.");
        page.getByLabel("Why").selectOption(new SelectOption().setValue("LOST"));
        page.getByLabel("Internal note").fill("lost at the station");
        page.getByRole(AriaRole.BUTTON, named("Block and issue a new card")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("a new number issued");
        String fresh = w.asAdmin().get("/api/v1/members/" + id).json().path("card").path("number").asString();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(page.locator("main .card strong").first()).hasText(fresh);
        assertThat(page.locator("#card-status .card-history li")).hasCount(2);
        assertThat(page.locator("#card-status .card-history li[data-state=REPLACED]"))
                .containsText("replaced by " + fresh);
        assertThat(page.locator("#card-status .card-history li[data-state=REPLACED]")).containsText("lost at the station");
        Browser.screenshot(page, "member-card-replaced-phone-en");

        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), till);
        counter.locator("#q").fill(old);
        counter.waitForResponse(r -> r.url().contains("/counter?q="), () -> counter.locator("#q").press("Enter"));
        assertThat(counter.locator("#card-blocked")).containsText("was blocked on");
        assertThat(counter.locator("#card-blocked")).containsText("and replaced: ask for the new card.");
        assertThat(counter.locator("#result h2")).hasCount(0);
        counter.locator("#q").fill(fresh);
        counter.waitForResponse(r -> r.url().contains("/counter?q="), () -> counter.locator("#q").press("Enter"));
        assertThat(counter.locator("#result h2")).hasText("Lucia Ferri");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aStoreOperatorReplacesALostCardAtTheCounterInItalian() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        JsonNode member = w.enrol(w.as(till), Map.of("firstName", "Marco", "lastName", "Neri",
                "email", "marco@member.test"));
        String old = member.path("card").path("number").asString();

        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), till);
        page.navigate(url("/counter?q=" + old));
        page.locator("#lost-card").click();
        assertThat(page.getByLabel("Gruppo tessera")).hasCount(0);
        page.getByLabel("Motivo").selectOption(new SelectOption().setValue("STOLEN"));
        Browser.screenshot(page, "member-card-counter-phone-it");
        page.getByRole(AriaRole.BUTTON, named("Blocca ed emetti una nuova tessera")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("nuovo numero emesso");
        String fresh = w.asAdmin().get("/api/v1/members/" + member.path("id").asLong()).json().path("card")
                .path("number").asString();
        assertThat(page.locator("#result h2")).hasText("Marco Neri");
        assertThat(page.locator("#result")).containsText(fresh);
        page.navigate(url("/counter?q=" + old));
        assertThat(page.locator("#card-blocked")).containsText("e sostituita: chiedi la nuova tessera.");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCustomerSeesTheNewCardAndTheScoresAtOnce() {
        World w = fixtures.world(api);
        String email = org.loyaltyhub.support.Fixtures.unique("gina") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "gina-password-12");
        JsonNode member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json();
        String old = member.path("card").path("number").asString();
        assertThat(phone.locator("#card-number")).hasText(old);
        assertThat(phone.locator("#card-scores")).containsText("Loyalty score");
        String oldQr = phone.evaluate("() => fetch('/c/" + w.circuitId + "/my/card.svg').then(r => r.text())").toString();

        Api.Response replaced = w.asAdmin().post("/api/v1/members/" + member.path("id").asLong()
                + "/card/replacement", Map.of("card", old, "reason", "LOST"));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(201);
        phone.reload();
        assertThat(phone.locator("#card-number")).hasText(replaced.json().path("card").path("number").asString());
        assertThat(phone.evaluate("() => fetch('/c/" + w.circuitId + "/my/card.svg').then(r => r.text())").toString())
                .as("the QR code is the new card's").isNotEqualTo(oldQr);
        assertThat(browser.errors()).isEmpty();
    }
}
