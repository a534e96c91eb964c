package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations in a real Chromium: the administrator offers a table, a customer on a phone books a slot from the
 * customer area and is e-mailed the confirmation, and the store operator marks the arrival at the counter.
 */
class BookingsInTheBrowserTest extends BrowserTest {

    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);

    @Test
    void aCustomerBooksASlotAndTheOperatorMarksTheArrival() {
        clock.set(ZonedDateTime.of(MONDAY, LocalTime.of(8, 0), ZoneId.systemDefault()).toInstant());
        World w = fixtures.world(api);
        long[] shop = w.company("Trattoria");
        Api.Login till = w.operator("STORE_OPERATOR", null, shop[1]);

        Page office = browser.desktop("en-GB");
        Browser.signIn(office, url(""), w.admin);
        office.getByRole(AriaRole.LINK, named("Bookings")).first().click();
        office.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Tavolo in veranda");
        office.getByLabel("Slot length (minutes)").fill("60");
        office.getByLabel("Places per slot").fill("4");
        office.locator("#opens-MONDAY").fill("09:00");
        office.locator("#closes-MONDAY").fill("08:00");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.locator("#hours-error")).containsText("each opening before its closing");
        office.locator("#closes-MONDAY").fill("12:00");
        office.getByRole(AriaRole.BUTTON, named("Save")).click();
        assertThat(office.getByRole(AriaRole.STATUS)).hasText("Saved.");
        assertThat(office.locator("#bookables")).containsText("Tavolo in veranda");

        String email = Fixtures.unique("lucia") + "@member.test";
        Page phone = browser.phone("it-IT");
        joinAndConfirmInItalian(phone, w.circuitId, email);
        phone.getByRole(AriaRole.LINK, named("Prenotazioni")).click();
        assertThat(phone.getByLabel("Cosa vuoi prenotare?")).containsText("Tavolo in veranda");
        phone.getByLabel("Giorno").fill(MONDAY.toString());
        phone.getByRole(AriaRole.BUTTON, named("Mostra")).click();
        phone.getByRole(AriaRole.BUTTON, named("Prenota")).click();
        assertThat(phone.locator("#startsAt-error")).hasText("Scegli una fascia.");
        phone.getByLabel("10:00 (4 liberi)").check();
        phone.getByLabel("Posti").fill("2");
        jakarta.mail.internet.MimeMessage confirmation = TestMail.nextTo(email,
                () -> phone.getByRole(AriaRole.BUTTON, named("Prenota")).click());
        assertThat(TestMail.subject(confirmation)).contains("Tavolo in veranda");
        assertThat(phone.getByRole(AriaRole.STATUS)).containsText("Prenotato");
        assertThat(phone.locator("#mine")).containsText("Tavolo in veranda");
        assertThat(phone.locator("#mine .status")).hasText("Prenotato");
        Browser.screenshot(phone, "customer-bookings-phone-it");

        Page counter = browser.phone("en-GB");
        Browser.signIn(counter, url(""), till);
        counter.navigate(url("/bookings/day?date=" + MONDAY));
        assertThat(counter.locator("#reservations")).containsText("Tavolo in veranda");
        counter.getByRole(AriaRole.BUTTON, named("Arrived")).click();
        assertThat(counter.getByRole(AriaRole.STATUS)).hasText("Marked.");
        assertThat(counter.locator("#reservations .status")).hasText("Arrived");
        assertThat(counter.getByRole(AriaRole.BUTTON, named("Arrived"))).hasCount(0);
        Browser.screenshot(counter, "counter-bookings-phone-en");

        phone.reload();
        assertThat(phone.locator("#mine .status")).hasText("Arrivato");
        assertThat(browser.errors()).isEmpty();
    }

    private void joinAndConfirmInItalian(Page phone, long circuitId, String email) {
        phone.navigate(url("/c/" + circuitId + "/join"));
        phone.getByLabel("Nome", new Page.GetByLabelOptions().setExact(true)).fill("Lucia");
        phone.getByLabel("E-mail").fill(email);
        phone.getByLabel("Password (almeno 10 caratteri)").fill("lucia-password-1");
        phone.getByLabel("Ho letto l'informativa sulla privacy").check();
        phone.getByLabel("Accetto il regolamento del programma").check();
        phone.getByRole(AriaRole.BUTTON, named("Iscriviti")).click();
        phone.navigate(TestMail.link(TestMail.lastTo(email), "/verify?token="));
        phone.getByRole(AriaRole.BUTTON, named("Conferma e apri la mia carta")).click();
    }
}
