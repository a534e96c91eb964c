package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The counter in a real Chromium: what shows before a customer is chosen, finding by name, shared phones. */
class CounterInTheBrowserTest extends BrowserTest {

    /** Types the query and presses Enter, waiting for the htmx answer it causes. */
    private void find(Page page, String query) {
        page.locator("#q").fill(query); // "Find the customer", "Trova il cliente"
        page.waitForResponse(r -> r.url().contains("/counter?q="), () -> page.locator("#q").press("Enter"));
    }

    /**
     * Runs the action and waits for the htmx answer it causes to be swapped in and settled: the fresh form that
     * answer brings out of band takes its htmx behaviour only then.
     */
    private static void settled(Page page, String path, Runnable action) {
        page.evaluate("() => { window.settled = new Promise(done => document.body.addEventListener("
                + "'htmx:afterSettle', () => done(true), {once: true})); }");
        page.waitForResponse(r -> r.url().endsWith(path), action);
        page.evaluate("() => window.settled");
    }

    @Test
    void withNoCustomerChosenTheCounterOffersNeitherAPurchaseNorARedemption() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), till);
        assertThat(page).hasURL(url("/counter"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Record a purchase"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, named("Redeem points"))).hasCount(0);
        find(page, "nobody@nowhere.test");
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("No customer matches what you typed.");
        assertThat(page.getByLabel("Amount")).hasCount(0);
        assertThat(page.getByLabel("Cart total")).hasCount(0);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aNameOrAPhoneThatFitsSeveralCustomersListsThemToChooseFrom() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        JsonNode maria = w.enrol(w.asAdmin(), Map.of("firstName", "Maria", "lastName", "Conti", "phone", "3331234524",
                "city", "Roma"));
        w.enrol(w.asAdmin(), Map.of("firstName", "Luca", "lastName", "Conti", "phone", "+39 333 123 4524",
                "allowSharedPhone", true));
        w.enrol(w.asAdmin(), Map.of("firstName", "Piero", "lastName", "Galli", "email", "piero@member.test"));
        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), till);

        find(page, "galli");
        assertThat(page.locator("#result h2")).hasText("Piero Galli");
        assertThat(page.getByRole(AriaRole.HEADING, named("Registra un acquisto"))).isVisible();

        find(page, "+39 333 123 4524");
        assertThat(page.locator("#candidates li")).hasCount(2);
        assertThat(page.getByLabel("Importo")).hasCount(0);

        find(page, "conti");
        assertThat(page.locator("#candidates h2")).hasText("Più clienti corrispondono: quale?");
        assertThat(page.locator("#candidates li")).hasCount(2);
        Browser.screenshot(page, "counter-candidates-phone-it");
        page.getByRole(AriaRole.LINK, named("Maria Conti")).click();
        assertThat(page.locator("#result h2")).hasText("Maria Conti");
        assertThat(page.locator("#result")).containsText(maria.path("card").path("number").asString());
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void enrollingWithAPhoneAlreadyOnFileWarnsAndEnrolsOnlyWhenConfirmed() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        w.enrol(w.asAdmin(), Map.of("firstName", "Maria", "lastName", "Conti", "phone", "3331234524"));
        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), till);
        page.navigate(url("/counter/enrol"));
        page.getByLabel("First name").fill("Luca");
        page.getByLabel("Last name").fill("Conti");
        page.getByLabel("Phone").fill("+39 333 123 4524");
        page.getByLabel("The customer accepts the privacy notice").check();
        page.getByRole(AriaRole.BUTTON, named("Enrol")).click();
        assertThat(page.locator("#shared-phone")).containsText("Maria Conti");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).as("nothing saved yet").isEqualTo(1);
        Browser.screenshot(page, "counter-enrol-shared-phone-en");
        page.getByRole(AriaRole.BUTTON, named("No: enrol a new customer with the same phone")).click();
        assertThat(page.locator("#result h2")).hasText("Luca Conti");
        assertThat(w.asAdmin().get("/api/v1/members").json().path("total").asLong()).isEqualTo(2);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCircuitAdministratorChoosesTheCountryOfPhoneNumbers() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/circuit"));
        assertThat(page.getByLabel("Country of phone numbers typed without a prefix")).hasValue("IT");
        page.getByLabel("Country of phone numbers typed without a prefix").selectOption("CH");
        page.getByRole(AriaRole.BUTTON, named("Save")).first().click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).isVisible();
        assertThat(page.getByLabel("Country of phone numbers typed without a prefix")).hasValue("CH");
        assertThat(w.asAdmin().get("/api/v1/circuit").json().path("defaultCountry").asString()).isEqualTo("CH");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aSaleInItalianNotationThenAPartialRedemptionThenTheNextPurchaseShowTheCurrentBalance() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), till);
        page.navigate(url("/counter/enrol"));
        page.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Gino");
        page.getByLabel("E-mail").fill(org.loyaltyhub.support.Fixtures.unique("gino") + "@member.test");
        page.getByLabel("Il cliente accetta l'informativa sulla privacy").check();
        page.getByRole(AriaRole.BUTTON, named("Iscrivi")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Cliente iscritto");

        page.waitForResponse(r -> r.url().contains("/counter/sale/preview"),
                () -> page.getByLabel("Importo").pressSequentially("1,90"));
        assertThat(page.locator("#sale-preview")).hasText("Il cliente guadagna 1 punto");
        page.getByLabel("Importo").fill("");
        page.waitForResponse(r -> r.url().contains("/counter/sale/preview"),
                () -> page.getByLabel("Importo").pressSequentially("1.234,50"));
        assertThat(page.locator("#sale-preview")).hasText("Il cliente guadagna 1.234 punti");
        page.waitForResponse(r -> r.url().endsWith("/counter/sale"),
                () -> page.getByRole(AriaRole.BUTTON, named("Conferma acquisto")).click());
        assertThat(page.locator("#receipt-balance")).hasText("1.234");

        page.getByLabel("Totale del carrello").fill("5,00");
        page.waitForResponse(r -> r.url().contains("/counter/redeem?"),
                () -> page.getByRole(AriaRole.BUTTON, named("Quanti punti si possono usare?")).click());
        assertThat(page.locator("#redeem-quote")).hasText("Usa 500 punti per uno sconto di 5,00 EUR");
        page.getByLabel("Punti da usare (al massimo 500)").fill("200");
        page.waitForResponse(r -> r.url().endsWith("/counter/redeem"),
                () -> page.getByRole(AriaRole.BUTTON, named("Conferma utilizzo punti")).click());
        assertThat(page.locator("#redeemed-points")).hasText("200");
        assertThat(page.locator("#member-available")).hasText("1.034");
        // no receipt is left showing the balance before the redemption
        assertThat(page.locator("#receipt-balance")).hasCount(0);
        assertThat(page.getByLabel("Importo")).isVisible();

        page.getByText("Annulla questo utilizzo di punti").click();
        page.getByLabel("Motivo (resta nello storico)").fill("cliente sbagliato");
        settled(page, "/counter/redeem/undo",
                () -> page.getByRole(AriaRole.BUTTON, named("Restituisci i punti")).click());
        assertThat(page.locator("#redeem-undone")).hasText("200 punti restituiti: l'utilizzo è annullato.");
        assertThat(page.locator("#member-available")).hasText("1.234");

        page.waitForResponse(r -> r.url().contains("/counter/sale/preview"),
                () -> page.getByLabel("Importo").pressSequentially("3"));
        page.waitForResponse(r -> r.url().endsWith("/counter/sale"),
                () -> page.getByRole(AriaRole.BUTTON, named("Conferma acquisto")).click());
        assertThat(page.locator("#receipt-balance")).hasText("1.237");
        page.getByRole(AriaRole.LINK, named("Nuovo acquisto")).click();
        assertThat(page.getByLabel("Importo")).isVisible();
        assertThat(page.locator("#member-available")).hasText("1.237");
        assertThat(page.getByRole(AriaRole.STATUS)).hasCount(0); // the "enrolled" banner is gone
        find(page, "nobody@nowhere.test");
        assertThat(page.getByText("Cliente iscritto")).hasCount(0);
        assertThat(browser.errors()).isEmpty();
    }
}
