package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prepaid credit and gift cards in a real Chromium: the circuit administrator turns them on, a store operator sells a
 * gift card on a phone (its PIN shown once), checks it and pays with it, the customer attaches it in the customer
 * area, and the back office shows the card's movements.
 */
class PrepaidInTheBrowserTest extends BrowserTest {

    @Test
    void aGiftCardIsSoldCheckedSpentAndAttachedByItsCustomer() {
        World w = fixtures.world(api);
        long[] shop = w.company("Gifts");
        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.navigate(url("/admin/prepaid"));
        office.locator("#prepaid-enabled").check();
        office.locator("#prepaid-expiryMonths").fill("6");
        office.locator("#prepaid-settings button[type=submit]").click();
        assertThat(office.locator("#prepaid-expiryMonths-error")).hasText("Leave empty for no expiry, or 12 to 120 months.");
        office.locator("#prepaid-expiryMonths").fill("24");
        office.locator("#prepaid-fixedAmounts").fill("25 50");
        office.locator("#prepaid-settings button[type=submit]").click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Settings saved.");

        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        counter.navigate(url("/counter/prepaid"));
        assertThat(counter.locator("#sell-usual")).hasText("Usual amounts: 25, 50");
        counter.getByLabel("Amount paid (from 5 to 500)").fill("50");
        counter.getByLabel("Bonus given by the company (optional)").fill("5");
        counter.getByLabel("Receipt number").fill("BR-1");
        counter.getByRole(AriaRole.BUTTON, named("Sell")).click();
        assertThat(counter.locator("#sold h2")).hasText("Gift card of 55.00 EUR");
        String number = counter.locator("#sold-number").textContent().replace(" ", "");
        String pin = counter.locator("#sold-pin").textContent();
        assertThat(pin).matches("[0-9]{6}");
        assertThat(counter.locator("#sold .gift-qr svg")).isVisible();
        org.assertj.core.api.Assertions.assertThat(qrText(counter.locator("#sold .gift-qr")))
                .as("the QR code reads as the card's number").isEqualTo(number);
        Browser.screenshot(counter, "counter-gift-card-sold-phone-en");

        counter.locator("#balance-number").fill(number);
        counter.locator("#balance-pin").fill(pin.equals("000000") ? "111111" : "000000");
        counter.getByRole(AriaRole.BUTTON, named("Check the balance")).click();
        assertThat(counter.locator("#balance-error")).containsText("The PIN does not match this card");
        counter.locator("#balance-pin").fill(pin);
        counter.getByRole(AriaRole.BUTTON, named("Check the balance")).click();
        assertThat(counter.locator("#balance-result")).hasText("Gift card …" + number.substring(number.length() - 4)
                + ": 55.00 EUR left");

        counter.locator("#pay-number").fill(number);
        counter.locator("#pay-pin").fill(pin);
        counter.locator("#pay-total").fill("30,00");
        counter.locator("#pay-amount").fill("20");
        counter.getByRole(AriaRole.BUTTON, named("Pay with the card")).click();
        assertThat(counter.locator("#pay-done")).hasText("20.00 EUR paid with the gift card: give it as a discount");

        String email = Fixtures.unique("gina") + "@member.test";
        Page customer = browser.phone("en-GB");
        joinAndConfirm(customer, w.circuitId, email, "gina-password-12");
        customer.navigate(url("/c/" + w.circuitId + "/my/prepaid"));
        customer.getByLabel("Card number").fill(number);
        customer.getByLabel("PIN").fill(pin);
        customer.getByRole(AriaRole.BUTTON, named("Add the card")).click();
        assertThat(customer.locator("#attached")).hasText("Card added: 35.00 EUR moved to your prepaid credit.");
        assertThat(customer.locator("#prepaid-credit")).hasText("35.00 EUR");
        Browser.screenshot(customer, "customer-prepaid-phone-en");

        office.navigate(url("/admin/prepaid"));
        office.locator("#prepaid-cards a").first().click();
        assertThat(office.locator("#card-left")).hasText("0.00 EUR");
        assertThat(office.locator(".gift-qr svg")).isVisible();
        org.assertj.core.api.Assertions.assertThat(qrText(office.locator(".gift-qr"))).isEqualTo(number);
        assertThat(office.locator("#card-history")).containsText("Gift card added to a member's credit");
        assertThat(office.locator("#card-history")).containsText("+55.00 EUR");
        Browser.screenshot(office, "gift-card-desktop-en");
        Page italian = browser.phone("it-IT");
        Browser.signIn(italian, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        italian.navigate(url("/admin/prepaid"));
        assertThat(italian.locator("#prepaid-sales")).containsText("Carta regalo …" + number.substring(15));
        assertThat(italian.locator("#prepaid-enabled")).isDisabled();
        Browser.screenshot(italian, "prepaid-company-admin-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCounterSellsCreditToAMembersCardAndTheMemberPaysWithItLikeAWallet() {
        World w = fixtures.world(api);
        long[] shop = w.company("Credit");
        w.asAdmin().put("/api/v1/prepaid/settings", java.util.Map.of("enabled", true, "minAmount", "5",
                "maxAmount", "500", "fixedAmounts", java.util.List.of(), "acceptedAt", "ALL",
                "acceptingCompanies", java.util.List.of()));
        String card = w.enrol(w.asAdmin(), "credit-counter").path("card").path("number").asString();
        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        page.navigate(url("/counter/prepaid"));
        page.locator("#sell-credit").check();
        page.locator("#sell-amount").fill("30");
        page.locator("#sell-receipt").fill("CR-1");
        page.getByRole(AriaRole.BUTTON, named("Vendi")).click();
        assertThat(page.locator("#sell-card-error")).hasText("Scrivi o scansiona il numero della tessera del cliente.");
        page.locator("#sell-card").fill(card);
        page.getByRole(AriaRole.BUTTON, named("Vendi")).click();
        assertThat(page.locator("#sold-credit")).hasText("30.00 EUR di credito prepagato aggiunti al cliente");

        page.navigate(url("/counter?q=" + card));
        assertThat(page.locator("#counter-wallet #wallet-prepaid")).hasText("30.00 EUR");
        page.locator("#wallet-purpose").selectOption("PREPAID");
        page.locator("#wallet-total").fill("12,00");
        Browser.answered(page, "/counter/wallet", () -> page.locator("#pay-wallet button[type=submit]").click());
        assertThat(page.locator("#wallet-offer")).containsText("12.00 EUR");
        Browser.answered(page, "/counter/wallet", () -> page.locator("#pay-wallet button.primary").click());
        assertThat(page.locator("#wallet-paid")).containsText("12.00 EUR");
        Browser.screenshot(page, "counter-prepaid-credit-phone-it");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theSellerVoidsAMistakenSaleOnAPhoneAndACompanyAdministratorRefundsWhatIsLeftOfAnother() {
        World w = fixtures.world(api);
        long[] shop = w.company("Mistakes");
        w.asAdmin().put("/api/v1/prepaid/settings", java.util.Map.of("enabled", true, "minAmount", "5",
                "maxAmount", "500", "fixedAmounts", java.util.List.of(), "acceptedAt", "ALL",
                "acceptingCompanies", java.util.List.of()));
        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        counter.navigate(url("/counter/prepaid"));
        counter.getByLabel("Amount paid (from 5 to 500)").fill("500");
        counter.getByLabel("Receipt number").fill("MX-1");
        counter.getByRole(AriaRole.BUTTON, named("Sell")).click();
        assertThat(counter.locator("#sold h2")).hasText("Gift card of 500.00 EUR");
        counter.locator("#sold-sale").click();
        counter.getByRole(AriaRole.BUTTON, named("Void the sale")).click();
        assertThat(counter.locator("#void-reason-error")).hasText("Say why (up to 500 characters).");
        counter.getByLabel("Reason").fill("typed 500 instead of 50");
        counter.getByRole(AriaRole.BUTTON, named("Void the sale")).click();
        assertThat(counter.getByRole(AriaRole.STATUS)).hasText("The sale is voided: its credit is cancelled.");
        assertThat(counter.locator("#sale-reversal")).containsText("typed 500 instead of 50");
        assertThat(counter.locator("#sale-left")).hasText("0.00 EUR");
        assertThat(counter.locator("#sale-void")).hasCount(0);
        Browser.screenshot(counter, "prepaid-sale-voided-phone-en");

        String pin = w.as(w.operator("STORE_OPERATOR", null, shop[1])).post("/api/v1/prepaid/sales", java.util.Map.of(
                "kind", "GIFT_CARD", "amount", java.util.Map.of("currency", "EUR", "amount", "40"),
                "paymentMethod", "CASH", "receiptNumber", "MX-2")).json().path("pin").asString();
        Page office = browser.desktop("it-IT");
        Browser.signIn(office, url(""), w.operator("COMPANY_ADMIN", shop[0], null));
        office.navigate(url("/admin/prepaid"));
        office.locator("#prepaid-sales a", new Page.LocatorOptions().setHasText("MX-2")).click();
        office.locator("#refund-amount").fill("50");
        office.locator("#refund-reason").fill("carta restituita");
        office.getByRole(AriaRole.BUTTON, named("Rimborsa")).click();
        assertThat(office.locator("#refund-amount-error")).hasText(
                "Scrivi un importo maggiore di zero, in centesimi interi, fino al residuo.");
        office.locator("#refund-amount").fill("15");
        office.getByRole(AriaRole.BUTTON, named("Rimborsa")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Il residuo è rimborsato: restituisci il denaro al cliente.");
        assertThat(office.locator("#sale-left")).hasText("25.00 EUR");
        assertThat(pin).matches("[0-9]{6}");
        Browser.screenshot(office, "prepaid-sale-refunded-desktop-it");
        assertThat(browser.errors()).isEmpty();
    }

    /** What a QR code on the page says, read back from its pixels as a phone's camera would. */
    private static String qrText(com.microsoft.playwright.Locator qr) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    qr.screenshot()));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
                            image.getWidth(), image.getHeight(), pixels)))).getText();
        } catch (java.io.IOException | com.google.zxing.ReaderException e) {
            throw new AssertionError("no readable QR code", e);
        }
    }
}
