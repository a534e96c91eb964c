package org.loyaltyhub.marketing;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.MembershipJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's tier change, membership renewal and membership about to end, made to happen through the API and the
 * membership job on the moved clock: each lands once in the inbox and once by e-mail (real SMTP), in the member's
 * language, in the circuit's e-mail layout (its logo and colour).
 */
class TellingMembersOfTierAndMembershipChangesTest extends IntegrationTest {

    private static final List<Map<String, Object>> PRIVACY = List.of(
            Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MembershipJobs membershipJobs;

    private World w;
    private Api till;

    private void open(String... kinds) {
        w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Club");
        till = api.withKey(w.apiKey(shop[0], shop[1]));
        for (String kind : kinds) {
            Api.Response r = w.asAdmin().put("/api/v1/notifications/" + kind, Map.of("enabled", true));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    private long member(String email, String language) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Giulia", "lastName", "Verdi", "email", email,
                "consents", PRIVACY));
        if (language != null) {
            body.put("language", language);
        }
        return w.enrol(till, body).path("id").asLong();
    }

    private List<String> inbox(long memberId, String kind) {
        return jdbc.sql("select subject from member_message where circuit_id = :c and member_id = :m and kind = :k")
                .param("c", w.circuitId).param("m", memberId).param("k", kind).query(String.class).list();
    }

