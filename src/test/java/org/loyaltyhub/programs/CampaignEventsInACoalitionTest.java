package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a coalition that enforces budgets (issue 12 §2 "the company budget in coalitions"), an event that happened at a
 * company pays its promotions' points from that company's budget and stops at what is left, as a purchase does; an
 * event at no company, a date or a schedule is paid from the circuit's issuance.
 */
class CampaignEventsInACoalitionTest extends IntegrationTest {

    @Test
    void anEventAtACompanyIsPaidFromItsBudgetAndStopsAtWhatIsLeft() {
        World w = fixtures.world(api, false, true);
        long[] bar = w.company("Bar");
        long[] shop = w.company("Shop");
        w.recharge(bar[0], 50);
        w.recharge(shop[0], 500);
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        long m = w.enrol(barTill, "coalition-wifi").path("id").asLong();
        PromotionsTest.activeOne(w, CampaignEventsTest.onEvent("Wifi +30", "wifi_login", List.of(),
                Map.of("type", "FIXED_POINTS", "points", 30)));

        CampaignEventsTest.event(barTill, "c-1", m, "wifi_login", Map.of());
        assertThat(w.budget(bar[0])).as("the bar's key: the bar pays").isEqualTo(20);
        Api.Response capped = CampaignEventsTest.event(barTill, "c-2", m, "wifi_login", Map.of());
        assertThat(capped.json().path("outcomes").toString()).contains("+20 points");
        Api.Response spent = CampaignEventsTest.event(barTill, "c-3", m, "wifi_login", Map.of());
        assertThat(spent.json().path("outcomes").toString()).contains("COMPANY_BUDGET_SPENT");
        assertThat(w.available(m)).isEqualTo(50);
        assertThat(w.budget(bar[0])).isZero();

        CampaignEventsTest.event(w.asAdmin(), "c-4", m, "wifi_login", Map.of("storeId", shop[1]));
        assertThat(w.budget(shop[0])).as("the store named: its company pays").isEqualTo(470);
        CampaignEventsTest.event(w.asAdmin(), "c-5", m, "wifi_login", Map.of());
        assertThat(w.available(m)).as("at no company: the circuit's issuance").isEqualTo(110);
        assertThat(w.budget(shop[0])).isEqualTo(470);
        w.assertBooksBalance();
    }

    @Test
    void aStoreTheCallerDoesNotActForOrNoStoreOfTheCircuitIsRefusedAndNothingIsWritten() {
        World w = fixtures.world(api, false, true);
        long[] bar = w.company("Bar");
        long[] shop = w.company("Shop");
        w.recharge(shop[0], 100);
        Api barTill = api.withKey(w.apiKey(bar[0], bar[1]));
        long m = w.enrol(barTill, "coalition-stranger").path("id").asLong();
        PromotionsTest.activeOne(w, CampaignEventsTest.onEvent("Check-in +10", "store_checkin", List.of(),
                Map.of("type", "FIXED_POINTS", "points", 10)));

        Api.Response other = CampaignEventsTest.event(barTill, "s-1", m, "store_checkin", Map.of("storeId", shop[1]));
        assertThat(other.status()).as(other.toString()).isEqualTo(400);
        assertThat(other.body()).contains("attributes.storeId");
        Api.Response unknown = CampaignEventsTest.event(w.asAdmin(), "s-2", m, "store_checkin",
                Map.of("storeId", Long.MAX_VALUE));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(w.budget(shop[0])).isEqualTo(100);
        assertThat(w.available(m)).isZero();
        assertThat(w.asAdmin().get("/api/v1/events?memberId=" + m).json().size()).as("nothing recorded").isZero();
    }
}
