package org.loyaltyhub.marketing;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.ActivePromotions;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's Messages page lists, beside the messages, the promotions that apply to them (issue 13 §4): those for
 * everyone and those for a segment they are in, never one for a segment they are not in.
 */
class PromotionsForTheMemberInTheBrowserTest extends BrowserTest {

    @Autowired
    ActivePromotions promotions;

    @Test
    void theMessagesPageShowsTheCustomerThePromotionsForEveryoneAndForTheirSegmentOnly() {
        World w = fixtures.world(api);
        Api.Response milanese = w.asAdmin().post("/api/v1/segments", SegmentingMembersTest.segment("Milanese", "ALL",
                List.of(SegmentingMembersTest.condition("CITY", "ANY_OF", List.of("milano"), null))));
        assertThat(milanese.status()).as(milanese.toString()).isEqualTo(201);
        long segment = milanese.json().path("id").asLong();
        long forAll = PromotionsForASegmentTest.activeOne(w, PromotionsForASegmentTest.promotion("Everyone's week", null));
        long forMilan = PromotionsForASegmentTest.activeOne(w, PromotionsForASegmentTest.promotion("Milan week", segment));

        String email = Fixtures.unique("inbox-promo") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "promo-password-12");
        long member = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(promotions.running(w.circuitId, member)).extracting(ActivePromotions.Summary::id)
                .containsExactly(forAll);

        phone.navigate(url("/c/" + w.circuitId + "/my/messages"));
        assertThat(phone.locator("#promotions-for-you")).hasText("Promotions for you");
        assertThat(phone.locator("#promotion-" + forAll)).containsText("Everyone's week");
        assertThat(phone.locator("#promotion-" + forMilan)).hasCount(0);

        // moving to Milano puts the customer in the segment: its promotion is theirs from then on
        Api.Response moved = w.asAdmin().patch("/api/v1/members/" + member, Map.of("city", "Milano"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(promotions.running(w.circuitId, member)).extracting(ActivePromotions.Summary::id)
                .containsExactlyInAnyOrder(forAll, forMilan);
        phone.reload();
        assertThat(phone.locator("#promotion-" + forMilan)).containsText("Milan week");
        phone.navigate(url("/c/" + w.circuitId + "/my/promotions"));
        assertThat(phone.locator("#promotion-" + forMilan)).containsText("Milan week");
        assertThat(browser.errors()).isEmpty();
    }
}
