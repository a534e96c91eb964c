package org.loyaltyhub.marketing;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.reservations.ReservationReminders;
import org.loyaltyhub.marketing.reservations.Booking;
import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservations on the real database over the API: a store offers a table, members book its slots, get the
 * confirmation with a calendar file and a reminder the day before, cancel; the counter marks arrivals; the places of
 * a slot hold under parallel clients; wrong slots and other circuits' stores are refused with nothing booked.
 */
@RecordApplicationEvents
class BookingReservationsTest extends IntegrationTest {

    /** Monday 7 January 2030, a day every test starts on (08:00 in the reservations' zone). */
    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);

    @Autowired
    Reservations reservations;

    @Autowired
    ReservationReminders reminders;

    private World w;
    private long[] shop;
    private Api.Login till;

    /** The circuits' default time zone (program settings), in which opening hours are read. */
    private static final java.time.ZoneId ROME = java.time.ZoneId.of("Europe/Rome");

    private Instant at(LocalDate day, int hour) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), ROME).toInstant();
    }

    /** A circuit with one store offering a table of {@code capacity} places, hourly from 9 to 12 on weekdays. */
    private long table(int capacity) {
        clock.set(at(MONDAY, 8));
        w = fixtures.world(api);
        return offerTable(capacity);
    }

    private long offerTable(int capacity) {
        shop = w.company("Trattoria");
        till = w.operator("STORE_OPERATOR", null, shop[1]);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.add(Map.of("day", day, "opens", "09:00", "closes", "12:00"));
        }
        Api.Response r = w.asAdmin().post("/api/v1/stores/" + shop[1] + "/bookables", Map.of("kind", "TABLE",
                "name", "Tavolo in veranda", "durationMinutes", 60, "capacity", capacity, "hours", hours,
                "closures", List.of(MONDAY.plusDays(2).toString())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long member(String email) {
        return w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "lastName", "Verdi", "email", email)).path("id")
                .asLong();
    }

    private Api.Response book(Api as, long memberId, long bookable, Instant start, int seats) {
        return as.post("/api/v1/reservations", Map.of("memberId", memberId, "bookableId", bookable,
                "startsAt", start.toString(), "seats", seats));
    }

    @Test
    void aMemberBooksASlotIsEmailedTheCalendarFileAndTheCounterMarksTheArrival(ApplicationEvents events)
            throws Exception {
        long table = table(4);
        String email = Fixtures.unique("anna") + "@member.test";
        long anna = member(email);
        JsonNode slots = w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json();
        assertThat(slots.valueStream().map(s -> s.path("startsAt").asString()).toList())
                .containsExactly(at(MONDAY, 9).toString(), at(MONDAY, 10).toString(), at(MONDAY, 11).toString());

        MimeMessage mail = TestMail.nextTo(email, () -> {
            Api.Response r = book(w.as(till), anna, table, at(MONDAY, 10), 2);
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().path("status").asString()).isEqualTo("BOOKED");
        });
        String ics = attachment(mail, ".ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").contains("BEGIN:VEVENT\r\n")
                .contains("DTSTART:" + stamp(at(MONDAY, 10))).contains("DTEND:" + stamp(at(MONDAY, 11)))
                .contains("SUMMARY:Tavolo in veranda").endsWith("END:VCALENDAR\r\n");
        assertThat(w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json().get(1)
                .path("free").asInt()).isEqualTo(2);

        JsonNode day = w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json();
        assertThat(day).hasSize(1);
        assertThat(day.get(0).path("memberName").asString()).isEqualTo("Anna Verdi");
        long id = day.get(0).path("id").asLong();
        Caller counter = new Caller(Role.STORE_OPERATOR, w.circuitId, shop[0], shop[1], null, 1L, "till");
        clock.set(at(MONDAY, 10).plusSeconds(300));
        assertThat(reservations.mark(counter, id, ReservationStatus.ARRIVED).status())
                .isEqualTo(ReservationStatus.ARRIVED);
        assertThat(events.stream(ReservationAttended.class)).singleElement().satisfies(e -> {
            assertThat(e).isEqualTo(new ReservationAttended(w.circuitId, anna, id, shop[1], e.at()));
            assertThat(e.at()).isBetween(at(MONDAY, 10), clock.instant());
        });
        Api.Response again = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "NO_SHOW"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("reason").asString()).isEqualTo("NOT_OPEN");
    }

    @Test
    void aCircuitFarFromUtcOpensClosesAndShowsItsDayInItsOwnTimeZoneAcrossMidnight() {
        java.time.ZoneId auckland = java.time.ZoneId.of("Pacific/Auckland");
        // Sunday 23:30 in Auckland (UTC+13 in January) is Sunday 10:30 UTC
        clock.set(ZonedDateTime.of(MONDAY.minusDays(1), LocalTime.of(23, 30), auckland).toInstant());
        w = fixtures.world(api);
        w.settings(Map.of("timeZone", "Pacific/Auckland"));
        long table = offerTable(2);
        Instant nine = ZonedDateTime.of(MONDAY, LocalTime.of(9, 0), auckland).toInstant();
        assertThat(nine).isEqualTo(Instant.parse("2030-01-06T20:00:00Z"));

        JsonNode slots = w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json();
        assertThat(slots.valueStream().map(s -> s.path("startsAt").asString()).toList()).as("9 to 12 in Auckland")
                .containsExactly(nine.toString(), nine.plusSeconds(3600).toString(), nine.plusSeconds(7200).toString());
        assertThat(w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY.plusDays(2)).json())
                .as("Wednesday is closed in Auckland's calendar").isEmpty();
        long anna = member(Fixtures.unique("anna") + "@member.test");
        Api.Response utcNine = book(w.as(till), anna, table, Instant.parse("2030-01-07T09:00:00Z"), 1);
        assertThat(utcNine.status()).as(utcNine.toString()).isEqualTo(422);
        assertThat(utcNine.json().path("reason").asString()).as("09:00 UTC is 22:00 in Auckland: no slot")
                .isEqualTo("NOT_A_SLOT");
        Api.Response booked = book(w.as(till), anna, table, nine, 1);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

        clock.set(ZonedDateTime.of(MONDAY, LocalTime.of(0, 30), auckland).toInstant()); // still Sunday in UTC
        org.loyaltyhub.support.WebForms office = new org.loyaltyhub.support.WebForms(port);
        office.get("/login");
        office.post("/login", Map.of("email", till.email(), "password", till.password()));
        String counter = office.get("/bookings/day").body();
        assertThat(counter).as("today at the counter is Auckland's Monday").contains(MONDAY.toString())
                .contains("09:00").contains("Anna Verdi");
        assertThat(w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json()).hasSize(1);
        assertThat(w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY.minusDays(1))
                .json()).isEmpty();
    }

    @Test
    void bookingEmailsAreTheCircuitsEditableTemplatesWithTheBookingsShortcodesAndLandInTheInbox() throws Exception {
        long table = table(4);
        String email = Fixtures.unique("anna") + "@member.test";
        long anna = member(email);
        Api admin = w.asAdmin();
        Map<String, String> confirmed = Map.of("subject", "Booked: {booking_name} on {booking_date}",
                "body", "Dear {first_name}, see you at {booking_time} at {booking_place}, {booking_seats} seats.");
        Api.Response preview = admin.post("/api/v1/notifications/BOOKING_CONFIRMED/templates/en/preview", confirmed);
        assertThat(preview.json().path("text").asString()).as(preview.toString())
                .contains("see you at 20:30 at Negozio Centro");
        Api.Response unknown = admin.put("/api/v1/notifications/BOOKING_REMINDER/templates/en",
                Map.of("subject", "Hi", "body", "{booking_hour}"));
        assertThat(unknown.code()).as(unknown.toString()).isEqualTo("unknown-shortcode");
        assertThat(unknown.body()).contains("{booking_time}");
        for (String language : List.of("it", "en")) {
            assertThat(admin.put("/api/v1/notifications/BOOKING_CONFIRMED/templates/" + language, confirmed).status())
                    .isEqualTo(200);
        }

        MimeMessage mail = TestMail.nextTo(email, () -> assertThat(book(w.as(till), anna, table, at(MONDAY, 10), 2)
                .status()).isEqualTo(201));
        assertThat(TestMail.subject(mail)).startsWith("Booked: Tavolo in veranda on ");
        assertThat(TestMail.text(mail)).contains("Dear Anna, see you at 10:00 at ").contains(", 2 seats.");
        assertThat(attachment(mail, ".ics")).contains("DTSTART:" + stamp(at(MONDAY, 10)));
        long id = w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json().get(0)
                .path("id").asLong();

        MimeMessage cancelled = TestMail.nextTo(email, () -> assertThat(w.as(till)
                .post("/api/v1/reservations/" + id + "/cancel", Map.of()).status()).isEqualTo(200));
        assertThat(TestMail.text(cancelled)).contains("Tavolo in veranda").contains("10:00");
        JsonNode inbox = admin.get("/api/v1/members/" + anna + "/messages").json();
        assertThat(inbox.valueStream().map(m -> m.path("kind").asString()).toList()).as("newest first")
                .containsExactly("BOOKING_CANCELLED", "BOOKING_CONFIRMED");

        assertThat(admin.put("/api/v1/notifications/BOOKING_CONFIRMED", Map.of("enabled", false)).status())
                .isEqualTo(200);
        int before = TestMail.countTo(email);
        assertThat(book(w.as(till), anna, table, at(MONDAY, 11), 1).status()).isEqualTo(201);
        assertThat(admin.get("/api/v1/members/" + anna + "/messages").json()).as("switched off: none").hasSize(2);
        assertThat(TestMail.countTo(email)).isEqualTo(before);
    }

    @Test
    void aSlotInThePastAClosedDayATimeOffTheSlotsAndTooManyPlacesAreRefusedWithNothingBooked() {
        long table = table(4);
        long anna = member(Fixtures.unique("anna") + "@member.test");
        Map<Instant, String> refused = Map.of(at(MONDAY, 7), "IN_THE_PAST", at(MONDAY.plusDays(2), 10), "CLOSED",
                at(MONDAY.plusDays(5), 10), "CLOSED", at(MONDAY, 10).plusSeconds(900), "NOT_A_SLOT");
        refused.forEach((start, reason) -> {
            Api.Response r = book(w.as(till), anna, table, start, 1);
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.json().path("reason").asString()).isEqualTo(reason);
        });
        Api.Response tooMany = book(w.as(till), anna, table, at(MONDAY, 10), 5);
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(409);
        assertThat(tooMany.json().path("reason").asString()).isEqualTo("OVER_CAPACITY");
        Api.Response noMember = w.as(till).post("/api/v1/reservations", Map.of("bookableId", table,
                "startsAt", at(MONDAY, 10).toString()));
        assertThat(noMember.status()).isEqualTo(400);
        assertThat(w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json()).isEmpty();
        assertThat(w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json().get(1)
                .path("free").asInt()).isEqualTo(4);
    }

    @Test
    void parallelClientsNeverBookMorePlacesThanTheSlotHas() throws Exception {
        long table = table(3);
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(member(Fixtures.unique("rush") + "@member.test"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> calls = members.stream().<Callable<Integer>>map(m ->
                    () -> book(w.as(till), m, table, at(MONDAY, 11), 1).status()).toList();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
            assertThat(answers.stream().filter(s -> s == 201)).hasSize(3);
            assertThat(answers.stream().filter(s -> s == 409)).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json()).hasSize(3);
        assertThat(w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json().get(2)
                .path("free").asInt()).isZero();
    }

    @Test
    void aRetriedBookingReturnsTheFirstAndACancellationFreesThePlaces() {
        long table = table(2);
        long anna = member(Fixtures.unique("anna") + "@member.test");
        Api.Response first = book(w.as(till).header("Idempotency-Key", "book-1"), anna, table, at(MONDAY, 9), 2);
        Api.Response retry = book(w.as(till).header("Idempotency-Key", "book-1"), anna, table, at(MONDAY, 9), 2);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        assertThat(book(w.as(till), anna, table, at(MONDAY, 9), 1).status()).isEqualTo(409);

        Api.Response cancelled = w.as(till).post("/api/v1/reservations/" + first.json().path("id").asLong()
                + "/cancel", Map.of());
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(book(w.as(till), anna, table, at(MONDAY, 9), 2).status()).isEqualTo(201);
    }

    @Test
    void theReminderGoesOnceTheDayBeforeAsTheClockMoves() {
        long table = table(2);
        String email = Fixtures.unique("anna") + "@member.test";
        long anna = member(email);
        reservations.book(w.circuitId, anna, new Booking(table, at(MONDAY.plusDays(3), 9), 1, "form:1", null));
        reservations.book(w.circuitId, anna, new Booking(table, at(MONDAY, 11), 1, "form:2", null));
        assertThat(reminders.sendDue()).as("nothing due yet; a booking for today gets no reminder").isZero();
        clock.set(at(MONDAY.plusDays(2), 9).plusSeconds(60));
        MimeMessage reminder = TestMail.nextTo(email, () -> assertThat(reminders.sendDue()).isEqualTo(1));
        assertThat(TestMail.subject(reminder)).contains("Tavolo in veranda");
        assertThat(reminders.sendDue()).as("sent once").isZero();
    }

    @Test
    void anotherCircuitsAdministratorFindsNeitherTheBookableNorTheStore() {
        long table = table(2);
        World other = fixtures.world(api);
        assertThat(other.asAdmin().get("/api/v1/bookables/" + table).status()).isEqualTo(404);
        assertThat(other.asAdmin().get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).status())
                .isEqualTo(404);
        Api.Response r = other.asAdmin().post("/api/v1/stores/" + shop[1] + "/bookables", Map.of("kind", "SERVICE",
                "name", "Taglio", "durationMinutes", 30, "capacity", 1,
                "hours", List.of(Map.of("day", "MONDAY", "opens", "09:00", "closes", "12:00"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        long stranger = other.enrol(other.asAdmin(), "stranger").path("id").asLong();
        assertThat(book(w.as(till), stranger, table, at(MONDAY, 10), 1).status()).isEqualTo(404);
    }

    private static String stamp(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private static String attachment(MimeMessage mail, String suffix) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().endsWith(suffix)) {
                assertThat(part.getContentType()).startsWith("text/calendar");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toString(java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + suffix + " attachment");
    }

    @Test
    void anArrivalMarkedAtTheCounterTriggersTheReservationAttendedPromotionOnce() {
        long table = table(4);
        long anna = member(Fixtures.unique("arrives") + "@member.test");
        Api.Response created = w.asAdmin().post("/api/v1/promotions", Map.of("name", "Came to dinner",
                "validFrom", at(MONDAY, 8).minusSeconds(86_400).toString(), "priority", 10,
                "trigger", Map.of("type", "EVENT", "eventType", "reservation_attended",
                        "attributeConditions", List.of()),
                "effect", Map.of("type", "FIXED_POINTS", "points", 15)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long promotion = created.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/promotions/" + promotion + "/activate", Map.of()).status())
                .isEqualTo(200);
        Api.Response r = book(w.as(till), anna, table, at(MONDAY, 11), 2);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        clock.set(at(MONDAY, 11).plusSeconds(120));
        Api.Response arrived = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "ARRIVED"));
        assertThat(arrived.status()).as(arrived.toString()).isEqualTo(200);
        assertThat(w.available(anna)).as("the promotion on reservation_attended gives its points").isEqualTo(15);
        assertThat(w.movements(anna).stream().map(e -> e.path("reason").asString()))
                .anySatisfy(reason -> assertThat(reason).contains("Promotion #" + promotion));
        Api.Response again = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "ARRIVED"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(w.available(anna)).as("an arrival marked twice gives once").isEqualTo(15);
        w.assertBooksBalance();
    }

    @Test
    void aNoShowMarkedOnceTheSlotStartedClosesTheReservationWithoutPointsOrMail(ApplicationEvents events) {
        long table = table(4);
        String email = Fixtures.unique("absent") + "@member.test";
        long anna = member(email);
        Api.Response created = w.asAdmin().post("/api/v1/promotions", Map.of("name", "Came to dinner",
                "validFrom", at(MONDAY, 8).minusSeconds(86_400).toString(), "priority", 10,
                "trigger", Map.of("type", "EVENT", "eventType", "reservation_attended",
                        "attributeConditions", List.of()),
                "effect", Map.of("type", "FIXED_POINTS", "points", 15)));
        assertThat(w.asAdmin().post("/api/v1/promotions/" + created.json().path("id").asLong() + "/activate",
                Map.of()).status()).isEqualTo(200);
        long id = book(w.as(till), anna, table, at(MONDAY, 10), 2).json().path("id").asLong();
        TestMail.lastTo(email);
        Api.Response early = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "NO_SHOW"));
        assertThat(early.status()).as(early.toString()).isEqualTo(422);
        assertThat(early.json().path("reason").asString()).isEqualTo("TOO_EARLY");

        clock.set(at(MONDAY, 10).plusSeconds(900));
        Api.Response noShow = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "NO_SHOW"));

        assertThat(noShow.status()).as(noShow.toString()).isEqualTo(200);
        assertThat(noShow.json().path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(w.as(till).get("/api/v1/reservations/" + id).json().path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(w.as(till).get("/api/v1/stores/" + shop[1] + "/reservations?date=" + MONDAY).json().get(0)
                .path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(events.stream(ReservationAttended.class)).as("no attendance to reward").isEmpty();
        assertThat(w.available(anna)).isZero();
        Api.Response arrivedAfter = w.as(till).post("/api/v1/reservations/" + id + "/attendance",
                Map.of("attendance", "ARRIVED"));
        assertThat(arrivedAfter.status()).isEqualTo(409);
        assertThat(arrivedAfter.json().path("reason").asString()).isEqualTo("NOT_OPEN");
        assertThat(w.as(till).post("/api/v1/reservations/" + id + "/cancel", Map.of()).status())
                .as("a no-show is not cancelled afterwards").isEqualTo(409);
        assertThat(w.available(anna)).isZero();
        assertThat(w.asAdmin().get("/api/v1/members/" + anna + "/messages").json().valueStream()
                .map(m -> m.path("kind").asString()).toList()).as("no cancellation message")
                .containsExactly("BOOKING_CONFIRMED");
        assertThat(w.as(till).get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json().get(1)
                .path("free").asInt()).as("the places stay taken").isEqualTo(2);
        w.assertBooksBalance();
    }
}
