package org.loyaltyhub.site;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money settings in the browser: cashback rates per store and per product, a company administrator's own
 * billing details on a phone in Italian, the currency locked once cashback is set, and a campaign form sent twice.
 */
class MoneySettingsInTheBrowserTest extends BrowserTest {

    @Test
    void theCircuitAdministratorSetsAStoresAndAProductsCashbackRate() {
        World w = fixtures.world(api);
        long[] shop = w.company("Enoteca");
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/cashback"));

        page.locator("#storeRatePercent").fill("120");
        page.locator("#store-rates").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save the rate")).click();
        assertThat(page.locator("#storeRateStore-error")).hasText("Choose a store.");
        assertThat(page.locator("#storeRatePercent-error")).hasText("Type a percentage from 0 to 100.");
        page.locator("#storeRateStore").selectOption(String.valueOf(shop[1]));
        page.locator("#storeRatePercent").fill("8,5");
        page.locator("#store-rates").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save the rate")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Rate saved.");
        assertThat(page.locator("#store-rates-CASHBACK")).containsText("8.5 %");

        page.locator("#productRatePercent").fill("10");
        page.locator("#product-rates").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save the rate")).click();
        assertThat(page.locator("#productRateProduct-error")).hasText("Type a product id (up to 120 characters).");
        page.locator("#productRateProduct").fill("WINE");
        page.locator("#product-rates").getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Save the rate")).click();
        assertThat(page.locator("#product-rates-CASHBACK")).containsText("WINE");
        Browser.screenshot(page, "cashback-rates-desktop-en");
        assertThat(w.asAdmin().get("/api/v1/money-programs/CASHBACK/store-rates").json().get(0).path("percent")
                .asString()).isEqualTo("8.5");

        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/cashback"));
        assertThat(phone.locator("#store-rates")).containsText("Percentuali per punto vendita");
        Browser.screenshot(phone, "cashback-rates-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCompanyAdministratorKeepsItsBillingDetailsOnAPhoneInItalian() {
        World w = fixtures.world(api);
        long[] shop = w.company("Gelateria");
        Api.Login companyAdmin = w.operator("COMPANY_ADMIN", shop[0], null);
        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), companyAdmin);
        phone.navigate(url("/company"));
        phone.getByRole(AriaRole.LINK, named("Dati di fatturazione")).click();
        assertThat(phone).hasURL(url("/company/billing"));

        phone.getByLabel("Ragione sociale").fill("Gelateria Lago srl");
        phone.locator("#vatNumber").fill("IT123");
        phone.locator("#invoiceEmail").fill("not-an-email");
        phone.getByRole(AriaRole.BUTTON, named("Aggiorna i dati di fatturazione")).click();
        assertThat(phone.locator("#vatNumber-error")).containsText("IT01234567890");
        assertThat(phone.locator("#invoiceEmail-error")).isVisible();
        assertThat(phone.locator("#vatNumber")).hasAttribute("aria-invalid", "true");
        assertThat(phone.locator("#legalName")).hasValue("Gelateria Lago srl");
        Browser.screenshot(phone, "company-billing-error-phone-it");
        assertThat(w.asAdmin().get("/api/v1/companies/" + shop[0] + "/billing").json().path("details")
                .hasNonNull("legalName")).as("nothing saved").isFalse();

        phone.locator("#vatNumber").fill("it 012 345 678 90");
        phone.locator("#invoiceEmail").fill("fatture@gelateria.test");
        phone.getByRole(AriaRole.BUTTON, named("Aggiorna i dati di fatturazione")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Salvato.");
        assertThat(phone.locator("#vatNumber")).hasValue("IT01234567890");
        var details = w.asAdmin().get("/api/v1/companies/" + shop[0] + "/billing").json().path("details");
        assertThat(details.path("legalName").asString()).isEqualTo("Gelateria Lago srl");
        assertThat(details.path("vatNumber").asString()).isEqualTo("IT01234567890");
        assertThat(details.path("invoiceEmail").asString()).isEqualTo("fatture@gelateria.test");

        Page desktop = browser.desktop("en-GB");
        Browser.signIn(desktop, url(""), companyAdmin);
        desktop.navigate(url("/company/billing"));
        assertThat(desktop.getByLabel("Legal name")).hasValue("Gelateria Lago srl");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCurrencyCannotChangeOnceCashbackIsSetAndTheMessageSitsNextToTheField() {
        World w = fixtures.world(api);
        Api.Response p = w.asAdmin().put("/api/v1/money-programs/CASHBACK",
                Map.of("enabled", true, "percent", "5", "minOrder", "0", "maxSharePercent", "100"));
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/circuit"));
        page.locator("#currency").fill("USD");
        page.locator("main form").first().getByRole(AriaRole.BUTTON,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#currency-error"))
                .hasText("The currency cannot change: cashback or accumulated discounts are already set in it.");
        assertThat(page.locator("#currency")).hasAttribute("aria-invalid", "true");
        assertThat(w.asAdmin().get("/api/v1/circuit").json().path("currency").asString()).isEqualTo("EUR");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aCampaignFormSentTwiceCreatesOneCampaign() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/campaigns/new"));
        String key = page.locator("#campaign-form input[name=requestKey]").inputValue();
        String csrf = page.locator("#campaign-form input[name=_csrf]").inputValue();
        assertThat(key).matches("[0-9a-f-]{36}");
        FormData form = FormData.create().set("_csrf", csrf).set("requestKey", key).set("name", "Twice")
                .set("gives", "FIXED_AMOUNT").set("amount", "5").set("codeMode", "UNIQUE").set("perMemberLimit", "1")
                .set("validFrom", "2026-01-01").set("validUntil", "2035-12-31");
        RequestOptions post = RequestOptions.create().setForm(form).setMaxRedirects(0);
        APIResponse first = page.request().post(url("/admin/campaigns"), post);
        APIResponse second = page.request().post(url("/admin/campaigns"), post);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.headers().get("location")).isEqualTo(first.headers().get("location"));
        assertThat(w.asAdmin().get("/api/v1/campaigns").json().size()).isEqualTo(1);
        assertThat(browser.errors()).isEmpty();
    }
}
