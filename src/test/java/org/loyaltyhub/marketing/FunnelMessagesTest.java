package org.loyaltyhub.marketing;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A funnel step "send a message" (issue 12 §3): programs' funnel asks marketing to send it, which e-mails it through
 * the outbox (a real SMTP server here) in the member's language to members with the marketing consent, and keeps it
 * in every member's inbox, once per run.
 */
class FunnelMessagesTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private static final Map<String, Object> PRIVACY = Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1");
    private static final Map<String, Object> MARKETING = Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1");

    private static Map<String, Object> message(String bodyEn) {
        return Map.of("subjectIt", "Benvenuta {first_name}", "bodyIt", "Ciao {first_name}, hai {balance} punti.",
                "subjectEn", "Welcome {first_name}", "bodyEn", bodyEn);
    }

    private static Map<String, Object> welcome(Map<String, Object> message) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Welcome");
        body.put("trigger", Map.of("type", "ENROLMENT"));
        body.put("effects", List.of(Map.of("type", "FIXED_POINTS", "points", 15),
                Map.of("type", "MESSAGE", "message", message)));
        return body;
    }

    private static long activeFunnel(World w, Map<String, Object> body) {
        Api.Response created = w.asAdmin().post("/api/v1/funnels", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(w.asAdmin().post("/api/v1/funnels/" + id + "/activate", Map.of()).status()).isEqualTo(200);
        return id;
    }

    private long inbox(long circuitId, long memberId) {
        return jdbc.sql("select count(*) from member_message where circuit_id = :c and member_id = :m and kind = 'FUNNEL'")
                .param("c", circuitId).param("m", memberId).query(Long.class).single();
    }

    private static String detail(World w, long funnel, long member) {
        JsonNode runs = w.asAdmin().get("/api/v1/funnels/" + funnel + "/runs?memberId=" + member).json();
        assertThat(runs.size()).isEqualTo(1);
        assertThat(runs.get(0).path("state").asString()).isEqualTo("ACTED");
        return runs.get(0).path("detail").asString();
    }

    @Test
    void anEnrolmentFunnelEmailsItsMessageInEachMembersLanguageToThoseWithTheMarketingConsent() throws Exception {
        World w = fixtures.world(api);
        long funnel = activeFunnel(w, welcome(message("Hi {first_name}, you have {balance} points.")));
        String english = Fixtures.unique("jane") + "@member.test";
        String italian = Fixtures.unique("giulia") + "@member.test";
        String unconsenting = Fixtures.unique("nomarketing") + "@member.test";

        long[] jane = new long[1];
        MimeMessage toJane = TestMail.nextTo(english, () -> jane[0] = w.enrol(w.asAdmin(), Map.of("firstName", "Jane",
                "email", english, "language", "EN", "consents", List.of(PRIVACY, MARKETING))).path("id").asLong());
        assertThat(TestMail.subject(toJane)).isEqualTo("Welcome Jane");
        assertThat(TestMail.text(toJane)).as("the points given just before, in the balance")
                .contains("Hi Jane, you have 15 points.");
        assertThat(detail(w, funnel, jane[0])).contains("+15 points", "message sent");

        long[] giulia = new long[1];
        MimeMessage toGiulia = TestMail.nextTo(italian, () -> giulia[0] = w.enrol(w.asAdmin(), Map.of("firstName",
                "Giulia", "email", italian, "consents", List.of(PRIVACY, MARKETING))).path("id").asLong());
        assertThat(TestMail.subject(toGiulia)).as("the circuit's language").isEqualTo("Benvenuta Giulia");

        long other = w.enrol(w.asAdmin(), Map.of("firstName", "Nino", "email", unconsenting,
                "consents", List.of(PRIVACY))).path("id").asLong();
        assertThat(detail(w, funnel, other)).contains("message sent");
        assertThat(inbox(w.circuitId, other)).as("kept in the inbox").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", unconsenting)
                .query(Long.class).single()).as("no e-mail without the consent").isZero();
        assertThat(inbox(w.circuitId, jane[0])).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", english)
                .query(Long.class).single()).as("once").isEqualTo(1);
    }

    @Test
    void aMessageWithAnUnknownShortcodeOrMissingPartIsRefusedWithTheFieldAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response unknown = w.asAdmin().post("/api/v1/funnels", welcome(message("Hi {frist_name}")));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("effects[1].message.bodyEn", "{frist_name}");

        Map<String, Object> noSubject = new HashMap<>(message("Hi"));
        noSubject.remove("subjectIt");
        Api.Response missing = w.asAdmin().post("/api/v1/funnels", welcome(noSubject));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.body()).contains("message.subjectIt");

        Api.Response noMessage = w.asAdmin().post("/api/v1/funnels", Map.of("name", "Empty", "trigger",
                Map.of("type", "ENROLMENT"), "effects", List.of(Map.of("type", "MESSAGE"))));
        assertThat(noMessage.status()).as(noMessage.toString()).isEqualTo(400);
        assertThat(noMessage.body()).contains("effects[0].message");
        assertThat(w.asAdmin().get("/api/v1/funnels").json().size()).isZero();

        Map<String, Object> promotion = new HashMap<>(Map.of("name", "Not here", "priority", 1,
                "validFrom", "2026-01-01T00:00:00Z", "trigger", Map.of("type", "EVENT", "eventType", "review"),
                "effect", Map.of("type", "MESSAGE", "message", message("Hi"))));
        Api.Response onPromotion = w.asAdmin().post("/api/v1/promotions", promotion);
        assertThat(onPromotion.status()).as(onPromotion.toString()).isEqualTo(400);
        assertThat(onPromotion.body()).contains("for funnels");
    }
}
