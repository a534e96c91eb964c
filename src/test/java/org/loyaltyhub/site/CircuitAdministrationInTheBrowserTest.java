package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of the issue: the circuit administrator creates a company, a store and an operator; the operator enrols a
 * customer at the counter and validates a purchase; the customer signs up on a phone and sees card, QR code and new
 * balance; the operator redeems; both see the movement.
 */
class CircuitAdministrationInTheBrowserTest extends IntegrationTest {

    @Test
    void aCircuitAdministratorSetsUpTheShopWhoseOperatorServesACustomerWhoFollowsItOnThePhone() {
        World w = fixtures.world(api);
        String base = "http://localhost:" + port;
        try (Browser browser = new Browser()) {
            Page page = browser.desktop("en-GB");
            Browser.signIn(page, base, w.admin);
            assertThat(page).hasURL(base + "/admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Companies").setExact(true)).click();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create company")).click();
            assertThat(page.locator("#companyName-error")).hasText("This field is required.");
            String company = Fixtures.unique("Pasticceria");
            page.locator("#companyName").fill(company);
            page.locator("#storeName").fill("Pasticceria – Centro");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create company")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Company created, with its first store.");
            assertThat(page.locator("table").first()).containsText("Pasticceria – Centro");

            page.locator("#newStoreName").fill("Pasticceria – Stazione");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create store")).click();
            assertThat(page.locator("table").first()).containsText("Pasticceria – Stazione");

            page.navigate(base + "/admin/operators");
            String email = Fixtures.unique("cassa") + "@op.test";
            page.locator("#operatorName").fill("Cassa Stazione");
            page.locator("#operatorEmail").fill(email);
            page.locator("#operatorPassword").fill("short");
            page.locator("#operatorPlace").selectOption(new SelectOption().setLabel("Pasticceria – Stazione"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create operator")).click();
            assertThat(page.locator("#operatorPassword-error")).hasText("The password needs at least 10 characters.");
            assertThat(page.locator("#operatorEmail")).hasValue(email);
            page.locator("#operatorPassword").fill("counter-password-1");
            page.locator("#operatorPlace").selectOption(new SelectOption().setLabel("Pasticceria – Stazione"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create operator")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Operator created: they can sign in now.");
            Browser.screenshot(page, "admin-setup-desktop-en");
            assertThat(browser.errors()).isEmpty();

            Page till = browser.phone("en-GB");
            Browser.signIn(till, base, new org.loyaltyhub.support.Api.Login(email, "counter-password-1"));
            assertThat(till).hasURL(base + "/counter");
            assertThat(w.asAdmin().get("/api/v1/operators").json().valueStream()
                    .filter(o -> o.path("email").asString().equals(email)).findFirst().orElseThrow()
                    .path("role").asString()).isEqualTo("STORE_OPERATOR");

            // the operator enrols a customer and validates a purchase with its points preview
            String customer = Fixtures.unique("sofia") + "@member.test";
            till.getByText("New customer").click();
            till.getByLabel("First name").fill("Sofia");
            till.getByLabel("Last name").fill("Verdi");
            till.getByLabel("E-mail").fill(customer);
            till.getByLabel("The customer accepts the privacy notice").check();
            till.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol")).click();
            assertThat(till.locator("#result h2")).hasText("Sofia Verdi");
            Browser.answered(till, "/counter/sale/preview", () -> till.getByLabel("Amount").pressSequentially("42.50"));
            assertThat(till.locator("#sale-preview")).hasText("The customer earns 42 points");
            Browser.answered(till, "/counter/sale", () -> till.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm purchase")).click());
            assertThat(till.locator("#member-available")).hasText("42");

            // the customer signs up on a phone, in Italian, and sees card, QR code and balance
            Page phone = browser.phone("it-IT");
            phone.navigate(base + "/c/" + w.circuitId + "/join");
            phone.getByLabel("E-mail").fill(customer);
            phone.getByLabel("Password (almeno 10 caratteri)").fill("sofia-password-1");
            phone.getByLabel("Ho letto l'informativa sulla privacy").check();
            phone.getByLabel("Accetto il regolamento del programma").check();
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Iscriviti")).click();
            phone.navigate(TestMail.link(TestMail.lastTo(customer), "/verify?token="));
            phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Conferma e apri la mia carta")).click();
            assertThat(phone.locator(".holder")).hasText("Sofia Verdi");
            assertThat(phone.locator("#balance")).hasText("42");
            assertThat(phone.locator("img.qr")).isVisible();
            Browser.screenshot(phone, "journey-customer-card-phone-it");

            // the operator redeems 20 points (0.20 EUR); both see the movement
            till.getByLabel("Cart total").fill("0.20");
            Browser.answered(till, "/counter/redeem", () -> till.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("How many points can be used?")).click());
            Browser.answered(till, "/counter/redeem", () -> till.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm redemption")).click());
            assertThat(till.locator("#member-available")).hasText("22");
            phone.navigate(base + "/c/" + w.circuitId + "/my/history");
            assertThat(phone.locator("#movements tbody tr").first()).containsText("-20");
            assertThat(phone.locator("#movements tbody tr").first()).containsText("Punti usati");
            Browser.screenshot(phone, "journey-customer-history-phone-it");
            long memberId = w.asAdmin().get("/api/v1/members/lookup?email=" + customer).json().path("id").asLong();
            page.navigate(base + "/members/" + memberId);
            assertThat(page.locator("table").last()).containsText("Points redeemed");
            assertThat(page.locator("#member-available")).hasText("22");
            Browser.screenshot(page, "journey-member-desktop-en");
            assertThat(browser.errors()).isEmpty();
        }
    }
}
