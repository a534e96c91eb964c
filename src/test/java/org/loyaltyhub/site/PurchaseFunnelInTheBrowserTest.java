package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 12 §3 on a phone, in Italian: a funnel started by a purchase ("7 giorni dopo un primo acquisto di almeno
 * 19,90 nel punto vendita, senza altri acquisti"), refused next to the field with a bad minimum spend, then saved and
 * read back as written.
 */
class PurchaseFunnelInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorWritesAFunnelAfterAPurchaseOnAPhoneInItalianAndReadsItBack() {
        World w = fixtures.world(api);
        long[] shop = w.company("Negozio");
        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/funnels/new"));
        page.locator("#name").fill("Grazie del primo acquisto");
        page.locator("#triggerType").selectOption("PURCHASE");
        assertThat(page.locator("#triggerType option[value=PURCHASE]")).hasText("Dopo un acquisto");
        page.locator("#minSpend").fill("tanto");
        page.locator("#storeId").selectOption(String.valueOf(shop[1]));
        page.locator("#firstPurchaseOnly").check();
        page.locator("#delayDays").fill("7");
        page.locator("#unlessPurchased").check();
        page.locator("#effectType0").selectOption("FIXED_POINTS");
        page.locator("#effectValue0").fill("15");
        page.locator("#save").click();
        assertThat(page.locator("#minSpend-error")).hasText("La spesa minima è un importo da 0, come 30 o 19,90.");
        assertThat(page.locator("#storeId")).hasValue(String.valueOf(shop[1]));

        page.locator("#minSpend").fill("19,90");
        page.locator("#save").click();
        assertThat(page.locator("#rule")).containsText("after a first purchase of at least 19.9");
        assertThat(page.locator("#triggerType")).hasValue("PURCHASE");
        assertThat(page.locator("#minSpend")).hasValue(Pattern.compile("19\\.90?"));
        assertThat(page.locator("#storeId")).hasValue(String.valueOf(shop[1]));
        assertThat(page.locator("#firstPurchaseOnly")).isChecked();
        assertThat(page.locator("#delayDays")).hasValue("7");
        Browser.screenshot(page, "funnel-after-purchase-phone-it");
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
