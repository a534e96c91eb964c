package org.loyaltyhub.site;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.nio.file.Files;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The circuit administrator builds a segment condition by condition, sees the count change as it goes, saves it,
 * lists its members and exports them; the list reads in Italian on a phone.
 */
class SegmentsInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorBuildsASegmentSeesTheCountChangeListsItsMembersAndExportsThem() throws Exception {
        World w = fixtures.world(api);
        String ada = Fixtures.unique("ada") + "@member.test";
        w.enrol(w.asAdmin(), Map.of("firstName", "Ada", "lastName", "Rossi", "email", ada, "city", "Milano",
                "gender", "FEMALE"));
        w.enrol(w.asAdmin(), Map.of("firstName", "Carlo", "lastName", "Neri", "city", "Milano", "gender", "MALE",
                "email", Fixtures.unique("carlo") + "@member.test"));
        w.enrol(w.asAdmin(), Map.of("firstName", "Bruna", "lastName", "Verdi", "city", "Roma", "gender", "FEMALE",
                "email", Fixtures.unique("bruna") + "@member.test"));
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("Segments").setExact(true)).click();
        assertThat(page.locator("main")).containsText("No segment yet.");
        page.getByRole(AriaRole.LINK, named("New segment")).click();
        assertThat(page.locator("#segment-count")).containsText("Complete the conditions");

        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-c0-field").selectOption("CITY"));
        Browser.answered(page, "/admin/segments/editor", () -> {
            page.locator("#g0-c0-value").fill("milano");
            page.locator("#g0-c0-value").press("Tab");
        });
        assertThat(page.locator("#segment-count")).hasText("2 members");

        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#add-0").click());
        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-c1-field").selectOption("GENDER"));
        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-c1-value").selectOption("FEMALE"));
        assertThat(page.locator("#segment-count")).hasText("one member");

        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-match").selectOption("ANY"));
        assertThat(page.locator("#segment-count")).hasText("3 members");
        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-match").selectOption("ALL"));
        assertThat(page.locator("#segment-count")).hasText("one member");

        page.getByRole(AriaRole.BUTTON, named("Save the segment")).click();
        assertThat(page.locator("#name-error")).hasText("Give a name of 1 to 120 characters.");
        page.locator("#name").fill("Women of Milano");
        page.getByRole(AriaRole.BUTTON, named("Save the segment")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Segment saved.");

        page.locator("#members").click();
        assertThat(page.locator("#members-total")).hasText("one member");
        assertThat(page.locator("#segment-members")).containsText("Ada Rossi");
        Download download = page.waitForDownload(() -> page.locator("#csv").click());
        String csv = Files.readString(download.path());
        assertThat(page.locator("#segment-members")).not().containsText("Bruna");
        org.assertj.core.api.Assertions.assertThat(csv).contains(ada).doesNotContain("Bruna", "Carlo");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/segments"));
        assertThat(phone.locator("h1")).hasText("Segmenti");
        assertThat(phone.locator("#segments")).containsText("Women of Milano");
        assertThat(phone.locator("#segments .total")).hasText("1");
        phone.locator("#segments a").first().click();
        assertThat(phone.locator("#segment-count")).containsText("un cliente");
        Browser.screenshot(phone, "segment-editor-phone");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }

    @Test
    void deletingASegmentAPromotionTargetsShowsThePromotionAndKeepsTheSegment() {
        World w = fixtures.world(api);
        long segment = w.asAdmin().post("/api/v1/segments", Map.of("name", "Milanese", "match", "ALL", "groups",
                java.util.List.of(Map.of("match", "ALL", "conditions", java.util.List.of(Map.of("field", "CITY",
                        "operator", "ANY_OF", "values", java.util.List.of("milano"))))))).json().path("id").asLong();
        var promotion = w.asAdmin().post("/api/v1/promotions", Map.of("name", "Milan week", "priority", 10,
                "validFrom", java.time.Instant.now().toString(), "target", Map.of("segmentId", segment),
                "trigger", Map.of("type", "PURCHASE", "conditions", java.util.List.of()),
                "effect", Map.of("type", "FIXED_POINTS", "points", 50)));
        org.assertj.core.api.Assertions.assertThat(promotion.status()).as(promotion.toString()).isEqualTo(201);

        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/segments/" + segment));
        page.locator("#delete").click();
        assertThat(page.locator("#in-use")).containsText("Promozione \"Milan week\"");
        page.locator("#in-use a").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/promotions/" + promotion.json().path("id")
                .asLong() + "$"));
        page.navigate(url("/admin/segments"));
        assertThat(page.locator("#segments")).containsText("Milanese");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
