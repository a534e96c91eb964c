package org.loyaltyhub.site;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.purchases.ReceiptClaim;
import org.loyaltyhub.purchases.ReceiptClaimStatus;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer engagement in a real Chromium (issue 18): a phone that shares its position sorts the stores by distance and
 * checks in where it is; a receipt's code records the purchase once and its replay is refused; a shared link's
 * repeated visits by one visitor earn its member once; a phone scans the store's check-in screen; the back office
 * reviews receipts and sets what customers see of a store; the customer pages on a desktop in Italian.
 */
class EngagementInTheBrowserTest extends BrowserTest {

    @Autowired
    Receipts receipts;

    /** Names the store and puts it on the map (StoreMapInTheBrowserTest places its stores the same way). */
    static void place(World w, long store, String name, String lat, String lon) {
        Api.Response r = w.asAdmin().put("/api/v1/stores/" + store, Map.of("name", name, "address", "Piazza 1",
                "city", "Milano", "latitude", lat, "longitude", lon));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void aPhoneSharingItsPositionSeesTheNearestStoreFirstAndChecksInThereOnceADay() {
        World w = fixtures.world(api);
        long[] duomo = w.company("Duomo");
        long[] castello = w.company("Castello");
        place(w, duomo[1], "Bar Duomo", "45.464211", "9.191383");
        place(w, castello[1], "Bar Castello", "45.470532", "9.179279");
        w.asAdmin().put("/api/v1/stores/" + duomo[1] + "/profile", Map.of("checkinRadiusMetres", 150,
                "openingHours", "Mon-Sat 7-20", "googleReviewUrl", "https://g.page/r/duomo/review"));

        Page phone = browser.phone("en-GB");
        BrowserContext context = phone.context();
        context.grantPermissions(List.of("geolocation"));
        context.setGeolocation(new Geolocation(45.4643, 9.1912));
        joinAndConfirm(phone, w.circuitId, Fixtures.unique("walker") + "@member.test", "walker-password-1");
        phone.navigate(url("/c/" + w.circuitId + "/my/stores"));
        assertThat(phone.locator("#store-list li").first()).containsText("Bar Castello");
        phone.getByRole(AriaRole.BUTTON, named("Sort by distance from me")).click();
        assertThat(phone.locator("#locate p.muted")).hasText("Stores by distance from your position.");
        assertThat(phone.locator("#store-list li").first()).containsText("Bar Duomo");
        assertThat(phone.locator("#store-list li").first()).containsText("Mon-Sat 7-20");
        assertThat(phone.locator("#store-" + duomo[1] + " .distance")).hasText(java.util.regex.Pattern.compile("[0-9]{1,3} m"));

        phone.locator("#store-" + duomo[1] + " form.check-in button").click();
        assertThat(phone.locator("#checked-in")).hasText("Checked in at Bar Duomo: thank you for your visit!");
        assertThat(phone.locator("#my-check-ins")).containsText("Bar Duomo");
        Browser.screenshot(phone, "stores-near-me-checked-in-phone-en");
        phone.locator("#store-" + duomo[1] + " form.check-in button").click();
        assertThat(phone.locator("#check-in-refused"))
                .hasText("You checked in at this store today already: come back tomorrow!");
        phone.locator("#store-" + castello[1] + " form.check-in button").click();
        assertThat(phone.locator("#check-in-refused")).containsText("You seem to be too far from the store");
        phone.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(phone.locator("#visits tr.check-in")).hasCount(1);
        assertThat(phone.locator("#visits tr.check-in")).containsText("Bar Duomo");
        assertThat(phone.locator("#visits tr.check-in")).containsText("Check-in");

        Page visitor = browser.phone("it-IT");
        visitor.navigate(url("/c/" + w.circuitId));
        visitor.locator("#space-stores").click();
        assertThat(visitor.locator("#store-list")).containsText("Bar Duomo");
        assertThat(visitor.locator("#store-list")).containsText("Indicazioni");
        assertThat(visitor.locator("#store-map")).hasCount(0);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aReceiptsCodeRecordsThePurchaseOnceAndItsReplayIsRefused() {
        World w = fixtures.world(api);
        long[] shop = w.company("Receipts");
        place(w, shop[1], "Bar Receipts", "45.46", "9.19");
        w.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "300"));
        w.asAdmin().put("/api/v1/stores/" + shop[1] + "/profile", Map.of("checkinRadiusMetres", 150,
                "tripadvisorUrl", "https://www.tripadvisor.com/bar-receipts"));
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String code = till.post("/api/v1/stores/" + shop[1] + "/receipt-codes", Map.of("receiptNumber", 314,
                "currency", "EUR", "amount", "42.00", "issuedAt", clock.instant().minusSeconds(1800).toString()))
                .json().path("code").asString();

        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, Fixtures.unique("receipt") + "@member.test", "receipt-password-1");
        phone.navigate(url("/c/" + w.circuitId + "/my/receipts"));
        phone.getByLabel("Receipt code").fill(code.toLowerCase().replace("-", " "));
        phone.getByRole(AriaRole.BUTTON, named("Add the purchase")).click();
        assertThat(phone.locator("#claimed")).hasText("Purchase recorded: its points are in your history.");
        assertThat(phone.locator("#review-after-purchase")).containsText("Review on TripAdvisor");
        assertThat(phone.locator("#receipt-claims")).containsText("42.00 EUR");
        Browser.screenshot(phone, "receipt-claimed-phone-en");

