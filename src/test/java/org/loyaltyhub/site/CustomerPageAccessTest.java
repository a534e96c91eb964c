package org.loyaltyhub.site;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Customers;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer area's messages and bookings pages, opened signed out, by a customer of another circuit and by another
 * member of the same circuit: signed out leads to the sign-in, another circuit's customer is refused, and nobody
 * cancels a booking that is not theirs (the sibling of {@link PageAccessTest}, for customers).
 */
class CustomerPageAccessTest extends IntegrationTest {

    /** The circuits' default time zone (program settings), in which opening hours are read. */
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private World w;

    /** A bookable open every day 9 to 12 at a new store of the circuit. */
    private long table() {
        long[] shop = w.company("Trattoria");
        List<Map<String, Object>> hours = new ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            hours.add(Map.of("day", day.name(), "opens", "09:00", "closes", "12:00"));
        }
        Api.Response r = w.asAdmin().post("/api/v1/stores/" + shop[1] + "/bookables", Map.of("kind", "TABLE",
                "name", "Tavolo", "durationMinutes", 60, "capacity", 4, "hours", hours));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long book(long member, long table) {
        Instant start = ZonedDateTime.of(LocalDate.now(ROME).plusDays(2), LocalTime.of(10, 0), ROME).toInstant();
        Api.Response r = w.asAdmin().post("/api/v1/reservations", Map.of("memberId", member, "bookableId", table,
                "startsAt", start.toString(), "seats", 1));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private String status(long reservation) {
        return w.asAdmin().get("/api/v1/reservations/" + reservation).json().path("status").asString();
    }

    @Test
    void messagesAndBookingsAreTheSignedInCustomersOwnAndNobodyCancelsAnotherMembersBooking() {
        w = fixtures.world(api);
        long table = table();
        String adaEmail = Fixtures.unique("ada") + "@member.test";
        String brunoEmail = Fixtures.unique("bruno") + "@member.test";
        WebForms ada = Customers.joined(port, w.circuitId, adaEmail);
        Customers.joined(port, w.circuitId, brunoEmail);
        long adas = book(Customers.memberId(w, adaEmail), table);
        long brunos = book(Customers.memberId(w, brunoEmail), table);
        World other = fixtures.world(api);
        WebForms stranger = Customers.joined(port, other.circuitId, Fixtures.unique("carla") + "@member.test");
        String my = "/c/" + w.circuitId + "/my";

        WebForms signedOut = new WebForms(port);
        for (String page : List.of(my + "/messages", my + "/bookings")) {
            WebForms.Reply r = signedOut.get(page);
            assertThat(r.status()).as(page).isEqualTo(302);
            assertThat(r.header("Location")).as(page).endsWith("/c/" + w.circuitId + "/login");
        }
        signedOut.get("/c/" + w.circuitId + "/login");
        WebForms.Reply signedOutCancel = signedOut.post(my + "/bookings/" + brunos + "/cancel", Map.of());
        assertThat(signedOutCancel.status()).isEqualTo(302);
        assertThat(signedOutCancel.header("Location")).endsWith("/c/" + w.circuitId + "/login");

        stranger.get("/c/" + other.circuitId + "/my/bookings");
        assertThat(stranger.get(my + "/messages").status()).as("another circuit's customer").isEqualTo(403);
        assertThat(stranger.get(my + "/bookings").status()).isEqualTo(403);
        stranger.get("/c/" + other.circuitId + "/my/bookings");
        assertThat(stranger.post(my + "/bookings/" + brunos + "/cancel", Map.of()).status()).isEqualTo(403);

        String adasPage = ada.get(my + "/bookings").body();
        assertThat(adasPage).contains("reservation-" + adas).doesNotContain("reservation-" + brunos);
        assertThat(ada.post(my + "/bookings/" + brunos + "/cancel", Map.of()).status())
                .as("another member's booking").isEqualTo(404);
        assertThat(status(brunos)).as("nothing changed").isEqualTo("BOOKED");
        assertThat(w.asAdmin().get("/api/v1/bookables/" + table + "/slots?date=" + LocalDate.now(ROME).plusDays(2))
                .json().get(1).path("free").asInt()).isEqualTo(2);
        assertThat(ada.get(my + "/messages").status()).isEqualTo(200);

        ada.get(my + "/bookings");
        WebForms.Reply own = ada.post(my + "/bookings/" + adas + "/cancel", Map.of());
        assertThat(own.header("Location")).endsWith(my + "/bookings?cancelled");
        assertThat(status(adas)).isEqualTo("CANCELLED");
        assertThat(status(brunos)).isEqualTo("BOOKED");
    }
}
