package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every back-office page, opened by every role, and by the administrator of another circuit: the server answers
 * what the role may see (200), refuses the rest (403), and hides other tenants' things (404).
 */
class PageAccessTest extends BrowserTest {


    @Test
    void eachRoleOpensOnlyThePagesOfItsWorkAndNoOtherTenantsThings() {
        World w = fixtures.world(api);
        long[] shop = w.company("Access");
        long[] otherShop = w.company("Other");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Api.Login otherTill = w.operator("STORE_OPERATOR", null, otherShop[1]);
        long memberId = w.enrol(w.as(till), "access").path("id").asLong();
        long tillId = w.asAdmin().get("/api/v1/operators").json().valueStream()
                .filter(o -> o.path("email").asString().equals(till.email())).findFirst().orElseThrow().path("id").asLong();
        long otherTillId = w.asAdmin().get("/api/v1/operators").json().valueStream()
                .filter(o -> o.path("email").asString().equals(otherTill.email())).findFirst().orElseThrow().path("id").asLong();
        World stranger = fixtures.world(api);

        List<String> pages = List.of("/platform", "/admin", "/admin/legal", "/admin/operators/" + tillId,
                "/admin/operators/" + otherTillId, "/admin/stores/" + shop[1], "/admin/stores/" + otherShop[1],
                "/budgets", "/budgets/" + shop[0], "/budgets/" + otherShop[0], "/company", "/members",
                "/members/" + memberId, "/members/" + memberId + "/profile", "/counter", "/counter/enrol", "/stores/" + shop[1] + "/poster",
                "/stores/" + otherShop[1] + "/poster", "/admin/program", "/admin/circuit", "/company/connections",
                "/admin/companies", "/admin/companies/" + shop[0], "/admin/companies/" + otherShop[0], "/admin/operators");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 403, 200, 200, 200, 200, 200, 200, 200, 200, 200,
                403, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403, 200, 404, 200, 404, 200,
                200, 404, 200, 200, 200, 200, 200, 200, 200, 404, 403, 403, 200, 403, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403, 403, 403, 403, 403, 403, 403,
                403, 403, 403, 403, 200, 200, 200, 404, 403, 403, 403, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 403, 200, 200, 404, 404, 404, 404, 200,
                404, 404, 403, 200, 404, 404, 200, 200, 404, 404, 200, 200, 200, 200, 404, 404, 200));
    }

    @Test
    void theCardPageIsForAdministratorsAndTheStoreOperatorsWhoSeeTheMember() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Cards");
        long[] otherShop = w.company("Elsewhere");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        Api.Login otherTill = w.operator("STORE_OPERATOR", null, otherShop[1]);
        long memberId = w.enrol(w.as(till), "card-access").path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/members/" + memberId + "/card");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(otherTill, pages)).as("companies kept apart").isEqualTo(expect(pages, 404));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 404));
    }

    @Test
    void onlyTheCircuitAdministratorOpensThePlansPageAndOnlyThePlansOfTheirCircuit() {
        World w = fixtures.world(api);
        long[] shop = w.company("Access");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "price", "10",
                "period", "MONTHLY")).json().path("id").asLong();
        World stranger = fixtures.world(api);

        List<String> pages = List.of("/admin/memberships", "/admin/memberships/" + plan);
        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404));
    }

    @Test
    void theTiersPageIsTheCircuitAdministratorsAndATierOfAnotherCircuitIsNotFound() {
        World w = fixtures.world(api);
        long[] shop = w.company("Tiers");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long tier = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "threshold", 100)).json().path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/tiers", "/admin/tiers?edit=" + tier);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404));
    }

    @Test
    void onlyTheCircuitAdministratorOpensTheBadgesPagesAndNeverAnotherCircuitsBadge() {
        World w = fixtures.world(api);
        long[] shop = w.company("Badges");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long badge = w.asAdmin().post("/api/v1/badges", Map.of("nameEn", "Gold", "pointsFrom", 0)).json()
                .path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/badges", "/admin/badges/" + badge);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404));
    }

    @Test
    void rewardAndVoucherPagesOpenForTheRolesThatWorkWithThem() {
        World w = fixtures.world(api);
        long[] shop = w.company("Rewards");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 10)).json().path("id").asLong();
        World stranger = fixtures.world(api);

        List<String> pages = List.of("/admin/rewards", "/admin/rewards/new", "/admin/rewards/" + reward, "/vouchers",
                "/counter/vouchers");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403, 200, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403, 200));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 404, 200, 200));
    }

    @Test
    void invoicesAreListedAndDownloadedByTheCircuitAndByTheirOwnCompanyOnly() {
        World w = fixtures.world(api);
        long[] billed = w.company("Billed");
        long shop = billed[0];
        long otherShop = w.company("Other")[0];
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop, null);
        Api.Login otherAdmin = w.operator("COMPANY_ADMIN", otherShop, null);
        Api.Login till = w.operator("STORE_OPERATOR", null, billed[1]);
        w.asAdmin().put("/api/v1/circuit/billing", Map.of("pricePerThousand", "10"));
        long[] invoices = new long[2];
        List<Api.Login> buyers = List.of(companyAdmin, otherAdmin);
        for (int i = 0; i < 2; i++) {
            long request = w.as(buyers.get(i)).post("/api/v1/recharge-requests", Map.of("points", 1000)).json()
                    .path("id").asLong();
            w.asAdmin().post("/api/v1/recharge-requests/" + request + "/approval", Map.of());
            invoices[i] = w.as(buyers.get(i)).get("/api/v1/invoices").json().path("items").get(0).path("id").asLong();
        }
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/invoices", "/invoices/" + invoices[0] + "/pdf", "/invoices/" + invoices[1] + "/pdf",
                "/invoices/csv", "/budgets/" + shop);

        assertThat(fetched(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200));
        assertThat(fetched(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 404, 200, 200));
        assertThat(fetched(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403, 403));
        assertThat(fetched(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 404, 200, 404));
    }

    /** Like {@link #statuses}, but fetched with the signed-in page's cookies: a PDF download is not a navigation. */
    private Map<String, Integer> fetched(Api.Login login, List<String> pages) {
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, "http://localhost:" + port, login);
        page.waitForURL(u -> !u.endsWith("/login"));
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String path : pages) {
            statuses.put(path, page.request().get("http://localhost:" + port + path).status());
        }
        page.context().close();
        return statuses;
    }

    private Map<String, Integer> statuses(Api.Login login, List<String> pages) {
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, "http://localhost:" + port, login);
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String path : pages) {
            statuses.put(path, page.navigate("http://localhost:" + port + path).status());
        }
        page.context().close();
        return statuses;
    }

    private static Map<String, Integer> expect(List<String> pages, int... statuses) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            expected.put(pages.get(i), statuses[i]);
        }
        return expected;
    }

    @Test
    void theWalletPagesAreForAdministratorsAndTheProgramSettingsForTheCircuitAdministrator() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Wallets");
        long[] otherShop = w.company("Elsewhere");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login otherCompanyAdmin = w.operator("COMPANY_ADMIN", otherShop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long memberId = w.enrol(w.as(till), "wallet-access").path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/cashback", "/members/" + memberId + "/wallet");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 200));
        assertThat(statuses(otherCompanyAdmin, pages)).as("companies kept apart").isEqualTo(expect(pages, 403, 404));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).as("their own circuit's settings, not our member")
                .isEqualTo(expect(pages, 200, 404));
    }

    @Test
    void onlyTheCircuitAdministratorOpensTheCouponCampaignPagesAndNeverAnotherCircuitsCampaign() {
        World w = fixtures.world(api);
        long[] shop = w.company("Campaigns");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long campaign = w.asAdmin().post("/api/v1/campaigns", Map.of("name", "Summer", "gives", "FREE_SHIPPING",
                "validFrom", "2026-01-01T00:00:00Z", "validUntil", "2036-01-01T00:00:00Z", "codeMode", "SHARED",
                "sharedCode", "SUMMER" + (System.nanoTime() % 10000))).json().path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/" + campaign,
                "/admin/campaigns/" + campaign + "/print");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 404, 404));
    }

    @Test
    void aCompanysOwnBillingPageIsForItsAdministratorOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Billing");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/company/billing");

        assertThat(statuses(w.admin, pages)).as("the circuit's own is on the company page").isEqualTo(expect(pages, 403));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 403));
    }

    @Test
    void onlyTheCircuitAdministratorOpensTheReferralPageAndTheMembersReferralShowsToWhoeverSeesTheMember() {
        World w = fixtures.world(api);
        long[] shop = w.company("Referral");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        assertThat(w.asAdmin().put("/api/v1/referral/settings",
                org.loyaltyhub.support.ReferralSteps.settings(Map.of())).status()).isEqualTo(200);
        var member = w.enrol(w.as(till), "referral-access");
        long memberId = member.path("id").asLong();
        String card = member.path("card").path("number").asString();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/referral", "/members/" + memberId, "/counter?q=" + card);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 200, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 200));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 200));
    }

    @Test
    void theCircuitsAnalyticsAreForItsAdministratorAndACompanysForItsAdministrator() {
        World w = fixtures.world(api);
        long[] shop = w.company("Analytics");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/analytics", "/company/analytics",
                "/admin/analytics?from=2026-01-01&to=2026-03-31");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 403, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 200, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 403, 200));
    }
}