        phone.getByLabel("Receipt code").fill(code);
        phone.getByRole(AriaRole.BUTTON, named("Add the purchase")).click();
        assertThat(phone.locator("#receipt-code-error")).hasText("This receipt was claimed already.");
        assertThat(phone.getByLabel("Receipt code")).hasAttribute("aria-invalid", "true");
        phone.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(phone.locator("#balance")).hasText("42");
        assertThat(phone.locator("#review-after-purchase")).containsText("How was your visit to Bar Receipts?");
        assertThat(phone.locator("#review-after-purchase a")).hasAttribute("href", "https://www.tripadvisor.com/bar-receipts");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aSharedLinksRepeatedVisitsByOneVisitorEarnItsMemberOnce() {
        World w = fixtures.world(api);
        w.asAdmin().put("/api/v1/social/settings", Map.of("pointsPerVisit", 10, "dailyCap", 5,
                "instagramUrl", "https://www.instagram.com/circuito"));
        Page member = browser.phone("en-GB");
        joinAndConfirm(member, w.circuitId, Fixtures.unique("sharer") + "@member.test", "sharer-password-1");
        member.navigate(url("/c/" + w.circuitId + "/my/share"));
        assertThat(member.locator("#share-points")).containsText("You get 10 points for each new visitor");
        assertThat(member.locator("#follow-us")).containsText("Instagram");
        assertThat(member.locator("#share-0 a").first()).hasText("WhatsApp");
        assertThat(member.locator("#share-0 a[href^='mailto:']")).hasText("E-mail");
        String link = member.locator("#share-0 input").inputValue();
        assertThat(link).contains("/c/" + w.circuitId + "/s/");
        Browser.screenshot(member, "share-phone-en");

        Page friend = browser.phone("en-GB");
        friend.navigate(link);
        assertThat(friend).hasURL(java.util.regex.Pattern.compile(".*/join\\?ref=.*"));
        friend.navigate(link);
        friend.navigate(link);
        Page sameFriendWithoutCookies = browser.phone("en-GB");
        sameFriendWithoutCookies.navigate(link);

        member.navigate(url("/c/" + w.circuitId + "/my"));
        assertThat(member.locator("#balance")).hasText("10");
        member.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(member.locator("#movements tbody tr").first()).containsText("Visit brought by a shared link");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCircuitAdministratorSetsTheSocialSettingsOnAPhoneWithTheErrorNextToTheField() {
        World w = fixtures.world(api);
        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/circuit"));
        phone.locator("#social-settings-link").click();
        assertThat(phone.locator("h1")).hasText("Social e condivisione");
        phone.getByLabel("Punti per nuovo visitatore (0: nessuno)").fill("15");
        phone.getByLabel("Profilo Instagram (https://…)").fill("http://instagram.com/circuito");
        phone.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(phone.locator("#instagramUrl-error")).hasText("Scrivi un indirizzo che inizia con https://");
        assertThat(phone.locator("#instagramUrl")).hasAttribute("aria-invalid", "true");
        assertThat(phone.locator("#pointsPerVisit")).hasValue("15");
        assertThat(w.asAdmin().get("/api/v1/social/settings").json().path("pointsPerVisit").asInt())
                .as("nothing saved while a field is wrong").isZero();

        phone.locator("#instagramUrl").fill("https://www.instagram.com/circuito");
        phone.getByRole(AriaRole.BUTTON, named("Salva")).click();
        assertThat(phone.locator("main .message.info")).hasText("Impostazioni salvate.");
        Browser.screenshot(phone, "social-settings-phone-it");
        var saved = w.asAdmin().get("/api/v1/social/settings").json();
        assertThat(saved.path("pointsPerVisit").asInt()).isEqualTo(15);
        assertThat(saved.path("instagramUrl").asString()).isEqualTo("https://www.instagram.com/circuito");
        Page visitor = browser.phone("en-GB");
        visitor.navigate(url("/c/" + w.circuitId));
        assertThat(visitor.locator("a[href='https://www.instagram.com/circuito']")).hasCount(1);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theCounterMakesAReceiptCodeForACustomerWithoutTheirCardWhoClaimsItLater() {
        World w = fixtures.world(api);
        long[] shop = w.company("Counter receipts");
        w.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "300"));
        Page till = browser.phone("en-GB");
        Browser.signIn(till, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        till.navigate(url("/counter"));
        till.locator("#receipt-code-link").click();
        till.getByLabel("Receipt number").fill("2718");
        till.getByLabel("Amount (EUR)").fill("twelve");
        till.getByRole(AriaRole.BUTTON, named("Make the code")).click();
        assertThat(till.locator("#amount-error")).hasText("Type the receipt's amount, e.g. 12.50.");
        assertThat(till.locator("#receipt-code")).hasCount(0);
        till.getByLabel("Amount (EUR)").fill("18,40");
        till.getByRole(AriaRole.BUTTON, named("Make the code")).click();
        String code = till.locator("#receipt-code-text").textContent();
        assertThat(code).matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){8}");
        assertThat(till.locator("#receipt-code svg")).hasCount(1);
        Browser.screenshot(till, "receipt-code-counter-phone-en");
        assertThat(till.getByLabel("Receipt time (blank: now)")).not().hasValue("");
        clock.advance(java.time.Duration.ofMinutes(3));
        till.getByRole(AriaRole.BUTTON, named("Make the code")).click();
        assertThat(till.locator("#receipt-code-text")).hasText(code); // the same receipt, the same code

        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, Fixtures.unique("nocard") + "@member.test", "nocard-password-1");
        phone.navigate(url("/c/" + w.circuitId + "/my/receipts"));
        phone.locator("#receipt-code").fill(code);
        phone.locator("#claim-receipt button[type=submit]").click();
        assertThat(phone.locator("#receipt-claims")).containsText("18.40 EUR");
        assertThat(browser.errors()).isEmpty();
    }

    /** What a phone's camera reads off the QR code shown in {@code element}. */
    private static String scan(Locator element) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(element.screenshot()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                        new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    @Test
    void aMemberScansTheStoresCheckInScreenAndChecksInOnceWhileAnOldCodeIsRefusedWithItsReason() throws Exception {
        World w = fixtures.world(api);
        long[] shop = w.company("Screen");
        place(w, shop[1], "Bar Schermo", "45.46", "9.19");
        Page counter = browser.desktop("en-GB");
        Browser.signIn(counter, url(""), w.operator("STORE_OPERATOR", null, shop[1]));
        counter.navigate(url("/stores/" + shop[1] + "/checkin-screen"));
        assertThat(counter.locator("h1")).hasText("Check in at Bar Schermo");
        String code = counter.locator("#checkin-code").textContent().strip();
        String scanned = scan(counter.locator(".qr"));
        assertThat(scanned).isEqualTo(url("/c/" + w.circuitId + "/my/checkin?store=" + shop[1] + "&code=" + code));
        Browser.screenshot(counter, "checkin-screen-desktop-en");

        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, Fixtures.unique("scanner") + "@member.test", "scanner-password-1");
        phone.navigate(scanned);
        assertThat(phone.locator("h1")).hasText("Check in at Bar Schermo");
        assertThat(phone.locator("#checkin-code")).hasValue(code);
        phone.locator("#check-in-code button[type=submit]").click();
        assertThat(phone.locator("#checked-in")).hasText("Checked in at Bar Schermo: thank you for your visit!");
        phone.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(phone.locator("#visits tr.check-in")).hasCount(1);
        assertThat(phone.locator("#visits tr.check-in")).containsText("Bar Schermo");

        clock.advance(Duration.ofMinutes(21)); // two ten-minute periods on: the code photographed then is stale
        phone.navigate(scanned);
        phone.locator("#check-in-code button[type=submit]").click();
        assertThat(phone.locator("#check-in-refused"))
                .hasText("This code has expired: scan the QR code on the store's screen again.");
        counter.reload();
        assertThat(counter.locator("#checkin-code")).not().hasText(code);
        phone.navigate(url("/c/" + w.circuitId + "/my/history"));
        assertThat(phone.locator("#visits tr.check-in")).hasCount(1);
        assertThat(browser.errors()).isEmpty();
    }

    private String receiptCode(Api till, long store, long number, String amount) {
        Api.Response r = till.post("/api/v1/stores/" + store + "/receipt-codes", Map.of("receiptNumber", number,
                "currency", "EUR", "amount", amount, "issuedAt", clock.instant().minusSeconds(600).toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("code").asString();
    }

    @Test
    void theAdministratorSetsTheReceiptRulesOnADesktopAndApprovesOneClaimAndRefusesAnotherFromTheQueue() {
        World w = fixtures.world(api);
        long[] shop = w.company("Coda");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "coda").path("id").asLong();
        Page desk = browser.desktop("it-IT");
        Browser.signIn(desk, url(""), w.admin);
        desk.navigate(url("/admin/receipts"));
        assertThat(desk.locator("h1")).hasText("Scontrini");
        desk.getByLabel("I clienti possono aggiungere gli scontrini").check();
        desk.locator("#receipts-maxAgeDays").fill("7");
        desk.locator("#receipts-dailyLimit").fill("500");
        desk.locator("#receipts-reviewAbove").fill("50");
        desk.locator("#receipt-settings button[type=submit]").click();
        assertThat(desk.locator("main .message.info")).hasText("Impostazioni salvate.");
        assertThat(desk.locator("#receipts-reviewAbove")).hasValue("50.00");
        var saved = w.asAdmin().get("/api/v1/receipts/settings").json();
        assertThat(saved.path("enabled").asBoolean()).isTrue();
        assertThat(saved.path("reviewAbove").decimalValue()).isEqualByComparingTo("50");

        ReceiptClaim kept = receipts.claim(w.circuitId, member, receiptCode(till, shop[1], 21, "80.00"));
        ReceiptClaim dropped = receipts.claim(w.circuitId, member, receiptCode(till, shop[1], 22, "90.00"));
        assertThat(List.of(kept.status(), dropped.status())).containsOnly(ReceiptClaimStatus.PENDING);
        assertThat(w.available(member)).isZero();
        desk.navigate(url("/admin/receipts"));
        assertThat(desk.locator("#receipt-queue li")).hasCount(2);
        assertThat(desk.locator("#claim-" + kept.id())).containsText("80.00");
        Browser.screenshot(desk, "receipt-queue-desktop-it");

        desk.locator("#claim-" + kept.id()).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approva")).click();
        assertThat(desk.locator("main .message.info")).hasText("Scontrino approvato: l'acquisto è registrato.");
        assertThat(desk.locator("#claim-" + kept.id())).hasCount(0);
        Locator refuse = desk.locator("#claim-" + dropped.id());
        refuse.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rifiuta")).click();
        assertThat(desk.locator("#reason-" + dropped.id() + "-error")).isVisible();
        assertThat(desk.locator("#reason-" + dropped.id())).hasAttribute("aria-invalid", "true");
        desk.locator("#reason-" + dropped.id()).fill("Lo scontrino non è leggibile");
        desk.locator("#claim-" + dropped.id()).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rifiuta")).click();
        assertThat(desk.locator("main .message.info")).hasText("Scontrino rifiutato: il cliente è avvisato.");
        assertThat(desk.locator("#receipt-queue li")).hasCount(0);
        assertThat(w.available(member)).as("only the approved receipt's points").isEqualTo(80);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theStoreProfileShowsItsSavedValuesAgainAndABadValueGetsAMessageNextToItsFieldAndChangesNothing() {
        World w = fixtures.world(api);
        long[] shop = w.company("Profilo");
        Page desk = browser.desktop("en-GB");
        Browser.signIn(desk, url(""), w.admin);
        String page = url("/admin/stores/" + shop[1]);
        desk.navigate(page);
        desk.getByLabel("Opening hours").fill("Mon-Fri 8-19");
        desk.getByLabel("Check-in radius in metres (20 to 2000)").fill("250");
        desk.getByLabel("Google Business review page (https://…)").fill("https://g.page/r/profilo/review");
        desk.getByLabel("TripAdvisor page (https://…)").fill("https://www.tripadvisor.it/profilo");
        desk.locator("#store-profile button[type=submit]").click();
        assertThat(desk.locator("#store-profile .message.info")).hasText("Saved.");
        assertThat(desk.locator("#openingHours")).hasValue("Mon-Fri 8-19");
        assertThat(desk.locator("#checkinRadius")).hasValue("250");
        assertThat(desk.locator("#googleReviewUrl")).hasValue("https://g.page/r/profilo/review");
        assertThat(desk.locator("#tripadvisorUrl")).hasValue("https://www.tripadvisor.it/profilo");

        desk.locator("#openingHours").fill("Every day 9-21");
        desk.locator("#checkinRadius").fill("-5");
        desk.locator("#tripadvisorUrl").fill("http://www.tripadvisor.it/profilo");
        desk.locator("#store-profile button[type=submit]").click();
        assertThat(desk.locator("#checkinRadius-error")).hasText("Type a number of metres from 20 to 2000.");
        assertThat(desk.locator("#checkinRadius")).hasAttribute("aria-invalid", "true");
        assertThat(desk.locator("#checkinRadius")).hasValue("-5");
        assertThat(desk.locator("#tripadvisorUrl-error")).hasText("Type an address that starts with https://");
        assertThat(desk.locator("#tripadvisorUrl")).hasAttribute("aria-invalid", "true");
        assertThat(desk.locator("#googleReviewUrl-error")).hasCount(0);
        Browser.screenshot(desk, "store-profile-errors-desktop-en");
        var profile = w.asAdmin().get("/api/v1/stores/" + shop[1] + "/profile").json();
        assertThat(profile.path("openingHours").asString()).as("nothing saved while a field is wrong")
                .isEqualTo("Mon-Fri 8-19");
        assertThat(profile.path("checkinRadiusMetres").asInt()).isEqualTo(250);
        desk.navigate(page);
        assertThat(desk.locator("#openingHours")).hasValue("Mon-Fri 8-19");
        assertThat(desk.locator("#tripadvisorUrl")).hasValue("https://www.tripadvisor.it/profilo");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aMemberOnADesktopInItalianFindsTheStoresReceiptsAndSharePagesInItalian() {
        World w = fixtures.world(api);
        long[] shop = w.company("Scrivania");
        place(w, shop[1], "Bar Scrivania", "45.46", "9.19");
        w.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "300"));
        Page desk = browser.desktop("en-GB");
        joinAndConfirm(desk, w.circuitId, Fixtures.unique("scrivania") + "@member.test", "scrivania-password-1");
        desk.navigate(url("/c/" + w.circuitId + "/my/stores?lang=it"));
        assertThat(desk.locator("h1")).hasText("Negozi");
        assertThat(desk.getByRole(AriaRole.BUTTON, named("Ordina per distanza da me"))).isVisible();
        assertThat(desk.locator("#store-list")).containsText("Bar Scrivania");
        assertThat(desk.locator("#store-" + shop[1] + " form.check-in button")).hasText("Fai check-in qui");
        assertThat(desk.locator("#my-check-ins h2")).hasText("I tuoi check-in");
        Browser.screenshot(desk, "stores-desktop-it");

        desk.navigate(url("/c/" + w.circuitId + "/my/receipts"));
        assertThat(desk.locator("h1")).hasText("Scontrini");
        assertThat(desk.getByLabel("Codice dello scontrino")).isVisible();
        assertThat(desk.getByRole(AriaRole.BUTTON, named("Aggiungi l'acquisto"))).isVisible();
        Browser.screenshot(desk, "receipts-desktop-it");

        desk.navigate(url("/c/" + w.circuitId + "/my/share"));
        assertThat(desk.locator("h1")).hasText("Condividi");
        assertThat(desk.locator("#share-0 h2")).hasText("Invita i tuoi amici");
        assertThat(desk.locator("#share-0 a[href^='mailto:']")).hasText("Via e-mail");
        assertThat(desk.locator("#share-0 button[data-copy]")).hasText("Copia il link");
        assertThat((Boolean) desk.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the window").isTrue();
        Browser.screenshot(desk, "share-desktop-it");
        assertThat(browser.errors()).isEmpty();
    }
}
