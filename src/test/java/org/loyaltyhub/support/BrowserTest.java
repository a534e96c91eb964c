package org.loyaltyhub.support;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the browser journeys: one Chromium per test class, its console errors cleared before each test. */
public abstract class BrowserTest extends IntegrationTest {

    protected static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @Autowired
    private JdbcClient attempts;

    /**
     * Every browser of the suite comes from 127.0.0.1, so the limits per network address (sign-up and sign-in links,
     * 30 an hour) would count the whole suite as one visitor: each journey starts with the counts forgotten.
     */
    @BeforeEach
    void noBrowserErrorsYet() {
        browser.errors().clear();
        attempts.sql("delete from attempt_counter").update();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    /** A customer joins the circuit's loyalty space (English form) and follows the e-mailed confirmation link. */
    protected void joinAndConfirm(Page phone, long circuitId, String email, String password) {
        phone.navigate(url("/c/" + circuitId + "/join"));
        phone.getByLabel("E-mail").fill(email);
        phone.getByLabel("Password (at least 10 characters)").fill(password);
        phone.getByLabel("I have read the privacy notice").check();
        phone.getByLabel("I accept the program rules").check();
        phone.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, named("Join")).click();
        phone.navigate(TestMail.link(TestMail.lastTo(email), "/verify?token="));
        phone.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, named("Confirm and open my card")).click();
    }
}
