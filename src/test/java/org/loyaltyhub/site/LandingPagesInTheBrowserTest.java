package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.web.QrCodes;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Landing pages in a real Chromium: the administrator writes a page with a title, an uploaded image and a button,
 * publishes it and prints its QR poster; a visitor on a phone reads it in Italian and follows the button, which the
 * list counts.
 */
class LandingPagesInTheBrowserTest extends BrowserTest {

    @Test
    void anAdministratorPublishesAPageAVisitorFollowsItsButtonAndTheListCountsBoth() {
        World w = fixtures.world(api);
        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.getByRole(AriaRole.LINK, named("Landing pages")).click();
        office.getByRole(AriaRole.LINK, named("New page")).click();
        office.getByLabel("Address").fill("Not a slug");
        office.getByLabel("Title (Italian)").fill("Estate in trattoria");
        office.getByLabel("Title (English)").fill("Summer at the trattoria");
        office.locator("#kind-0").selectOption("TITLE");
        office.locator("#textIt-0").fill("<b>Il nostro dehors</b>");
        office.locator("#textEn-0").fill("Our terrace");
        office.locator("#kind-1").selectOption("IMAGE");
        office.locator("#image-1").setInputFiles(new FilePayload("terrace.png", "image/png",
                QrCodes.png("terrace", 120)));
        office.getByLabel("Published").check();
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.locator("#slug-error")).containsText("lower-case letters");
        office.getByLabel("Address").fill("estate");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Saved.");
        office.locator("#kind-2").selectOption("ACTION");
        office.locator("#textIt-2").fill("Iscriviti");
        office.locator("#textEn-2").fill("Join");
        office.locator("#action-2").selectOption("JOIN");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Saved.");

        Page phone = browser.phone("it-IT");
        phone.navigate(url("/c/" + w.circuitId + "/p/estate"));
        assertThat(phone.locator("h1")).hasText("Estate in trattoria");
        assertThat(phone.locator("h2")).hasText("<b>Il nostro dehors</b>");
        assertThat((Integer) phone.locator("img.landing-image").evaluate("img => img.naturalWidth")).isGreaterThan(0);
        Browser.screenshot(phone, "landing-page-phone-it");
        phone.getByRole(AriaRole.LINK, named("Iscriviti")).click();
        assertThat(phone).hasURL(url("/c/" + w.circuitId + "/join"));

        office.getByRole(AriaRole.LINK, named("All pages")).click();
        assertThat(office.locator("#landing-pages .visits")).hasText("1");
        assertThat(office.locator("#landing-pages .conversions")).hasText("1");
        office.getByRole(AriaRole.LINK, named("QR poster")).click();
        assertThat(office.locator(".sheet h1")).hasText("Summer at the trattoria");
        assertThat(office.locator(".sheet .qr svg")).isVisible();
        assertThat(browser.errors()).isEmpty();
    }
}
