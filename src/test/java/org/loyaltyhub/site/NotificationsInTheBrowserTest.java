package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit administrator switches a notification on, edits its template (an unknown shortcode is refused next to
 * the field) and previews it; a customer reads the message in the customer area's inbox and marks it read.
 */
class NotificationsInTheBrowserTest extends BrowserTest {

    private static com.microsoft.playwright.Locator.GetByRoleOptions in(String name) {
        return new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name);
    }

    @Test
    void anAdministratorEditsATemplateAndPreviewsIt() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Notifications").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/notifications"));
        page.locator("#POINTS_EARNED").getByLabel("On").check();
        page.locator("#POINTS_EARNED").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(page.locator("#POINTS_EARNED").getByLabel("On")).isChecked();

        page.locator("#POINTS_EARNED").getByRole(AriaRole.LINK, in("Edit the template")).click();
        assertThat(page.locator("#subject-it")).not().isEmpty();
        page.locator("#subject-en").fill("You earned {pointz} points");
        page.locator("#template-en").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(page.locator("#subject-en-error")).containsText("Unknown shortcode {pointz}");
        assertThat(page.locator("#subject-en-error")).containsText("{first_name}");
        assertThat(page.locator("#subject-en")).hasValue("You earned {pointz} points");

        page.locator("#subject-en").fill("{first_name}, +{points} points at {store_name}");
        Browser.answered(page, "/admin/notifications/POINTS_EARNED/templates/en", () ->
                page.locator("#template-en").getByRole(AriaRole.BUTTON, in("Preview")).click());
        assertThat(page.locator("#preview-en")).containsText("Maria, +120 points at Negozio Centro");
        Browser.answered(page, "/admin/notifications/POINTS_EARNED/templates/it", () ->
                page.locator("#template-it").getByRole(AriaRole.BUTTON, in("Preview")).click());
        assertThat(page.locator("#preview-it")).containsText("120");
        page.locator("#template-en").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(w.asAdmin().get("/api/v1/notifications/POINTS_EARNED/templates").json().toString())
                .contains("{first_name}, +{points} points at {store_name}");
        Browser.screenshot(page, "notifications-template-desktop-en");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/notifications"));
        assertThat(phone.locator("h1")).hasText("Notifiche");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        phone.navigate(url("/admin/notifications/POINTS_EARNED/templates"));
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "notifications-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorTurnsTheSmsOfANotificationOnAndEditsItsTextOnAPhone() {
        World w = fixtures.world(api);
        Page phone = browser.phone("en-GB");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/notifications"));
        phone.locator("#POINTS_EARNED").getByLabel("On").check();
        phone.locator("#POINTS_EARNED").getByLabel("Also by SMS").check();
        phone.locator("#POINTS_EARNED").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(phone.locator("#POINTS_EARNED").getByLabel("Also by SMS")).isChecked();
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();

        phone.locator("#POINTS_EARNED").getByRole(AriaRole.LINK, in("Edit the template")).click();
        assertThat(phone.locator("#sms-preview-en .sms-length")).containsText("1 SMS (GSM-7)");
        phone.locator("#sms-body-en").fill("Hi {first_name}, +{pointz}");
        phone.locator("#sms-en").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(phone.locator("#sms-body-en-error")).containsText("Unknown shortcode {pointz}");
        assertThat(phone.locator("#sms-body-en")).hasValue("Hi {first_name}, +{pointz}");

        phone.locator("#sms-body-en").fill("Hi {first_name}, +{points} points at {store_name}");
        Browser.answered(phone, "/admin/notifications/POINTS_EARNED/templates/en/sms", () ->
                phone.locator("#sms-en").getByRole(AriaRole.BUTTON, in("Preview")).click());
        assertThat(phone.locator("#sms-preview-en")).containsText("Hi Maria, +120 points at Negozio Centro");
        assertThat(phone.locator("#sms-preview-en .sms-length")).hasText("39 characters, 1 SMS (GSM-7) for the sample member");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "notifications-sms-phone-en");
        phone.locator("#sms-en").getByRole(AriaRole.BUTTON, in("Save")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(w.asAdmin().get("/api/v1/notifications/POINTS_EARNED/templates/en/sms").json().path("body")
                .asString()).isEqualTo("Hi {first_name}, +{points} points at {store_name}");

        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, Map.of("firstName", "Giulia", "email", Fixtures.unique("smsb") + "@member.test",
                "phone", "+393471239999", "language", "EN", "consents",
                java.util.List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1")))).path("id").asLong();
        w.purchase(till, "B-1", member, "30.00", "PAID");
        phone.navigate(url("/admin/sms"));
        assertThat(phone.locator("#notification-sms")).containsText("Hi Giulia, +30 points at");
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCustomerReadsTheMessagesSentToThemAndMarksThemRead() {
        World w = fixtures.world(api);
        w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", true));
        w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/en",
                Map.of("subject", "You earned {points} points", "body", "Hello {first_name}, balance {balance}."));
        w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/it",
                Map.of("subject", "You earned {points} points", "body", "Hello {first_name}, balance {balance}."));
        String email = Fixtures.unique("inbox") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "inbox-password-12");
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        Api.Response credit = w.asAdmin().post("/api/v1/members/" + member + "/adjustments",
                Map.of("direction", "CREDIT", "points", 40, "note", "welcome"));
        assertThat(credit.status()).as(credit.toString()).isEqualTo(201);

        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone.locator("nav.tabs .badge-count")).hasText("1");
        phone.getByRole(AriaRole.LINK, named("Messages")).click();
        assertThat(phone.locator(".inbox li")).hasCount(1);
        assertThat(phone.locator(".inbox li").first()).containsText("You earned 40 points");
        assertThat(phone.locator(".inbox li").first()).containsText("balance 40");
        assertThat(phone.locator(".inbox li.unread")).hasCount(1);
        assertThat((Boolean) phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the phone").isTrue();
        Browser.screenshot(phone, "inbox-phone-en");

        phone.getByRole(AriaRole.BUTTON, named("Mark as read")).click();
        assertThat(phone.locator(".inbox li.unread")).hasCount(0);
        assertThat(phone.locator("nav.tabs .badge-count")).hasCount(0);
        assertThat(browser.errors()).isEmpty();
    }
}
