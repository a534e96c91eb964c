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

    @Test
    void aMembersInvoicesAreDownloadedByTheCircuitsAdministratorOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Club");
        long member = w.enrol(w.asAdmin(), "invoiced").path("id").asLong();
        long plan = w.asAdmin().post("/api/v1/membership-plans", Map.of("nameEn", "Premium", "nameIt", "Premium",
                "price", "29.00", "period", "MONTHLY")).json().path("id").asLong();
        w.asAdmin().post("/api/v1/members/" + member + "/memberships", Map.of("planId", plan, "paymentMethod", "CASH",
                "receiptNumber", "PM-1", "storeId", shop[1]));
        long invoice = w.asAdmin().get("/api/v1/members/" + member + "/invoices").json().get(0).path("id").asLong();
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/invoices/" + invoice + "/pdf", "/invoices");

        assertThat(fetched(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(fetched(companyAdmin, pages)).isEqualTo(expect(pages, 404, 200));
        assertThat(fetched(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(fetched(stranger.admin, pages)).isEqualTo(expect(pages, 404, 200));
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

    @Test
    void theClearingPageAndItsChartAreForAdministratorsOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Clearing");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        // the CSV and PDF are downloads, which a browser does not open as pages: the API's role matrix covers them
        List<String> pages = List.of("/clearing", "/clearing?month=2020-01", "/clearing/chart.svg");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
    }

    @Test
    void theClearingDownloadsAreForAdministratorsAndACompanyAdministratorGetsOnlyItsOwnStatement() {
        World w = fixtures.world(api);
        long[] shop = w.company("Clearing");
        long[] otherShop = w.company("Other");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/clearing/csv", "/clearing/statement?companyId=" + shop[0],
                "/clearing/statement?companyId=" + otherShop[0]);
        String own = "200 clearing-" + shop[0] + "-";
        String other = "200 clearing-" + otherShop[0] + "-";

        assertThat(downloads(w.admin, pages)).containsExactly("200", own, other);
        assertThat(downloads(companyAdmin, pages)).as("another company's statement is never given: its own instead")
                .containsExactly("200", own, own);
        assertThat(downloads(till, pages)).containsExactly("403", "403", "403");
        assertThat(downloads(stranger.admin, pages)).as("their own circuit's CSV; our companies are not found")
                .containsExactly("200", "404", "404");
    }

    /** Each download's status and, for a statement, the start of the file name it comes as. */
    private List<String> downloads(Api.Login login, List<String> paths) {
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, "http://localhost:" + port, login);
        page.waitForURL(u -> !u.endsWith("/login"));
        List<String> seen = paths.stream().map(path -> {
            var r = page.request().get("http://localhost:" + port + path);
            String file = r.headers().getOrDefault("content-disposition", "");
            return r.status() + (file.contains("clearing-") && file.endsWith(".pdf\"")
                    ? " " + file.replaceAll(".*(clearing-[0-9]+-).*", "$1") : "");
        }).toList();
        page.context().close();
        return seen;
    }

    @Test
    void theCounterWalletFormAnswersOnlyWhoSeesTheMemberAtAStoreAndAStrangerPaysNothing() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Wallets");
        long[] otherShop = w.company("Elsewhere");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long memberId = w.enrol(w.as(till), "counter-wallet").path("id").asLong();
        w.asAdmin().put("/api/v1/money-programs/CASHBACK", Map.of("enabled", true, "percent", "5", "minOrder", "0",
                "maxSharePercent", "100"));
        w.asAdmin().post("/api/v1/members/" + memberId + "/wallets/CASHBACK/adjustments", Map.of("direction", "CREDIT",
                "amount", Map.of("currency", "EUR", "amount", "5.00"), "note", "to spend"));
        Map<String, Api.Login> logins = new LinkedHashMap<>();
        logins.put("circuit administrator", w.admin);
        logins.put("company administrator", w.operator("COMPANY_ADMIN", shop[0], null));
        logins.put("another company's administrator", w.operator("COMPANY_ADMIN", otherShop[0], null));
        logins.put("store operator", till);
        logins.put("another circuit's administrator", fixtures.world(api).admin);
        // the circuit's administrator has no store to pay at: told so next to the form (it was a bare 400)
        List<String> expected = List.of("200 refused / 200 refused", "200 quoted / 200 paid", "404 / 404",
                "200 quoted / 200 paid", "404 / 404");

        int i = 0;
        for (var login : logins.entrySet()) {
            org.loyaltyhub.support.WebForms forms = org.loyaltyhub.support.WebForms.signedIn(port, login.getValue());
            var quote = forms.get("/counter/wallet?member=" + memberId + "&purpose=CASHBACK&total=10.00");
            var paid = forms.post("/counter/wallet", Map.of("member", String.valueOf(memberId), "purpose", "CASHBACK",
                    "total", "10.00", "amount", "1.00"));
            assertThat(walletAnswer(quote) + " / " + walletAnswer(paid)).as(login.getKey()).isEqualTo(expected.get(i++));
        }
        assertThat(w.asAdmin().get("/api/v1/members/" + memberId + "/wallets/CASHBACK").json().path("available")
                .path("amount").asString()).as("two payments of 1.00, none by a stranger").isEqualTo("3.00");
    }

    private static String walletAnswer(org.loyaltyhub.support.WebForms.Reply r) {
        String body = r.body();
        return r.status() + (r.status() != 200 ? "" : body.contains("id=\"wallet-paid\"") ? " paid"
                : body.contains("id=\"wallet-error\"") ? " refused" : body.contains("id=\"wallet-offer\"") ? " quoted" : " ?");
    }

    @Test
    void theAuditLogPageIsForCircuitAndCompanyAdministrators() {
        World w = fixtures.world(api);
        long[] shop = w.company("Audit");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/audit", "/admin/audit.csv");

        assertThat(fetched(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(fetched(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(fetched(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(fetched(stranger.admin, pages)).as("their own circuit's log").isEqualTo(expect(pages, 200, 200));
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
    void onlyTheCircuitAdministratorOpensThePromotionPagesAndNeverAnotherCircuitsPromotion() {
        World w = fixtures.world(api);
        long[] shop = w.company("Promotions");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long promotion = w.asAdmin().post("/api/v1/promotions", Map.of("name", "Access +5",
                "validFrom", "2026-01-01T00:00:00Z", "priority", 1, "trigger", Map.of("type", "PURCHASE"),
                "effect", Map.of("type", "FIXED_POINTS", "points", 5))).json().path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/promotions", "/admin/promotions/new", "/admin/promotions/" + promotion);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 404));
    }

    @Test
    void onlyTheCircuitAdministratorOpensTheEventAndFunnelPagesAndNeverAnotherCircuitsFunnel() {
        World w = fixtures.world(api);
        long[] shop = w.company("Funnels");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long funnel = w.asAdmin().post("/api/v1/funnels", Map.of("name", "Access funnel", "trigger",
                Map.of("type", "ENROLMENT"), "effects", List.of(Map.of("type", "FIXED_POINTS", "points", 5))))
                .json().path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/events", "/admin/funnels", "/admin/funnels/new", "/admin/funnels/" + funnel);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 404));
    }

    @Test
    void theMemberPagesShopCodeFormsAnswerOnlyTheAdministratorsWhoSeeTheMemberAndItsShop() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Web");
        long[] otherShop = w.company("Elsewhere");
        long memberId = w.enrol(w.asAdmin(), Map.of("email", "shop-forms@member.test", "storeId", shop[1]))
                .path("id").asLong();
        long connection = w.prestaShop(shop[0], "PSFORMS00001");
        w.asAdmin().post("/api/v1/members/" + memberId + "/adjustments",
                Map.of("direction", "CREDIT", "points", 100, "note", "n"));
        long reward = w.asAdmin().post("/api/v1/rewards", Map.of("kind", "FREE_SHIPPING", "titleEn", "Ship",
                "titleIt", "Spedizione", "points", 10)).json().path("id").asLong();
        String voucher = w.asAdmin().post("/api/v1/members/" + memberId + "/reward-claims",
                Map.of("rewardId", reward, "storeId", shop[1])).json().path("code").asString();
        World stranger = fixtures.world(api);
        Map<String, Api.Login> logins = new LinkedHashMap<>();
        logins.put("circuit administrator", w.admin);
        logins.put("company administrator", w.operator("COMPANY_ADMIN", shop[0], null));
        logins.put("another company's administrator", w.operator("COMPANY_ADMIN", otherShop[0], null));
        logins.put("store operator", w.operator("STORE_OPERATOR", null, shop[1]));
        logins.put("another circuit's administrator", stranger.admin);
        // who may reach the shop's own rule is sent back to the member's page with it (the shop has not seen them)
        List<String> expected = List.of("302 customer-not-in-shop", "302 customer-not-in-shop", "404", "403", "404");

        int i = 0;
        for (var login : logins.entrySet()) {
            org.loyaltyhub.support.WebForms forms = org.loyaltyhub.support.WebForms.signedIn(port, login.getValue());
            for (String form : List.of("wallet", "voucher")) {
                org.loyaltyhub.support.WebForms.Reply r = forms.post("/members/" + memberId + "/shop-codes/" + form,
                        Map.of("connectionId", String.valueOf(connection), "purpose", "CASHBACK", "code", voucher));
                String seen = r.status() == 302 ? "302 " + (r.header("Location").contains("shopError=")
                        ? r.header("Location").replaceAll(".*shopError=([a-z-]+).*", "$1") : r.header("Location"))
                        : String.valueOf(r.status());
                assertThat(seen).as(login.getKey() + " posts the " + form + " form").isEqualTo(expected.get(i));
            }
            i++;
        }
    }

    @Test
    void prepaidPagesOpenForAdministratorsAndTheCounterAndACardOnlyForItsSellerAndTheCircuit() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Prepaid");
        long[] otherShop = w.company("Elsewhere");
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "5", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login otherCompanyAdmin = w.operator("COMPANY_ADMIN", otherShop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long card = w.as(till).post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", "10"), "paymentMethod", "CASH", "receiptNumber", "PA-1"))
                .json().path("sale").path("giftCardId").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/prepaid", "/admin/prepaid/cards/" + card, "/counter/prepaid");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(otherCompanyAdmin, pages)).as("a card another company sold")
                .isEqualTo(expect(pages, 200, 404, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 200));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 200));
    }

    @Test
    void aPrepaidSalesPageOpensForItsCompanyAndTheCircuitAndItsFormsOnlyForWhoMayUseThem() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Prepaid");
        long[] otherShop = w.company("Elsewhere");
        w.asAdmin().put("/api/v1/prepaid/settings", Map.of("enabled", true, "minAmount", "5", "maxAmount", "500",
                "fixedAmounts", List.of(), "acceptedAt", "ALL", "acceptingCompanies", List.of()));
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login otherCompanyAdmin = w.operator("COMPANY_ADMIN", otherShop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long sale = w.as(till).post("/api/v1/prepaid/sales", Map.of("kind", "GIFT_CARD", "amount",
                Map.of("currency", "EUR", "amount", "10"), "paymentMethod", "CASH", "receiptNumber", "PS-1"))
                .json().path("sale").path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/prepaid/sales/" + sale);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(otherCompanyAdmin, pages)).as("a sale of another company").isEqualTo(expect(pages, 404));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 404));
        assertThat(forms(till, "/prepaid/sales/" + sale)).as("the seller voids").containsExactly("sale-void");
        assertThat(forms(companyAdmin, "/prepaid/sales/" + sale)).containsExactly("sale-void", "sale-refund");
        assertThat(forms(w.admin, "/prepaid/sales/" + sale)).as("the circuit only looks").isEmpty();
    }

    /** The ids of the forms a page shows the operator. */
    private List<String> forms(Api.Login login, String path) {
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, "http://localhost:" + port, login);
        page.navigate("http://localhost:" + port + path);
        List<String> ids = page.locator("main form").all().stream().map(f -> f.getAttribute("id")).toList();
        page.context().close();
        return ids;
    }

    @Test
    void segmentPagesAreForAdministratorsOnlyTheCircuitAdministratorOpensANewOneAndNeverAnotherCircuits() {
        World w = fixtures.world(api);
        long[] shop = w.company("Segments");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long segment = w.asAdmin().post("/api/v1/segments", Map.of("name", "Everyone", "match", "ALL", "groups",
                List.of(Map.of("match", "ALL", "conditions", List.of(Map.of("field", "POINTS_BALANCE",
                        "operator", "AT_LEAST", "values", List.of("0"))))))).json().path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/segments", "/admin/segments/new", "/admin/segments/" + segment,
                "/admin/segments/" + segment + "/members", "/admin/segments/" + segment + "/count");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 403, 200, 200, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 404, 404, 404));
    }

    @Test
    void theNotificationsPagesAreTheCircuitAdministratorsOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Notify");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/notifications", "/admin/notifications/POINTS_EARNED/templates",
                "/admin/notifications/NO_SUCH_KIND/templates");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 404));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 404));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 404));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 200, 404));
        String sms = "/admin/notifications/POINTS_EARNED/templates/it/sms";
        Map<String, String> text = Map.of("body", "+{points} {circuit_name}", "action", "save");
        assertThat(postedAs(w.admin, sms, text)).startsWith("302 /admin/notifications/POINTS_EARNED/templates");
        assertThat(postedAs(companyAdmin, sms, text)).isEqualTo("403");
        assertThat(postedAs(till, sms, text)).isEqualTo("403");
        assertThat(postedAs(stranger.admin, sms, text)).as("its own circuit's SMS")
                .startsWith("302 /admin/notifications/POINTS_EARNED/templates");
    }

    @Test
    void aNotificationSmsLeftUnknownIsSettledFromTheSmsPageByTheCircuitAdministratorOnly(
            @org.springframework.beans.factory.annotation.Autowired
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        World w = fixtures.world(api);
        long[] shop = w.company("Texting");
        long member = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("nsms")
                + "@member.test", "phone", "+393471234501")).path("id").asLong();
        long message = jdbc.sql("insert into sms_message (circuit_id, company_id, notification_kind, member_id, "
                        + "send_key, phone, body, segments, status, created_at, sending_at) values (:c, null, "
                        + "'POINTS_EARNED', :m, 'page-access', '+393471234501', 'Ciao', 1, 'UNKNOWN', now(), now()) "
                        + "returning id")
                .param("c", w.circuitId).param("m", member).query(Long.class).single();
        assertThat(statuses(w.admin, List.of("/admin/sms"))).isEqualTo(expect(List.of("/admin/sms"), 200));
        String path = "/admin/sms/notifications/" + message + "/settlement";
        Map<String, String> sent = Map.of("how", "SENT");
        assertThat(postedAs(w.operator("COMPANY_ADMIN", shop[0], null), path, sent)).isEqualTo("403");
        assertThat(postedAs(w.operator("STORE_OPERATOR", null, shop[1]), path, sent)).isEqualTo("403");
        assertThat(postedAs(fixtures.world(api).admin, path, sent)).as("another circuit's").isEqualTo("404");
        assertThat(postedAs(w.admin, path, sent)).startsWith("302 /admin/sms?settled=SENT");
    }

    @Test
    void theEmailCampaignPagesAreTheCircuitAdministratorsAndAnotherCircuitsCampaignIsNotFound() {
        World w = fixtures.world(api);
        long[] shop = w.company("Mailing");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        long campaign = w.asAdmin().post("/api/v1/email-campaigns", Map.of("name", "Sale", "filter", "Rossi",
                "subjectIt", "Saldi", "bodyIt", "Ciao", "subjectEn", "Sale", "bodyEn", "Hi")).json().path("id").asLong();
        List<String> pages = List.of("/admin/email-campaigns", "/admin/email-campaigns/" + campaign);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404));
    }

    @Test
    void theSmsPagesAreTheCompanyAdministratorsAndTheCreditsPageTheCircuitAdministrators() {
        World w = fixtures.world(api);
        long[] shop = w.company("Texting");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/company/sms", "/admin/sms");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 403, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 403, 200));
    }

    @Test
    void anInterruptedSmsIsSettledFromTheSmsPageByItsCompanysAdministratorOnly(
            @org.springframework.beans.factory.annotation.Autowired
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        World w = fixtures.world(api);
        long[] shop = w.company("Texting");
        long[] otherShop = w.company("Elsewhere");
        long member = w.enrol(w.asAdmin(), Map.of("email", org.loyaltyhub.support.Fixtures.unique("sms")
                + "@member.test", "phone", "+393471234500")).path("id").asLong();
        long message = jdbc.sql("insert into sms_message (circuit_id, company_id, member_id, send_key, phone, body, "
                        + "segments, status, created_at, sending_at) values (:c, :company, :m, 'page-access', "
                        + "'+393471234500', 'Ciao', 1, 'UNKNOWN', now(), now()) returning id")
                .param("c", w.circuitId).param("company", shop[0]).param("m", member).query(Long.class).single();
        Map<String, Api.Login> logins = new LinkedHashMap<>();
        logins.put("circuit administrator", w.admin);
        logins.put("another company's administrator", w.operator("COMPANY_ADMIN", otherShop[0], null));
        logins.put("store operator", w.operator("STORE_OPERATOR", null, shop[1]));
        logins.put("another circuit's administrator", fixtures.world(api).admin);
        logins.put("the company's administrator", w.operator("COMPANY_ADMIN", shop[0], null));
        List<String> expected = List.of("403", "404", "403", "403", "302 /company/sms?settled=SENT");

        int i = 0;
        for (var login : logins.entrySet()) {
            assertThat(postedAs(login.getValue(), "/company/sms/messages/" + message + "/settlement",
                    Map.of("how", "SENT"))).as(login.getKey() + " settles the SMS").isEqualTo(expected.get(i++));
        }
    }

    /** A form posted by a signed-in operator: its status, and for a redirect where it leads. */
    private String postedAs(Api.Login login, String path, Map<String, String> fields) {
        return org.loyaltyhub.support.WebForms.signedIn(port, login).post(path, fields).outcome();
    }

    @Test
    void aCompanysReviewPagesAreSavedFromItsPageByItsAdministratorAndTheCircuitsOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Reviewed");
        long[] otherShop = w.company("Elsewhere");
        Map<String, Api.Login> logins = new LinkedHashMap<>();
        logins.put("circuit administrator", w.admin);
        logins.put("another company's administrator", w.operator("COMPANY_ADMIN", otherShop[0], null));
        logins.put("store operator", w.operator("STORE_OPERATOR", null, shop[1]));
        logins.put("another circuit's administrator", fixtures.world(api).admin);
        logins.put("the company's administrator", w.operator("COMPANY_ADMIN", shop[0], null));
        List<String> expected = List.of("302 /admin/companies/" + shop[0] + "?reviewLinksSaved#review-links", "404",
                "403", "404", "302 /company?reviewLinksSaved#review-links");

        int i = 0;
        for (var login : logins.entrySet()) {
            assertThat(postedAs(login.getValue(), "/admin/companies/" + shop[0] + "/review-links",
                    Map.of("googleReviewUrl", "https://g.page/r/reviewed/review")))
                    .as(login.getKey() + " saves the review pages").isEqualTo(expected.get(i++));
        }
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
    @Test
    void bookingsAndLandingPagesOpenForTheRolesThatWorkWithThemAndNeverForAnotherCircuit() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bookings");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long bookable = w.asAdmin().post("/api/v1/stores/" + shop[1] + "/bookables", Map.of("kind", "TABLE",
                "name", "Tavolo", "durationMinutes", 60, "capacity", 2,
                "hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00")))).json()
                .path("id").asLong();
        long landing = w.asAdmin().post("/api/v1/landing-pages", Map.of("slug", "access", "titleEn", "Access",
                "blocks", List.of(Map.of("kind", "TEXT", "textEn", "Hello")), "published", true)).json()
                .path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/bookings", "/bookings/" + bookable, "/bookings/day",
                "/bookings/day?storeId=" + shop[1], "/landing", "/landing/new", "/landing/" + landing,
                "/landing/" + landing + "/poster");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200, 200, 404, 404));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 200, 200, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 200, 404, 200, 200, 404, 404));
    }

    @Test
    void thePrivacyPagesAreForAdministratorsAndAMembersOnlyForThoseWhoSeeTheMember() {
        World w = fixtures.world(api, true, false);
        long[] shop = w.company("Privacy");
        long[] otherShop = w.company("Elsewhere");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login otherCompanyAdmin = w.operator("COMPANY_ADMIN", otherShop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long memberId = w.enrol(w.as(till), "privacy-access").path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/privacy", "/members/" + memberId + "/privacy", "/admin/privacy?preview=3");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(otherCompanyAdmin, pages)).as("companies kept apart").isEqualTo(expect(pages, 200, 404, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 200));
    }

    @Test
    void performanceReportsAreForAdministratorsEachInItsOwnScope() {
        World w = fixtures.world(api);
        long[] shop = w.company("Performance");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/analytics/performance", "/company/analytics/performance",
                "/admin/analytics/performance?subject=COUPONS&from=2026-01-01&to=2026-03-31",
                "/admin/analytics/performance?from=2026-03-01&to=2026-01-01");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 403, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 200, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 403, 200, 200));
    }

    @Test
    void theReportsPageIsForAdministratorsEachInItsOwnScope() {
        World w = fixtures.world(api);
        long[] shop = w.company("Reports");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/analytics/reports", "/company/analytics/reports",
                "/admin/analytics/reports?from=2026-01-01&to=2026-03-31&companyId=" + shop[0] + "&storeId=" + shop[1]
                        + "&kind=EARN&grouping=WEEK&asOf=2026-02-01",
                "/admin/analytics/reports?from=2026-03-01&to=2026-01-01&memberId=abc",
                "/admin/analytics/reports?companyId=" + shop[0]);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 403, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 200, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).as("another circuit's company is named as a bad field")
                .isEqualTo(expect(pages, 200, 403, 200, 200, 200));
    }

    @Test
    void theWalletPassSettingsAreForTheCircuitAdministratorOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Wallet");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/passes");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403));
        assertThat(statuses(stranger.admin, pages)).as("each circuit sees its own settings").isEqualTo(expect(pages, 200));
    }

    @Test
    void theImportPagesAreTheCircuitAdministratorsAndAnotherCircuitsImportIsNotFound() {
        World w = fixtures.world(api);
        long[] shop = w.company("Imports");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        long job = w.asAdmin().post("/api/v1/imports/members?source=Old", "email\npages@import.test\n").json()
                .path("job").path("id").asLong();
        long purchases = w.asAdmin().post("/api/v1/imports/purchases?source=Old",
                        "order_id,date,amount,email\np-1,2025-01-02,10,pages@import.test\n").json()
                .path("job").path("id").asLong();
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/imports", "/admin/imports/" + job, "/admin/imports/" + purchases);

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 404));
    }

    @Test
    void aShopsPastOrdersPageIsForItsCompanysAdministratorsAndTheCircuitAdministratorOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Backfill");
        long[] other = w.company("Elsewhere");
        long connection = w.prestaShop(shop[0], "PSBACKFILLPAGE01");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login otherAdmin = w.operator("COMPANY_ADMIN", other[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/company/connections/" + connection + "/backfill",
                "/company/connections/" + connection + "/backfill/progress");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200));
        assertThat(statuses(otherAdmin, pages)).isEqualTo(expect(pages, 404, 404));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403, 403));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 404, 404));
    }

    @Test
    void receiptsStoreProfilesAndCheckInScreensOpenForTheirStoresRolesAndNeverForAnotherCircuit() {
        World w = fixtures.world(api);
        long[] shop = w.company("Engage");
        long[] other = w.company("Elsewhere");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/receipts", "/stores/" + shop[1] + "/checkin-screen",
                "/stores/" + other[1] + "/checkin-screen", "/admin/stores/" + shop[1], "/counter/receipt-code");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200, 200, 200, 200, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 200, 200, 404, 200, 200));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 200, 200, 404, 403, 200));
        assertThat(statuses(stranger.admin, pages)).isEqualTo(expect(pages, 200, 404, 404, 404, 200));
    }

    @Test
    void theSocialSettingsPageIsTheCircuitAdministratorsOnly() {
        World w = fixtures.world(api);
        long[] shop = w.company("Social");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);
        World stranger = fixtures.world(api);
        List<String> pages = List.of("/admin/social");

        assertThat(statuses(w.admin, pages)).isEqualTo(expect(pages, 200));
        assertThat(statuses(companyAdmin, pages)).isEqualTo(expect(pages, 403));
        assertThat(statuses(till, pages)).isEqualTo(expect(pages, 403));
        assertThat(statuses(stranger.admin, pages)).as("their own circuit's settings").isEqualTo(expect(pages, 200));
    }
}
