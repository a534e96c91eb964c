package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 12's forms keep what the API defined: a promotion targeted at a segment, a tier and a company with two
 * conditions on the event's attributes, and a funnel with three effects and two attribute conditions, saved from their
 * pages with only the name changed, read back through the API unchanged but for the name. A segment chosen on the page
 * becomes the target; a broken condition is refused next to its row and nothing is written.
 */
class CampaignFormsKeepWhatTheApiDefinedInTheBrowserTest extends BrowserTest {

    private static final List<Map<String, Object>> REVIEW_CONDITIONS = List.of(
            Map.of("attribute", "rating", "op", "AT_LEAST", "values", List.of("4")),
            Map.of("attribute", "channel", "op", "ONE_OF", "values", List.of("app, web", "shop")));

    @Test
    void savingAPromotionFromItsPageChangesOnlyItsNameAndASegmentChosenThereBecomesItsTarget() {
        World w = fixtures.world(api);
        long[] shop = w.company("Forms");
        long gold = tier(w);
        long milanese = segment(w, "Milanese", "milano");
        long romans = segment(w, "Romans", "roma");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Good reviews", "priority", 7, "stacking", "EXCLUSIVE",
                "validFrom", "2026-01-01T08:30:15.250Z", "validUntil", "2030-01-01T00:00:00Z",
                "trigger", Map.of("type", "EVENT", "eventType", "review", "attributeConditions", REVIEW_CONDITIONS),
                "effect", Map.of("type", "FIXED_POINTS", "points", 25),
                "limits", Map.of("perMember", 2, "period", "MONTH", "budgetPoints", 1000)));
        body.put("target", Map.of("segmentId", milanese, "tierIds", List.of(gold), "companyIds", List.of(shop[0]),
                "storeIds", List.of(shop[1]), "channels", List.of("pos", "shopify")));
        Api.Response created = w.asAdmin().post("/api/v1/promotions", body);
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        JsonNode before = definition(w, "/api/v1/promotions/" + id);

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/promotions/" + id));
        assertThat(page.locator("#segmentId")).hasValue(String.valueOf(milanese));
        assertThat(page.locator("#tierIds-" + gold)).isChecked();
        assertThat(page.locator("#companyIds-" + shop[0])).isChecked();
        assertThat(page.locator("#attributeValue1")).hasValue("app, web, shop");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Good reviews, renamed");
        page.locator("#save").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        org.assertj.core.api.Assertions.assertThat(definition(w, "/api/v1/promotions/" + id))
                .isEqualTo(((ObjectNode) before.deepCopy()).put("name", "Good reviews, renamed"));

        page.locator("#attribute2").fill("colour");
        page.locator("#attributeValue2").fill("red");
        page.locator("#save").click();
        assertThat(page.locator("#attribute2-error")).containsText("Name an attribute of the event type");
        org.assertj.core.api.Assertions.assertThat(definition(w, "/api/v1/promotions/" + id).path("trigger")
                .path("attributeConditions").size()).isEqualTo(2);

        page.locator("#attribute2").fill("productId");
        page.locator("#attributeValue2").fill("sku-1");
        page.locator("#segmentId").selectOption(String.valueOf(romans));
        page.locator("#save").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        JsonNode after = definition(w, "/api/v1/promotions/" + id);
        org.assertj.core.api.Assertions.assertThat(after.path("target").path("segmentId").asLong()).isEqualTo(romans);
        org.assertj.core.api.Assertions.assertThat(after.path("target").path("tierIds").get(0).asLong()).isEqualTo(gold);
        org.assertj.core.api.Assertions.assertThat(after.path("trigger").path("attributeConditions").get(2)
                .path("attribute").asString()).isEqualTo("productId");
        assertThat(page.locator("#attribute3")).hasValue("");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/promotions/" + id));
        assertThat(phone.locator("#promotion-form")).containsText("A chi e dove");
        assertThat(phone.locator("#event-conditions")).containsText("Attributo della condizione 4");
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone's width").isTrue();
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }

    @Test
    void savingAFunnelFromItsPageKeepsItsThreeEffectsAndItsAttributeConditions() {
        World w = fixtures.world(api);
        long gold = tier(w);
        long milanese = segment(w, "Milanese", "milano");
        Map<String, Object> message = Map.of("type", "MESSAGE", "message", Map.of("subjectIt", "Grazie {first_name}",
                "bodyIt", "Hai {balance} punti", "subjectEn", "Thanks {first_name}", "bodyEn", "You have {balance} points"));
        Api.Response created = w.asAdmin().post("/api/v1/funnels", Map.of("name", "After a good review",
                "trigger", Map.of("type", "EVENT", "eventType", "review", "attributeConditions", REVIEW_CONDITIONS),
                "filters", Map.of("minBalance", 10, "maxBalance", 5000, "tierId", gold, "segmentId", milanese, "tag", "vip"),
                "delayDays", 2, "unlessPurchased", true,
                "effects", List.of(Map.of("type", "FIXED_POINTS", "points", 10), Map.of("type", "TAG", "tag", "reviewer"),
                        message)));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        JsonNode before = definition(w, "/api/v1/funnels/" + id);

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/funnels/" + id));
        assertThat(phone.locator("#effects")).containsText("Effetto 3");
        assertThat(phone.locator("#effectType2")).hasValue("MESSAGE");
        assertThat(phone.locator("#subjectEn2")).hasValue("Thanks {first_name}");
        assertThat(phone.locator("#attribute1")).hasValue("channel");
        assertThat(phone.locator("#segmentId")).hasValue(String.valueOf(milanese));
        assertThat(phone.locator("#tierId option:checked")).hasText("Oro");
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone's width").isTrue();

        phone.locator("#attributeValue0").fill("many");
        phone.locator("#name").fill("After a good review, renamed");
        phone.locator("#save").click();
        assertThat(phone.locator("#attributeValue0-error")).containsText("un numero per almeno");
        org.assertj.core.api.Assertions.assertThat(definition(w, "/api/v1/funnels/" + id)).isEqualTo(before);

        phone.locator("#attributeValue0").fill("4");
        phone.locator("#save").click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Salvato.");
        Browser.screenshot(phone, "funnel-every-effect-phone-it");
        org.assertj.core.api.Assertions.assertThat(definition(w, "/api/v1/funnels/" + id))
                .isEqualTo(((ObjectNode) before.deepCopy()).put("name", "After a good review, renamed"));
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }

    private static JsonNode definition(World w, String path) {
        Api.Response r = w.asAdmin().get(path);
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("definition");
    }

    private static long tier(World w) {
        Api.Response policy = w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window",
                "LIFETIME", "downgrade", "NEVER", "graceDays", 0));
        org.assertj.core.api.Assertions.assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Api.Response gold = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "nameIt", "Oro",
                "colour", "#c9a227", "threshold", 0, "earnMultiplier", "1", "redeemExtraPercent", 0));
        org.assertj.core.api.Assertions.assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        return gold.json().path("id").asLong();
    }

    private static long segment(World w, String name, String city) {
        Api.Response s = w.asAdmin().post("/api/v1/segments", Map.of("name", name, "match", "ALL", "groups",
                List.of(Map.of("match", "ALL", "conditions", List.of(Map.of("field", "CITY", "operator", "ANY_OF",
                        "values", List.of(city)))))));
        org.assertj.core.api.Assertions.assertThat(s.status()).as(s.toString()).isEqualTo(201);
        return s.json().path("id").asLong();
    }
}
