package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.ReferralSteps;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral in a real Chromium (issue 12): a member shares the link from the customer area on a phone, a friend signs
 * up with it and buys, and both get their points; the counter enrols a friend with a code; the administrator reads
 * the report and the settings say what is wrong next to the field.
 */
class ReferralInTheBrowserTest extends BrowserTest {

    @Test
    void aMemberSharesTheLinkAFriendSignsUpWithItAndBuysAndBothGetPoints() {
        World w = fixtures.world(api);
        long[] shop = w.company("Trattoria");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        w.settings(Map.of());
        ReferralSteps.set(w, Map.of("minSpend", 10));
        String annasEmail = Fixtures.unique("anna") + "@member.test";
        Page anna = browser.phone("en-GB");
        joinAndConfirm(anna, w.circuitId, annasEmail, "anna-password-1");
        assertThat(anna.locator("#referral h2")).hasText("Invite a friend");
        assertThat(anna.locator("#referral")).containsText("you get 100 points and they get 50");
        String link = anna.locator("#referral-link").inputValue();
        assertThat(link).contains("/c/" + w.circuitId + "/join?ref=");
        Browser.screenshot(anna, "referral-customer-phone-en");

        String brunosEmail = Fixtures.unique("bruno") + "@member.test";
        Page bruno = browser.phone("en-GB");
        bruno.navigate(link);
        assertThat(bruno.locator("#invited")).containsText("You were invited by a friend");
        bruno.getByLabel("E-mail").fill(brunosEmail);
        bruno.getByLabel("Password (at least 10 characters)").fill("bruno-password-1");
        bruno.getByLabel("I have read the privacy notice").check();
        bruno.getByLabel("I accept the program rules").check();
        bruno.getByRole(AriaRole.BUTTON, named("Join")).click();
        bruno.navigate(TestMail.link(TestMail.lastTo(brunosEmail), "/verify?token="));
        bruno.getByRole(AriaRole.BUTTON, named("Confirm and open my card")).click();
        assertThat(bruno.locator("#balance")).hasText("0");

        long brunoId = w.asAdmin().get("/api/v1/members/lookup?email=" + brunosEmail).json().path("id").asLong();
        long annaId = w.asAdmin().get("/api/v1/members/lookup?email=" + annasEmail).json().path("id").asLong();
        assertThat(w.asAdmin().get("/api/v1/members/" + brunoId + "/referral").json().path("upline").get(0)
                .path("memberId").asLong()).isEqualTo(annaId);
        ReferralSteps.paid(w, till, brunoId, "30.00");

        bruno.reload();
        assertThat(bruno.locator("#balance")).hasText("80");
        anna.reload();
        assertThat(anna.locator("#balance")).hasText("100");
        assertThat(anna.locator("#referral-friends")).hasText("1 friends invited, 1 of them bought");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCounterEnrolsAFriendWithACodeAndTheAdministratorReadsTheReportAndTheTree() {
        World w = fixtures.world(api);
        long[] shop = w.company("Enoteca");
        Api.Login operator = w.operator("STORE_OPERATOR", null, shop[1]);
        ReferralSteps.set(w, Map.of());
        long anna = w.enrol(w.as(operator), Map.of("firstName", "Anna", "lastName", "Neri",
                "email", Fixtures.unique("anna") + "@member.test")).path("id").asLong();
        String code = ReferralSteps.code(w, anna);

        Page counter = browser.phone("it-IT");
        Browser.signIn(counter, url(""), operator);
        counter.navigate(url("/counter/enrol"));
        counter.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Bruno");
        counter.getByLabel("E-mail").fill(Fixtures.unique("bruno") + "@member.test");
        counter.getByLabel("Codice invito (facoltativo)").fill(code.toLowerCase());
        counter.locator("#privacy").check();
        counter.locator("form button.primary").click();
        assertThat(counter.locator("#referral-recorded")).hasText(
                "Invito registrato: entrambi ricevono i punti al primo acquisto.");
        assertThat(counter.locator("#counter-referral")).containsText("Codice invito");

        counter.navigate(url("/counter/enrol"));
        counter.getByLabel("E-mail").fill(Fixtures.unique("carla") + "@member.test");
        counter.getByLabel("Codice invito (facoltativo)").fill("SBAGLIATO");
        counter.locator("#privacy").check();
        counter.locator("form button.primary").click();
        assertThat(counter.locator("#referral-refused")).containsText("non è stato accettato");

        long delivery = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Free delivery",
                "titleIt", "Consegna gratuita", "points", 500)).json().path("id").asLong();
        Page admin = browser.phone("en-GB");
        Browser.signIn(admin, url(""), w.admin);
        admin.navigate(url("/admin/referral"));
        assertThat(admin.locator("#report-referrals")).hasText("1");
        assertThat(admin.locator("#report-refusals")).hasText("1");
        assertThat(admin.locator("#top-referrers")).containsText("Anna Neri");
        assertThat(admin.locator("#refusals")).containsText("Unknown code");
        admin.getByLabel("Level 1 (%)").fill("150");
        admin.getByLabel("Level 2 (%)").fill("5");
        admin.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(admin.locator("#level1-error")).hasText("Enter a % from 0.01 to 100, with at most two decimals.");
        admin.getByLabel("Level 1 (%)").fill("10");
        admin.getByLabel("Reward voucher for the friend").selectOption(String.valueOf(delivery));
        admin.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(admin.locator("main .message.info")).hasText("Referral settings saved.");
        assertThat(admin.getByLabel("Level 2 (%)")).hasValue("5");
        assertThat(admin.getByLabel("Reward voucher for the friend")).hasValue(String.valueOf(delivery));
        assertThat(admin.getByLabel("Reward voucher for the referrer")).hasValue("");
        Browser.screenshot(admin, "referral-admin-phone-en");
        assertThat((Boolean) admin.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("fits a phone's width").isTrue();

        admin.navigate(url("/members/" + anna));
        assertThat(admin.locator("#referral-tree")).containsText("Bruno");
        assertThat(admin.locator("#referral-tree")).containsText("waiting for a first purchase");
        assertThat(w.asAdmin().get("/api/v1/referral/settings").json().path("levelPercents").valueStream()
                .map(n -> n.decimalValue().intValue()).toList()).isEqualTo(List.of(10, 5));
        assertThat(w.asAdmin().get("/api/v1/referral/settings").json().path("friendRewardId").asLong())
                .isEqualTo(delivery);
        assertThat(browser.errors()).isEmpty();
    }
}