    /** E-mails with this subject queued for the address (a sale also e-mails its invoice). */
    private long outbox(String email, String subject) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :r and subject = :s").param("r", email)
                .param("s", subject).query(Long.class).single();
    }

    private long plan(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("nameEn", "Premium", "nameIt", "Premium", "price", "29.00",
                "period", "MONTHLY"));
        body.putAll(overrides);
        Api.Response r = w.asAdmin().post("/api/v1/membership-plans", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Api.Response sell(long member, long plan, String receipt) {
        Api.Response r = till.post("/api/v1/members/" + member + "/memberships", Map.of("planId", plan,
                "paymentMethod", "CARD", "receiptNumber", receipt));
        assertThat(r.status()).as(r.toString()).isIn(200, 201);
        return r;
    }

    private static String shortDate(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale).format(at.atZone(ZoneOffset.UTC));
    }

    @Test
    void aPurchaseThatLiftsAMemberToATierTellsThemOnceInTheirLanguage() {
        open("TIER_CHANGED");
        Api.Response policy = w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED",
                "window", "LIFETIME", "downgrade", "NEVER", "graceDays", 0));
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        Api.Response gold = w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Gold", "nameIt", "Oro",
                "colour", "#c9a227", "threshold", 100, "earnMultiplier", "1", "redeemExtraPercent", 0));
        assertThat(gold.status()).as(gold.toString()).isEqualTo(201);
        String email = Fixtures.unique("tier") + "@member.test";
        long member = member(email, null);

        w.purchase(till, "T-1", member, "40.00", "PAID");
        assertThat(inbox(member, "TIER_CHANGED")).as("below the threshold").isEmpty();
        MimeMessage mail = TestMail.nextTo(email, () -> w.purchase(till, "T-2", member, "80.00", "PAID"));

        assertThat(TestMail.subject(mail)).as("the circuit's language (Italy), the tier's Italian name")
                .isEqualTo("Benvenuto nel livello Oro");
        assertThat(TestMail.text(mail)).contains("Ciao Giulia").contains("ora sei Oro");
        assertThat(inbox(member, "TIER_CHANGED")).containsExactly("Benvenuto nel livello Oro");
        w.purchase(till, "T-3", member, "50.00", "PAID");
        assertThat(inbox(member, "TIER_CHANGED")).as("still Gold: nothing more").hasSize(1);
        assertThat(outbox(email, "Benvenuto nel livello Oro")).as("sent once").isEqualTo(1);
    }

    @Test
    void aRenewedMembershipIsAnnouncedOnceWithItsNewEndInTheMembersLanguage() {
        open("MEMBERSHIP_RENEWED");
        long plan = plan(Map.of());
        String email = Fixtures.unique("renewed") + "@member.test";
        long member = member(email, "EN");
        JsonNode first = sell(member, plan, "R-1").json().path("membership");
        assertThat(inbox(member, "MEMBERSHIP_RENEWED")).as("a first sale is no renewal").isEmpty();

        MimeMessage mail = TestMail.nextTo(email, "Your membership is renewed", () -> sell(member, plan, "R-2"));
        Instant end = Instant.parse(w.asAdmin().get("/api/v1/members/" + member + "/memberships").json().get(0)
                .path("endsAt").asString());
        assertThat(end).isAfter(Instant.parse(first.path("endsAt").asString()));

        assertThat(TestMail.subject(mail)).isEqualTo("Your membership is renewed");
        assertThat(TestMail.text(mail)).contains("Hello Giulia").contains("renewed until " + shortDate(end, Locale.ENGLISH));
        assertThat(sell(member, plan, "R-2").json().path("alreadyGranted").asBoolean()).as("the till retries").isTrue();
        assertThat(inbox(member, "MEMBERSHIP_RENEWED")).containsExactly("Your membership is renewed");
        assertThat(outbox(email, "Your membership is renewed")).as("sent once").isEqualTo(1);
    }

    @Test
    void aMembershipEndingWithinAWeekIsAnnouncedOnceWhenTheJobRunsOnTheMovedClock() {
        open("MEMBERSHIP_EXPIRING");
        long plan = plan(Map.of("period", "FIXED_MONTHS", "months", 3));
        String email = Fixtures.unique("expiring") + "@member.test";
        long member = member(email, null);
        Instant end = Instant.parse(sell(member, plan, "R-1").json().path("membership").path("endsAt").asString());

        clock.set(end.minus(Duration.ofDays(8)));
        membershipJobs.runAt(clock.instant());
        assertThat(inbox(member, "MEMBERSHIP_EXPIRING")).as("more than a week to go").isEmpty();
        String expected = "La tua iscrizione scade il " + shortDate(end, Locale.ITALIAN);
        clock.set(end.minus(Duration.ofDays(6)));
        MimeMessage mail = TestMail.nextTo(email, expected, () -> membershipJobs.runAt(clock.instant()));
        clock.set(end.minus(Duration.ofDays(5)));
        membershipJobs.runAt(clock.instant());

        assertThat(TestMail.text(mail)).contains("Ciao Giulia").contains("Rinnovala");
        assertThat(inbox(member, "MEMBERSHIP_EXPIRING")).containsExactly(expected);
        assertThat(outbox(email, expected)).as("sent once").isEqualTo(1);
    }

    @Test
    void aNotificationCarriesTheCircuitsLogoAndColour() throws Exception {
        open("POINTS_EARNED");
        JsonNode circuit = w.asAdmin().get("/api/v1/circuit").json();
        Map<String, Object> fields = new HashMap<>(Map.of("name", circuit.path("name").asString(),
                "currency", circuit.path("currency").asString(), "companiesKeptApart", false,
                "budgetsEnforced", false, "logoUrl", "https://cdn.example.org/logo-club.png"));
        Api.Response saved = w.asAdmin().put("/api/v1/circuit", fields);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        WebForms office = new WebForms(port);
        office.get("/login");
        office.post("/login", Map.of("email", w.admin.email(), "password", w.admin.password()));
        office.get("/admin/notifications");
        WebForms.Reply colour = office.post("/admin/notifications/colour", Map.of("colour", "#7a1f5c"));
        assertThat(colour.status()).as(colour.toString()).isLessThan(400);
        String email = Fixtures.unique("layout") + "@member.test";
        long member = member(email, null);

        MimeMessage mail = TestMail.nextTo(email, () -> w.purchase(till, "L-1", member, "10.00", "PAID"));

        String html = html(mail.getContent());
        assertThat(html).contains("<img src=\"https://cdn.example.org/logo-club.png\"")
                .contains("background:#7a1f5c").contains("color:#7a1f5c");
        assertThat(TestMail.text(mail)).contains(circuit.path("name").asString());
    }

    private static String html(Object content) throws Exception {
        if (content instanceof jakarta.mail.internet.MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                var part = parts.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    return part.getContent().toString();
                }
                String inner = html(part.getContent());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
