package org.loyaltyhub.passes.internal;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The circuit administrator uploads the Apple certificate on a phone, in Italian (a wrong file first), then an APNs
 * key (.p8) for the updates (again a wrong file first); then a customer
 * who joins gets the "add to wallet" link in the sign-up e-mail and the button on the card, and the counter shows it
 * right after an enrolment. At a desktop, in English, another administrator sets up Google Wallet and the card's
 * colours, and a new customer's card then shows "Add to Google Wallet" alone.
 */
class WalletPassesInTheBrowserTest extends BrowserTest {

    @Test
    void theAdministratorUploadsTheCertificateAfterAWrongFileAndNewCustomersGetTheAddToWalletButtonOnlineAndAtTheCounter() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bottega");
        Page page = browser.phone("it-IT");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/passes"));
        assertThat(page.locator("h1")).hasText("Carte nel wallet del telefono");
        assertThat(page.locator("#apple-status")).containsText("Non configurato");
        assertThat(page.locator("main")).containsText("Apple Developer");
        assertThat(page.locator("main")).containsText("Google Pay & Wallet Console");

        page.locator("#certificate").setInputFiles(new FilePayload("cert.p12", "application/x-pkcs12",
                "not a certificate".getBytes(StandardCharsets.UTF_8)));
        page.locator("#password").fill(TestWalletKeys.PASSWORD);
        page.locator("#wwdr").setInputFiles(new FilePayload("wwdr.cer", "application/pkix-cert", TestWalletKeys.wwdr()));
        page.locator("#apple-form button[type=submit]").click();
        assertThat(page.locator("#certificate-error")).containsText("non è un file .p12");
        assertThat(page.locator("#apple-status")).containsText("Non configurato");

        page.locator("#certificate").setInputFiles(new FilePayload("cert.p12", "application/x-pkcs12",
                TestWalletKeys.passPkcs12()));
        page.locator("#password").fill("sbagliata");
        page.locator("#wwdr").setInputFiles(new FilePayload("wwdr.cer", "application/pkix-cert", TestWalletKeys.wwdr()));
        page.locator("#apple-form button[type=submit]").click();
        assertThat(page.locator("#password-error")).containsText("non si apre con questa password");

        page.locator("#certificate").setInputFiles(new FilePayload("cert.p12", "application/x-pkcs12",
                TestWalletKeys.passPkcs12()));
        page.locator("#password").fill(TestWalletKeys.PASSWORD);
        page.locator("#wwdr").setInputFiles(new FilePayload("wwdr.cer", "application/pkix-cert", TestWalletKeys.wwdr()));
        page.locator("#apple-form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Certificato Apple salvato");
        assertThat(page.locator("#apple-status")).containsText(TestWalletKeys.PASS_TYPE);
        Browser.screenshot(page, "wallet-passes-phone-it");

        page.locator("#pushKey").setInputFiles(new FilePayload("AuthKey.p8", "application/octet-stream",
                "not a key".getBytes(StandardCharsets.UTF_8)));
        page.locator("#keyId").fill("KEY1234567");
        page.locator("#push-key-form button[type=submit]").click();
        assertThat(page.locator("#pushKey-error")).containsText("non è una chiave APNs");
        assertThat(page.locator("#keyId")).hasValue("KEY1234567");
        assertThat(page.locator("#teamId")).hasValue(TestWalletKeys.TEAM);
        assertThat(page.locator("#push-key-status")).containsText("con il certificato");
        page.locator("#pushKey").setInputFiles(new FilePayload("AuthKey_KEY1234567.p8", "application/octet-stream",
                ApnsKeyTest.pem(ApnsKeyTest.p256())));
        page.locator("#push-key-form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Chiave APNs salvata");
        assertThat(page.locator("#push-key-status")).containsText("KEY1234567");
        Browser.screenshot(page, "wallet-push-key-phone-it");

        String email = Fixtures.unique("wallet") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "a-long-password-1");
        assertThat(TestMail.text(TestMail.lastTo(email))).contains("Add your card to Apple Wallet: ");
        assertThat(phone.locator("#add-to-apple-wallet")).hasText("Add to Apple Wallet");
        assertThat(phone.locator("#add-to-google-wallet")).hasCount(0);
        URI link = URI.create(phone.locator("#add-to-apple-wallet").getAttribute("href"));
        Api.Download pass = api.download(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(pass.status()).isEqualTo(200);
        assertThat(pass.contentType()).isEqualTo("application/vnd.apple.pkpass");
        Browser.screenshot(phone, "wallet-button-phone-en");

        Page counter = browser.phone("it-IT");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        counter.navigate(url("/counter/enrol"));
        counter.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Gino");
        counter.getByLabel("E-mail").fill(Fixtures.unique("gino") + "@member.test");
        counter.getByLabel("Il cliente accetta l'informativa sulla privacy").check();
        counter.getByRole(AriaRole.BUTTON, named("Iscrivi")).click();
        assertThat(counter.getByRole(AriaRole.STATUS).first()).containsText("Cliente iscritto");
        assertThat(counter.locator("#add-to-apple-wallet")).hasText("Aggiungi a Apple Wallet");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void atADesktopTheAdministratorSetsUpGoogleWalletAndTheColoursAndTheCustomersCardShowsTheGoogleButton() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/passes"));
        assertThat(page.locator("h1")).hasText("Wallet passes");
        assertThat(page.locator("#google-status")).containsText("Not configured");
        assertThat(page.locator("main")).containsText("Google Pay & Wallet Console");

        page.getByLabel("Issuer id").fill("my issuer");
        page.locator("#key").setInputFiles(new FilePayload("key.json", "application/json",
                TestWalletKeys.serviceAccountJson(true).getBytes(StandardCharsets.UTF_8)));
        page.locator("#google-form button[type=submit]").click();
        assertThat(page.locator("#issuerId-error")).containsText("digits only");
        assertThat(page.locator("#google-status")).containsText("Not configured");

        page.getByLabel("Issuer id").fill(WalletPassUpdatesTest.ISSUER);
        page.locator("#key").setInputFiles(new FilePayload("key.json", "application/json",
                TestWalletKeys.serviceAccountJson(true).getBytes(StandardCharsets.UTF_8)));
        page.locator("#google-form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Google account saved");
        assertThat(page.locator("#google-status")).containsText(WalletPassUpdatesTest.ISSUER);
        assertThat(page.locator("#google-status")).containsText("wallet@test.iam.gserviceaccount.com");
        assertThat(page.locator("#apple-status")).containsText("Not configured");

        page.locator("#background").fill("#c9a227");
        page.locator("#foreground").fill("#101820");
        page.getByRole(AriaRole.BUTTON, named("Save").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved");
        assertThat(page.locator("#background")).hasValue("#c9a227");
        assertThat(page.locator("#foreground")).hasValue("#101820");
        Browser.screenshot(page, "wallet-passes-desktop-en");

        String email = Fixtures.unique("google") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "a-long-password-1");
        assertThat(phone.locator("#add-to-google-wallet")).hasText("Add to Google Wallet");
        assertThat(phone.locator("#add-to-apple-wallet")).hasCount(0);
        URI link = URI.create(phone.locator("#add-to-google-wallet").getAttribute("href"));
        Api.Response save = api.get(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(save.status()).isEqualTo(303);
        assertThat(save.header("Location")).startsWith(GoogleWallet.SAVE_URL);
        Browser.screenshot(phone, "wallet-google-button-phone-en");
        assertThat(browser.errors()).isEmpty();
    }
}
