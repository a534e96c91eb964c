package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The circuit administrator declares a custom event type (told next to the field when the schema is not supported),
 * writes a birthday promotion, builds a funnel (told when "without a purchase" has no delay), activates it and reads a
 * new member's run in the log; the funnels read in Italian on a phone.
 */
class CampaignsInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorDeclaresAnEventTypeWritesABirthdayPromotionAndFollowsAFunnelsRunLog() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);

        page.getByRole(AriaRole.LINK, named("Events").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/events"));
        assertThat(page.locator("#event-types")).containsText("wifi_login");
        page.locator("#name").fill("spa_visit");
        page.locator("#schema").fill("{\"properties\": {\"minutes\": {\"type\": \"integer\", \"pattern\": \"x\"}}}");
        page.locator("#declare").click();
        assertThat(page.locator("#schema-error")).containsText("do not support");
        assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("'pattern' is not supported");
        page.locator("#schema").fill("{\"properties\": {\"minutes\": {\"type\": \"integer\", \"minimum\": 15}}}");
        page.locator("#declare").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The event type is declared.");
        assertThat(page.locator("#event-types")).containsText("spa_visit");

        page.navigate(url("/admin/promotions/new"));
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Birthday gift");
        page.locator("#triggerType").selectOption("DATE");
        page.locator("#dateKind").selectOption("BIRTHDAY");
        page.locator("#effectValue").fill("50");
        page.locator("#save").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.locator("#figures")).containsText("+50 points on the member's birthday");

        page.getByRole(AriaRole.LINK, named("Funnels").setExact(true)).click();
        page.getByRole(AriaRole.LINK, named("New funnel")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Welcome nudge");
        page.locator("#unlessPurchased").check();
        page.locator("#effectValue0").fill("15");
        page.locator("#save").click();
        assertThat(page.locator("#unlessPurchased-error")).containsText("needs a delay");
        page.locator("#unlessPurchased").uncheck();
        page.locator("#save").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.locator("#status")).hasText("Draft");
        page.locator("#activate").click();
        assertThat(page.locator("#status")).hasText("Active");
        assertThat(page.locator("#run-log")).containsText("Nobody has entered this funnel yet.");

        long member = w.enrol(w.asAdmin(), Map.of("email", "funnel-browser@member.test")).path("id").asLong();
        page.reload();
        assertThat(page.locator("#runs")).containsText(String.valueOf(member));
        assertThat(page.locator("#runs")).containsText("Acted");
        assertThat(page.locator("#runs")).containsText("+15 points");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/funnels"));
        assertThat(phone.locator("h1")).hasText("Funnel");
        assertThat(phone.locator("#funnels")).containsText("Welcome nudge");
        assertThat(phone.locator("#funnels")).containsText("Attiva");
    }
}
