package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.EmailCampaignSender;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An administrator writes an e-mail campaign for a search filter, is told next to the field about an unknown
 * shortcode, previews it and sends it; the customer reads it in their inbox on a phone and unsubscribes from the
 * e-mail's link, which the campaign's report then counts.
 */
class EmailCampaignsInTheBrowserTest extends BrowserTest {

    @Autowired
    EmailCampaignSender sender;

    @Test
    void anAdministratorSendsACampaignToAFilterAndTheCustomerReadsItAndUnsubscribes() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("reader") + "@member.test";
        Page phone = browser.phone("en-GB");
        joinAndConfirm(phone, w.circuitId, email, "customer-password-1");
        phone.navigate(url("/c/" + w.circuitId + "/my/consents"));
        phone.locator("#MARKETING").check();
        phone.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(phone.getByRole(AriaRole.STATUS)).hasText("Your choices are saved.");

        Page page = browser.desktop("en-GB");
        Browser.signIn(page, url(""), w.admin);
        page.getByRole(AriaRole.LINK, named("E-mail campaigns").setExact(true)).click();
        assertThat(page).hasURL(url("/admin/email-campaigns"));
        page.locator("#name").fill("Spring sale");
        page.locator("#filter").fill(email);
        page.locator("#subjectIt").fill("Saldi di primavera");
        page.locator("#bodyIt").fill("Ciao, da oggi saldi.");
        page.locator("#subjectEn").fill("Spring sale");
        page.locator("#bodyEn").fill("Hello {frist_name}, the sale starts today.");
        page.getByRole(AriaRole.BUTTON, named("Save as draft")).click();
        assertThat(page.locator("#bodyEn-error")).containsText("{frist_name}");

        page.locator("#bodyEn").fill("Hello, the sale starts today at {circuit_name}.");
        Browser.answered(page, "/admin/email-campaigns/preview/en",
                () -> page.locator("#preview-en-button").click());
        assertThat(page.locator("#preview-en")).containsText("the sale starts today at");
        page.getByRole(AriaRole.BUTTON, named("Save as draft")).click();
        assertThat(page.locator("#campaign-status")).hasText("Draft");
        page.locator("#send-now").click();
        assertThat(page.locator("#campaign-status")).hasText("Sending");

        MimeMessage mail = TestMail.nextTo(email, () -> sender.runAt(clock.instant()));
        phone.navigate(url("/c/" + w.circuitId + "/my/messages"));
        // the customer joined from an English browser: the campaign reaches them in English, not the circuit's Italian
        assertThat(phone.locator(".inbox")).containsText("Spring sale");
        assertThat(phone.locator(".inbox")).not().containsText("Saldi di primavera");

        phone.navigate(TestMail.link(mail, "/unsubscribe/"));
        phone.getByRole(AriaRole.BUTTON, named("Unsubscribe")).click();
        assertThat(phone.locator("main")).containsText("You are unsubscribed");

        page.reload();
        assertThat(page.locator("#campaign-status")).hasText("Sent");
        assertThat(page.locator("#report-sent")).hasText("1");
        assertThat(page.locator("#report-unsubscribed")).hasText("1");

        Page italian = browser.phone("it-IT");
        Browser.signIn(italian, url(""), w.admin);
        italian.navigate(url("/admin/email-campaigns"));
        assertThat(italian.locator("h1")).hasText("Campagne e-mail");
        assertThat(italian.locator("main")).containsText("Spring sale");
    }
}
