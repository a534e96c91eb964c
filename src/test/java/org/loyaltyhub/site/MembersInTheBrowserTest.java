package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 004 §1 in the browser: find a member, preview and save a manual credit, see it in the history. */
class MembersInTheBrowserTest extends IntegrationTest {

    @Test
    void anAdministratorFindsAMemberAndCreditsPointsAfterSeeingTheNewBalance() {
        World w = fixtures.world(api);
        long[] shop = w.company("Negozio");
        for (int i = 0; i < 23; i++) {
            w.enrol(w.asAdmin(), Map.of("firstName", "Giorgio", "lastName", "Bassi" + (char) ('a' + i),
                    "email", "giorgio" + i + "@member.test"));
        }
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("en-GB");
            Browser.signIn(page, base, w.admin);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members").setExact(true)).click();
            assertThat(page.locator("table caption")).hasText("23 members");
            assertThat(page.locator("nav.pages")).containsText("Page 1 of 2");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next")).click();
            assertThat(page.locator("tbody tr")).hasCount(3);

            page.getByLabel("Search by name, e-mail, phone or card").fill("bassic");
            page.getByLabel("Search by name, e-mail, phone or card").press("Enter");
            assertThat(page.locator("tbody tr")).hasCount(1);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Giorgio Bassic")).click();
            assertThat(page.locator("#member-available")).hasText("0");

            Browser.answered(page, "/adjustment", () -> page.getByLabel("Points", new Page.GetByLabelOptions().setExact(true)).pressSequentially("150"));
            assertThat(page.locator("#adjust-preview")).hasText("The balance goes from 0 to 150");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#adjustment-error")).containsText("the note is for the history");
            page.getByLabel("Internal note").fill("Welcome gift");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
            assertThat(page.locator("#member-available")).hasText("150");
            assertThat(page.locator("#member-history tbody tr").first()).containsText("+150");
            assertThat(page.locator("#member-history tbody tr").first()).containsText("Welcome gift");
            assertThat(page.locator("#member-history tbody tr").first().locator("td.actor")).hasText("Circuit Admin");

            Browser.answered(page, "/adjustment", () -> page.getByLabel("Operation").selectOption(new SelectOption().setValue("DEBIT")));
            Browser.answered(page, "/adjustment", () -> page.getByLabel("Points", new Page.GetByLabelOptions().setExact(true)).pressSequentially("500"));
            assertThat(page.locator("#adjust-preview")).containsText("has only 150 points");
            page.getByLabel("Internal note").fill("too much");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#adjustment-error")).hasText("The member does not have that many points.");
            assertThat(page.locator("#member-available")).hasText("150");
            assertThat(page.getByLabel("Operation")).hasValue("DEBIT");
            Browser.screenshot(page, "member-desktop-en");

            long memberId = w.asAdmin().get("/api/v1/members?q=bassic").json().path("items").get(0).path("id").asLong();
            w.purchase(api.withKey(w.apiKey(shop[0], shop[1])), "N-1", memberId, "3.00", "PAID");
            page.reload();
            assertThat(page.locator("#member-history tbody tr").first()).containsText(
                    w.asAdmin().get("/api/v1/stores/" + shop[1]).json().path("name").asString());
            page.onceDialog(com.microsoft.playwright.Dialog::dismiss);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void")).click();
            assertThat(page.locator("#member-history tbody tr")).hasCount(2); // the operator changed their mind: nothing voided
            page.onceDialog(d -> {
                assertThat(d.message()).contains("Void this movement?");
                d.accept();
            });
            page.waitForResponse(r -> r.url().contains("/void"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Void")).click());
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Movement voided");
            assertThat(page.locator("#member-available")).hasText("3");
            assertThat(page.locator("#member-history tbody tr")).hasCount(3);
            assertThat(page.locator("#member-history tbody tr").nth(2)).containsText("voided");
            assertThat(page.locator("#member-history tbody tr").first()).containsText("Cancellation of an earlier movement");
            assertThat(page.locator("#member-history tbody tr").first()).not().containsText("Voided movement");
            assertThat(browser.errors()).isEmpty();
        }
        w.assertBooksBalance();
    }

    @Test
    void theMemberListIsFilteredByStoreAndNewsletterConsent() {
        World w = fixtures.world(api);
        long[] north = w.company("Nord");
        long[] south = w.company("Sud");
        String northTill = w.apiKey(north[0], north[1]);
        String southTill = w.apiKey(south[0], south[1]);
        w.enrol(api.withKey(northTill), Map.of("firstName", "Nora", "lastName", "Nord", "email",
                org.loyaltyhub.support.Fixtures.unique("nora") + "@member.test", "consents",
                java.util.List.of(Map.of("kind", "NEWSLETTER", "granted", true, "textVersion", "v1"))));
        w.enrol(api.withKey(northTill), Map.of("firstName", "Nino", "lastName", "Nord", "email",
                org.loyaltyhub.support.Fixtures.unique("nino") + "@member.test"));
        w.enrol(api.withKey(southTill), Map.of("firstName", "Sara", "lastName", "Sud", "email",
                org.loyaltyhub.support.Fixtures.unique("sara") + "@member.test", "consents",
                java.util.List.of(Map.of("kind", "NEWSLETTER", "granted", true, "textVersion", "v1"))));
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("it-IT");
            Browser.signIn(page, "http://localhost:" + port, w.admin);
            page.navigate("http://localhost:" + port + "/members");
            assertThat(page.locator("tbody tr")).hasCount(3);
            page.getByLabel("Iscritto presso").selectOption(new SelectOption().setValue(String.valueOf(north[1])));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
            assertThat(page.locator("tbody tr")).hasCount(2);
            page.getByLabel("Newsletter").selectOption("yes");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
            assertThat(page.locator("tbody tr")).hasCount(1);
            assertThat(page.locator("tbody")).containsText("Nora Nord");
            page.getByLabel("Iscritto presso").selectOption("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cerca")).click();
            assertThat(page.locator("tbody tr")).hasCount(2);
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void anAdministratorCorrectsAMembersProfileAndATakenEmailIsRefused() {
        World w = fixtures.world(api);
        String taken = org.loyaltyhub.support.Fixtures.unique("taken") + "@member.test";
        w.enrol(w.asAdmin(), Map.of("firstName", "Altro", "email", taken));
        long id = w.enrol(w.asAdmin(), Map.of("firstName", "Marta", "lastName", "Bruni", "email",
                org.loyaltyhub.support.Fixtures.unique("marta") + "@member.test")).path("id").asLong();
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("en-GB");
            Browser.signIn(page, "http://localhost:" + port, w.admin);
            page.navigate("http://localhost:" + port + "/members/" + id);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit the profile")).click();
            page.getByLabel("E-mail").fill(taken);
            page.getByLabel("Phone").fill("+39 333 1234567");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("#email-error")).hasText("Another member of the circuit already uses this e-mail.");
            assertThat(w.asAdmin().get("/api/v1/members/" + id).json().path("phone").isNull()).as("nothing saved").isTrue();
            page.getByLabel("E-mail").fill("marta.bruni@member.test".replace("marta", org.loyaltyhub.support.Fixtures.unique("m")));
            page.getByLabel("Birth date").fill("1985-04-12");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Profile saved.");
            assertThat(page.locator("main")).containsText("+39");
            assertThat(w.asAdmin().get("/api/v1/members/" + id).json().path("birthDate").asString()).isEqualTo("1985-04-12");
            assertThat(browser.errors()).isEmpty();
        }
    }

    @Test
    void onAPhoneTheMemberListAndPageFitTheScreenAndAnEmptyFilterSaysSo() {
        World w = fixtures.world(api);
        long id = w.enrol(w.asAdmin(), Map.of("firstName", "Massimiliano", "lastName", "Bartolomeo-Vitaliani",
                "email", org.loyaltyhub.support.Fixtures.unique("massimiliano.bartolomeo") + "@un-dominio-lungo.test",
                "phone", "+39 333 987 6543", "city", "Reggio nell'Emilia")).path("id").asLong();
        try (Browser browser = new Browser()) {
            Page page = browser.open(375, 812, "it-IT");
            Browser.signIn(page, "http://localhost:" + port, w.admin);
            page.navigate("http://localhost:" + port + "/members");
            assertThat(page.locator("tbody tr")).hasCount(1);
            Browser.screenshot(page, "members-375-it");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("/members fits 375 px").isEqualTo(375);
            page.navigate("http://localhost:" + port + "/members/" + id);
            assertThat(page.locator("#history-empty")).hasText("Nessun movimento per ora.");
            Browser.screenshot(page, "member-375-it");
            assertThat(page.evaluate("document.documentElement.scrollWidth")).as("/members/{id} fits 375 px").isEqualTo(375);
            page.navigate("http://localhost:" + port + "/members/" + id + "?kind=EXPIRY");
            assertThat(page.locator("#history-empty")).hasText("Nessun movimento corrisponde al filtro.");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
