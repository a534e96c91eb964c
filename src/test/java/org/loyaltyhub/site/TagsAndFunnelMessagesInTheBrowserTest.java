package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 12 in the back office: a segment by tag with its live count; a segment a funnel uses is kept, the funnel
 * linked; a funnel that sends a message, written in both languages, refused next to the field with a bad shortcode.
 */
class TagsAndFunnelMessagesInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorCountsTheTaggedMembersAndCannotDeleteTheSegmentAFunnelUses() {
        World w = fixtures.world(api);
        Api.Response promotion = w.asAdmin().post("/api/v1/promotions", Map.of("name", "Tag reviewers", "priority", 1,
                "validFrom", "2026-01-01T00:00:00Z", "trigger", Map.of("type", "EVENT", "eventType", "review"),
                "effect", Map.of("type", "TAG", "tag", "reviewer")));
        w.asAdmin().post("/api/v1/promotions/" + promotion.json().path("id").asLong() + "/activate", Map.of());
        for (int i = 0; i < 3; i++) {
            long m = w.enrol(w.asAdmin(), Map.of("email", Fixtures.unique("t" + i) + "@member.test")).path("id").asLong();
            if (i < 2) {
                w.asAdmin().post("/api/v1/events", Map.of("eventId", "r-" + i, "type", "review", "memberId", m,
                        "attributes", Map.of("rating", 5)));
            }
        }

        Page page = browser.phone("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/segments/new"));
        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-c0-field").selectOption("TAG"));
        Browser.answered(page, "/admin/segments/editor", () -> {
            page.locator("#g0-c0-value").fill("Reviewer");
            page.locator("#g0-c0-value").press("Tab");
        });
        assertThat(page.locator("#segment-count")).hasText("2 members");
        Browser.answered(page, "/admin/segments/editor", () -> page.locator("#g0-c0-operator").selectOption("NONE_OF"));
        assertThat(page.locator("#segment-count")).hasText("one member");
        page.locator("#name").fill("Not reviewers");
        page.locator("#save").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS).first()).hasText("Segment saved.");
        long segment = Long.parseLong(page.url().replaceAll(".*/admin/segments/(\\d+).*", "$1"));

        Api.Response funnel = w.asAdmin().post("/api/v1/funnels", Map.of("name", "Ask for a review", "trigger",
                Map.of("type", "ENROLMENT"), "filters", Map.of("segmentId", segment), "effects",
                List.of(Map.of("type", "TAG", "tag", "asked"))));
        org.assertj.core.api.Assertions.assertThat(funnel.status()).as(funnel.toString()).isEqualTo(201);
        page.navigate(url("/admin/segments/" + segment));
        page.locator("#delete").click();
        assertThat(page.locator("#in-use")).containsText("Funnel \"Ask for a review\"");
        page.locator("#in-use a").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/funnels/" + funnel.json().path("id").asLong()
                + "$"));
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anAdministratorWritesAFunnelThatSendsAMessageInBothLanguages() {
        World w = fixtures.world(api);
        Page page = browser.desktop("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/funnels/new"));
        page.locator("#name").fill("Benvenuto");
        page.locator("#effectType0").selectOption("MESSAGE");
        page.locator("#subjectIt0").fill("Benvenuto {first_name}");
        page.locator("#bodyIt0").fill("Ciao {nome}");
        page.locator("#subjectEn0").fill("Welcome {first_name}");
        page.locator("#bodyEn0").fill("Hello {first_name}");
        page.locator("#save").click();
        assertThat(page.locator("#bodyIt0-error")).isVisible();
        assertThat(page.locator("#subjectEn0")).hasValue("Welcome {first_name}");

        page.locator("#bodyIt0").fill("Ciao {first_name}, hai {balance} punti");
        page.locator("#save").click();
        assertThat(page.locator("#rule")).containsText("message \"Welcome {first_name}\"");
        assertThat(page.locator("#bodyIt0")).hasValue("Ciao {first_name}, hai {balance} punti");
        assertThat(page.locator("#effectType0")).hasValue("MESSAGE");
        Browser.screenshot(page, "funnel-message");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
