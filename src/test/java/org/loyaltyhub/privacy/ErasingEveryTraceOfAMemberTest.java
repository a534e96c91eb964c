package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Eventually;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure reaches every place a customer who used everything left a trace: the customer area's account and live
 * session, a shop's customer link and stored webhook body, text messages, e-mails, the inbox, a voucher's note, and
 * their future bookings (cancelled, their seats free again). A scan of every text column then finds nothing.
 */
class ErasingEveryTraceOfAMemberTest extends IntegrationTest {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    /** Monday 7 January 2030 at 08:00 in the circuits' default zone: the table's slots that day are ahead. */
    private static final LocalDate MONDAY = LocalDate.of(2030, 1, 7);

    @Autowired
    private JdbcClient jdbc;

    @RegisterExtension
    final LogLines log = new LogLines();

    private static Instant at(int hour) {
        return ZonedDateTime.of(MONDAY, LocalTime.of(hour, 0), ROME).toInstant();
    }

    @Test
    void anErasureLeavesNoTraceInTheCustomerAreaShopsMessagesVouchersOrBookingsAndFreesTheirSeats() {
        clock.set(at(8));
        World w = fixtures.world(api);
        long[] shop = w.company("Traces");
        String tag = Fixtures.unique("T").replace("-", "");
        String firstName = "Ottavia" + tag;
        String email = "ottavia." + tag.toLowerCase() + "@member.test";
        String phone = "+39347" + (tag.replaceAll("\\D", "") + "0000000").substring(0, 7);
        List<String> values = List.of(firstName, email, phone);

        // the customer area: signed up, confirmed, signed in (a live session)
        WebForms customer = new WebForms(port).from("198.51.100.77");
        customer.get("/c/" + w.circuitId + "/join");
        assertThat(customer.post("/c/" + w.circuitId + "/join", Map.of("firstName", firstName, "email", email,
                "password", "ottavia-password-1", "privacy", "on", "terms", "on")).status()).isEqualTo(200);
        String link = TestMail.link(TestMail.lastTo(email), "/verify?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        customer.get("/c/" + w.circuitId + "/verify?token=" + token);
        customer.post("/c/" + w.circuitId + "/verify", Map.of("token", token));
        customer.get("/c/" + w.circuitId + "/login");
        assertThat(customer.post("/c/" + w.circuitId + "/login", Map.of("email", email,
                "password", "ottavia-password-1")).status()).isEqualTo(302);
        assertThat(customer.get("/c/" + w.circuitId + "/my").status()).as("signed in").isEqualTo(200);
        long m = w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
        assertThat(w.asAdmin().patch("/api/v1/members/" + m, Map.of("phone", phone)).status()).isEqualTo(200);

        // a shop: its customer 7345 is the member, its webhook body names her
        String secret = "whsec-" + Fixtures.unique("s");
        Api.Response connected = w.asAdmin().post("/api/v1/companies/" + shop[0] + "/connections",
                Map.of("platform", "WOOCOMMERCE", "shopUrl", "https://shop.test", "webhookSecret", secret));
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        long connection = connected.json().path("id").asLong();
        String customerId = "7345" + tag.replaceAll("\\D", "");
        String body = Api.JSON.writeValueAsString(Map.of("id", Long.parseLong(customerId), "email", email,
                "first_name", firstName, "last_name", "Rossi"));
        Api.Response hook = new Api(port).header("X-WC-Webhook-Topic", "customer.created")
                .header("X-WC-Webhook-Source", "https://shop.test/").header("X-WC-Webhook-ID", "7")
                .header("X-WC-Webhook-Delivery-ID", Fixtures.unique("d")).header("X-WC-Webhook-Signature", sign(secret, body))
                .header("Content-Type", "application/json")
                .postRaw("/api/v1/hooks/woocommerce/" + connection, body);
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
        long delivery = hook.json().path("deliveryId").asLong();
        String outcome = Eventually.until(() -> jdbc.sql("select case when status = 'RECEIVED' then '' else coalesce(outcome, '-') "
                + "end from shop_delivery where id = :id").param("id", delivery).query(String.class).single(),
                o -> !o.isEmpty(), "the delivery to be processed");
        assertThat(outcome).as("the outcome names the shop's customer").contains(customerId);
        assertThat(jdbc.sql("select count(*) from member_shop_link where member_id = :m").param("m", m)
                .query(Long.class).single()).isEqualTo(1);

        // a text message, an inbox message and a voucher's note that name her (written as their services write them)
        jdbc.sql("insert into sms_message (circuit_id, company_id, member_id, send_key, phone, body, segments, status, "
                        + "created_at) values (:c, :co, :m, 'k', :phone, :body, 1, 'SENT', now())")
                .param("c", w.circuitId).param("co", shop[0]).param("m", m).param("phone", phone)
                .param("body", "Ciao " + firstName + ", ti aspettiamo").update();
        jdbc.sql("insert into member_message (circuit_id, member_id, kind, business_key, subject, body, emailed) "
                        + "values (:c, :m, 'POINTS_EARNED', :key, :subject, 'Grazie', false)")
                .param("c", w.circuitId).param("m", m).param("key", Fixtures.unique("inbox"))
                .param("subject", "Ciao " + firstName).update();
        long voucher = jdbc.sql("insert into voucher (circuit_id, code, source, member_id, request_key, status, expires_at) "
                        + "values (:c, :code, 'PROMOTION', :m, 'r', 'ISSUED', now() + interval '30 days') returning id")
                .param("c", w.circuitId).param("code", Fixtures.unique("V")).param("m", m).query(Long.class).single();
        jdbc.sql("insert into voucher_event (voucher_id, circuit_id, change, actor, note, at) values (:v, :c, 'ISSUED', "
                        + "'operator:1', :note, now())").param("v", voucher).param("c", w.circuitId)
                .param("note", "given to " + firstName + " at the counter").update();

        // a booking for two at 10:00
        long table = table(w, shop[1]);
        Api.Response booked = w.asAdmin().post("/api/v1/reservations", Map.of("memberId", m, "bookableId", table,
                "startsAt", at(10).toString(), "seats", 2));
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        assertThat(free(w, table, 1)).isEqualTo(2);

        assertThat(DatabaseScan.find(jdbc, values)).as("the scan sees her data before")
                .anyMatch(h -> h.startsWith("shop_delivery.body")).anyMatch(h -> h.startsWith("mail_outbox.recipient"))
                .anyMatch(h -> h.startsWith("sms_message.body")).anyMatch(h -> h.startsWith("member_message.subject"))
                .anyMatch(h -> h.startsWith("voucher_event.note"));

        Api.Response erased = w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "asked by mail"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        assertThat(DatabaseScan.find(jdbc, values)).as("no table holds her data after").isEmpty();
        assertThat(log.holding(values)).as("no line of the log names the member").isEmpty();
        assertThat(jdbc.sql("select body is null and customer_ref is null from shop_delivery where id = :id")
                .param("id", delivery).query(Boolean.class).single()).as("the webhook body is emptied").isTrue();
        assertThat(jdbc.sql("select outcome from shop_delivery where id = :id").param("id", delivery)
                .query(String.class).single()).as("the outcome no longer names the shop's customer")
                .doesNotContain(customerId).contains("(erased)");
        assertThat(jdbc.sql("select count(*) from member_shop_link where member_id = :m").param("m", m)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer_account where member_id = :m").param("m", m)
                .query(Long.class).single()).isZero();
        assertThat(customer.get("/c/" + w.circuitId + "/my").status()).as("the live session is gone")
                .isIn(302, 303);
        assertThat(jdbc.sql("select status from reservation where member_id = :m").param("m", m).query(String.class)
                .single()).isEqualTo("CANCELLED");
        assertThat(free(w, table, 1)).as("the two seats are free again").isEqualTo(4);
        w.assertBooksBalance();
    }

    @Test
    void anErasureCancelsOnlyFutureBookingsAndLeavesPastOnesAsTheyWere() {
        clock.set(at(8));
        World w = fixtures.world(api);
        long[] shop = w.company("Bookings");
        long table = table(w, shop[1]);
        long m = w.enrol(w.asAdmin(), Map.of("firstName", "Bice", "lastName", "Neri",
                "email", Fixtures.unique("bice") + "@member.test")).path("id").asLong();
        long other = w.enrol(w.asAdmin(), Map.of("firstName", "Carla", "lastName", "Neri",
                "email", Fixtures.unique("carla") + "@member.test")).path("id").asLong();
        for (int hour : new int[] {9, 11}) {
            assertThat(w.asAdmin().post("/api/v1/reservations", Map.of("memberId", m, "bookableId", table,
                    "startsAt", at(hour).toString(), "seats", 1)).status()).isEqualTo(201);
        }
        assertThat(w.asAdmin().post("/api/v1/reservations", Map.of("memberId", other, "bookableId", table,
                "startsAt", at(11).toString(), "seats", 3)).status()).isEqualTo(201);
        clock.set(at(10)); // the 9 o'clock booking is past, still open at the counter

        assertThat(w.asAdmin().post("/api/v1/members/" + m + "/erasure", Map.of("reason", "asked")).status())
                .isEqualTo(200);

        Map<Instant, String> statuses = new HashMap<>();
        jdbc.sql("select starts_at, status from reservation where member_id = :m").param("m", m)
                .query((rs, n) -> statuses.put(rs.getTimestamp(1).toInstant(), rs.getString(2))).list();
        assertThat(statuses).containsEntry(at(9), "BOOKED").containsEntry(at(11), "CANCELLED");
        assertThat(jdbc.sql("select status from reservation where member_id = :m").param("m", other)
                .query(String.class).single()).as("another member's booking stays").isEqualTo("BOOKED");
        assertThat(free(w, table, 2)).as("only the erased member's seat is given back").isEqualTo(1);
        assertThat(jdbc.sql("select taken from reservation_slot where bookable_id = :b and starts_at = :s")
                .param("b", table).param("s", Timestamp.from(at(9))).query(Integer.class).single()).isEqualTo(1);
    }

    /** A table of four places, hourly from 9 to 12 on weekdays. */
    private long table(World w, long storeId) {
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            hours.add(Map.of("day", day, "opens", "09:00", "closes", "12:00"));
        }
        Api.Response r = w.asAdmin().post("/api/v1/stores/" + storeId + "/bookables", Map.of("kind", "TABLE",
                "name", "Tavolo", "durationMinutes", 60, "capacity", 4, "hours", hours, "closures", List.of()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    /** Places free in the table's slot of the index (0 = 9:00) on Monday. */
    private static int free(World w, long table, int slot) {
        JsonNode slots = w.asAdmin().get("/api/v1/bookables/" + table + "/slots?date=" + MONDAY).json();
        return slots.get(slot).path("free").asInt();
    }

    private static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
