package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.nio.file.Files;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log on a phone in Italian and on a desktop in English: the administrator finds who changed a member and
 * who opened the member's page, a filter that is not a date is refused next to its field, the CSV downloads; a company
 * administrator sees their company's records only.
 */
class AuditLogInTheBrowserTest extends BrowserTest {

    @Test
    void theCircuitAdministratorFindsWhoChangedAndWhoReadAMemberOnAPhone() {
        World w = fixtures.world(api);
        long[] shop = w.company("Audit");
        long member = w.enrol(w.asAdmin(), "audited").path("id").asLong();
        assertThat(w.asAdmin().patch("/api/v1/members/" + member, Map.of("city", "Bari")).status()).isEqualTo(200);

        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/members/" + member));
        page.navigate(url("/admin"));
        page.getByRole(AriaRole.LINK, named("Registro attività")).click();
        assertThat(page.locator("h1")).hasText("Registro attività");
        page.locator("#entityId").fill(String.valueOf(member));
        page.getByRole(AriaRole.BUTTON, named("Mostra")).click();
        assertThat(page.locator("#records")).containsText("PATCH /api/v1/members/{id}");
        assertThat(page.locator("#records")).containsText("city");
        assertThat(page.locator("#records")).containsText("Consultazione di dati personali");
        assertThat(page.locator("#records")).containsText("GET /members/{id}");
        assertThat(fitsTheScreen(page)).as("nothing wider than the phone").isTrue();
        Browser.screenshot(page, "audit-phone-it");

        page.locator("#action").selectOption("READ");
        page.getByRole(AriaRole.BUTTON, named("Mostra")).click();
        assertThat(page.locator("#records")).not().containsText("PATCH");

        page.locator("#from").evaluate("e => { e.type = 'text'; e.value = 'ieri'; }");
        page.getByRole(AriaRole.BUTTON, named("Mostra")).click();
        assertThat(page.locator("#from-error")).isVisible();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCompanyAdministratorSeesTheirCompanysRecordsAndDownloadsThem() throws Exception {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Api.Login ownAdmin = w.operator("COMPANY_ADMIN", own[0], null);
        Api.Login otherAdmin = w.operator("COMPANY_ADMIN", other[0], null);
        w.enrol(w.as(ownAdmin), "mine");
        long theirs = w.enrol(w.as(otherAdmin), "theirs").path("id").asLong();

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), ownAdmin);
        page.getByRole(AriaRole.LINK, named("Audit log")).click();
        assertThat(page.locator("#records")).containsText("POST /api/v1/members");
        assertThat(page.locator("#records")).not().containsText(String.valueOf(theirs));
        var download = page.waitForDownload(() -> page.locator("#download").click());
        String csv = Files.readString(download.path());
        assertThat(csv).startsWith("at,action,actor_kind,actor").contains("POST /api/v1/members");
        Browser.screenshot(page, "audit-desktop-en");
        assertThat(browser.errors()).isEmpty();
    }

    private static boolean fitsTheScreen(Page page) {
        return CircuitDashboardInTheBrowserTest.fitsTheScreen(page);
    }
}
