package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The campaign events page reads in Italian on a phone; the referral settings and report read on a desktop. */
class EventsAndReferralPagesInTheBrowserTest extends BrowserTest {

    @Test
    void theCampaignEventsPageReadsInItalianOnAPhone() {
        World w = fixtures.world(api);
        Page phone = browser.phone("it-IT");
        Browser.signIn(phone, url(""), w.admin);
        phone.navigate(url("/admin/events"));
        assertThat(phone.locator("h1")).hasText("Eventi delle campagne");
        assertThat(phone.locator("#event-types")).containsText("wifi_login");
        org.assertj.core.api.Assertions.assertThat((Boolean) phone.evaluate(
                "document.documentElement.scrollWidth <= window.innerWidth")).as("fits a phone's width").isTrue();
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theReferralSettingsPageReadsOnADesktop() {
        World w = fixtures.world(api);
        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.navigate(url("/admin/referral"));
        assertThat(page.locator("h1")).hasText("Referral and multi-level");
        assertThat(page.getByLabel("Level 1 (%)")).isVisible();
        org.assertj.core.api.Assertions.assertThat(browser.errors()).isEmpty();
    }
}
