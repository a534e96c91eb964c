package org.loyaltyhub.site;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.time.Duration;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy in a real Chromium: a customer on a phone downloads their data and erases it after giving their password
 * again (and on an Italian desktop); an administrator erases a member with a reason and sets retention, on a desktop,
 * and reads shops' data requests and sets retention on a phone in English.
 */
class PrivacyInTheBrowserTest extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.loyaltyhub.privacy.MemberRights rights;

    @Test
    void aCustomerConfirmsTheirPasswordAgainDownloadsTheirDataAndErasesIt() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("leaving") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "leaving-password-1");
        clock.advance(Duration.ofMinutes(11)); // the sign-in is no longer fresh

        phone.navigate(url("/c/" + w.circuitId + "/my/consents"));
        phone.getByRole(AriaRole.LINK, named("Download or erase your data")).click();
        assertThat(phone.locator("h1")).hasText("Your data");
        assertThat(phone.locator("#download")).hasCount(0);
        phone.getByLabel("Your password").fill("not-my-password");
        phone.getByRole(AriaRole.BUTTON, named("Confirm")).click();
        assertThat(phone.locator("#password-error")).containsText("That is not your password");
        phone.getByLabel("Your password").fill("leaving-password-1");
        phone.getByRole(AriaRole.BUTTON, named("Confirm")).click();
        Browser.screenshot(phone, "customer-privacy-phone-en");

        Download zip = phone.waitForDownload(() -> phone.locator("#download").click());
        assertThat(zip.suggestedFilename()).endsWith(".zip");

        phone.getByRole(AriaRole.BUTTON, named("Erase my data")).click();
        assertThat(phone.locator("#understood-error")).containsText("Tick the box");
        phone.getByLabel("I understand that this cannot be undone").check();
        phone.getByRole(AriaRole.BUTTON, named("Erase my data")).click();
        assertThat(phone.locator("#erased")).containsText("Your data was erased");
        assertThat(w.asAdmin().get("/api/v1/members/lookup?email=" + email).status()).isEqualTo(404);
        assertThat(w.asAdmin().get("/api/v1/privacy/erasures").json().get(0).path("source").asString())
                .isEqualTo("CUSTOMER");
        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorErasesAMemberWithAReasonAndSetsRetentionInItalian() {
        World w = fixtures.world(api);
        long[] shop = w.company("Privacy");
        long m = w.enrol(w.asAdmin(), Map.of("firstName", "Nora", "lastName", "Verdi", "email",
                Fixtures.unique("nora") + "@member.test", "storeId", shop[1])).path("id").asLong();
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);

        page.navigate(url("/members/" + m));
        page.getByRole(AriaRole.LINK, named("Esportazione e cancellazione dei dati")).click();
        Download zip = page.waitForDownload(() -> page.locator("#export").click());
        assertThat(zip.suggestedFilename()).startsWith("member-" + m);
        page.getByLabel("Ho capito che non si può annullare").check();
        page.locator("#erase").click();
        assertThat(page.locator("#reason-error")).containsText("Indica perché");
        page.getByLabel("Motivo (resta nel registro").fill("richiesta scritta del cliente");
        page.getByLabel("Ho capito che non si può annullare").check();
        page.locator("#erase").click();
        assertThat(page.locator("#erasure")).containsText("richiesta scritta del cliente");
        assertThat(page.locator("#erase")).hasCount(0);

        page.navigate(url("/admin/privacy"));
        assertThat(page.locator("#erasures")).containsText("#" + m);
        page.getByLabel("Cancella i clienti inattivi da (anni)").fill("0");
        page.locator("#retention button[type=submit]").click();
        assertThat(page.locator("#inactiveMemberYears-error")).containsText("Tra 1 e 30 anni");
        page.getByLabel("Cancella i clienti inattivi da (anni)").fill("4");
        page.locator("#retention button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Salvato");
        assertThat(page.getByLabel("Cancella i clienti inattivi da (anni)")).hasValue("4");
        page.locator("#preview button[type=submit]").click();
        assertThat(page.locator("#preview-count")).containsText("0 clienti inattivi da 3 anni");
        Browser.screenshot(page, "admin-privacy-desktop-it");
        assertThat(w.asAdmin().get("/api/v1/privacy/retention").json().path("inactiveMemberYears").asInt())
                .isEqualTo(4);
        assertThat(browser.errors()).isEmpty();
    }
    @Test
    void aCustomerOnAnItalianDesktopConfirmsTheirPasswordAgainAndDownloadsTheirData() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("scrivania") + "@member.test";
        Page desk = browser.desktop("it-IT");
        desk.navigate(url("/c/" + w.circuitId + "/join"));
        desk.getByLabel("E-mail").fill(email);
        desk.getByLabel("Password (almeno 10 caratteri)").fill("scrivania-password-1");
        desk.getByLabel("Ho letto l'informativa sulla privacy").check();
        desk.getByLabel("Accetto il regolamento del programma").check();
        desk.getByRole(AriaRole.BUTTON, named("Iscriviti")).click();
        desk.navigate(org.loyaltyhub.support.TestMail.link(org.loyaltyhub.support.TestMail.lastTo(email),
                "/verify?token="));
        desk.getByRole(AriaRole.BUTTON, named("Conferma e apri la mia carta")).click();
        clock.advance(Duration.ofMinutes(11)); // the sign-in is no longer fresh

        desk.navigate(url("/c/" + w.circuitId + "/my/consents"));
        desk.getByRole(AriaRole.LINK, named("Scarica o cancella i tuoi dati")).click();
        assertThat(desk.locator("h1")).hasText("I tuoi dati");
        assertThat(desk.locator("#download")).hasCount(0);
        desk.getByLabel("La tua password").fill("non-la-mia-password");
        desk.getByRole(AriaRole.BUTTON, named("Conferma").setExact(true)).click();
        assertThat(desk.locator("#password-error")).containsText("Non è la tua password");
        desk.getByLabel("La tua password").fill("scrivania-password-1");
        desk.getByRole(AriaRole.BUTTON, named("Conferma").setExact(true)).click();
        assertThat(desk.locator("#download")).hasText("Scarica i miei dati");
        assertThat(desk.locator("#erase")).hasText("Cancella i miei dati");
        Browser.screenshot(desk, "customer-privacy-desktop-it");

        Download zip = desk.waitForDownload(() -> desk.locator("#download").click());
        assertThat(zip.suggestedFilename()).endsWith(".zip");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorOnAPhoneInEnglishDownloadsAShopsDataRequestAndSetsRetention() {
        World w = fixtures.world(api);
        long[] shop = w.company("Pocket");
        long m = w.enrol(w.asAdmin(), Map.of("firstName", "Ida", "lastName", "Bruni", "email",
                Fixtures.unique("ida") + "@member.test", "storeId", shop[1])).path("id").asLong();
        rights.requestFromShop(w.circuitId, shop[0], m, "pocket.myshopify.com", Fixtures.unique("request"));
        Page phone = browser.phone("en-GB");
        Browser.signIn(phone, url(""), w.admin);

        phone.navigate(url("/admin/privacy"));
        assertThat(phone.locator("h1")).hasText("Privacy");
        assertThat(phone.locator("#requests")).containsText("pocket.myshopify.com");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("fits the phone").isTrue();
        Download zip = phone.waitForDownload(() -> phone.locator("#requests a").first().click());
        assertThat(zip.suggestedFilename()).startsWith("member-" + m);

        phone.getByLabel("Empty shops' webhook bodies and stored API answers after (days)").fill("0");
        phone.locator("#retention button[type=submit]").click();
        assertThat(phone.locator("#deliveryBodyDays-error")).containsText("Between 1 and 3650 days");
        phone.getByLabel("Empty shops' webhook bodies and stored API answers after (days)").fill("30");
        phone.locator("#retention button[type=submit]").click();
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Saved");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("fits the phone after saving").isTrue();
        Browser.screenshot(phone, "admin-privacy-phone-en");
        assertThat(w.asAdmin().get("/api/v1/privacy/retention").json().path("deliveryBodyDays").asInt())
                .isEqualTo(30);
        assertThat(browser.errors()).isEmpty();
    }
}
