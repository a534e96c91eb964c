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
 * again; an administrator erases a member with a reason and sets retention, on a desktop.
 */
class PrivacyInTheBrowserTest extends BrowserTest {

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
}
