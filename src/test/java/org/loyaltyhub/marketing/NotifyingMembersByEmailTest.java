package org.loyaltyhub.marketing;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.NotificationJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.ReferralSteps;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Members are told by e-mail (through the outbox and a real SMTP server) and in their inbox about what happens to
 * their points, with the consent each message needs; promotional ones carry a one-click unsubscribe.
 */
class NotifyingMembersByEmailTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotificationJobs jobs;

    private static final List<Map<String, Object>> PRIVACY = List.of(
            Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"));

    private void on(World w, String kind, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(extra);
        body.put("enabled", true);
        Api.Response r = w.asAdmin().put("/api/v1/notifications/" + kind, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private long member(World w, Api as, String email, List<Map<String, Object>> consents) {
        return w.enrol(as, Map.of("firstName", "Giulia", "lastName", "Verdi", "email", email, "consents", consents))
                .path("id").asLong();
    }

    private long messages(long circuitId, long memberId, String kind) {
        return jdbc.sql("select count(*) from member_message where circuit_id = :c and member_id = :m and kind = :k")
                .param("c", circuitId).param("m", memberId).param("k", kind).query(Long.class).single();
    }

    @Test
    void aMemberWhoEarnsPointsGetsAnEmailWithHtmlAndTextAndTheMessageInTheirInbox() throws Exception {
        World w = fixtures.world(api);
        on(w, "POINTS_EARNED", Map.of());
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String email = Fixtures.unique("earn") + "@member.test";
        long member = member(w, till, email, PRIVACY);

        MimeMessage mail = TestMail.nextTo(email, () -> w.purchase(till, "N-1", member, "25.00", "PAID"));

        assertThat(TestMail.subject(mail)).contains("25");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String all = parts(parts);
        assertThat(all).contains("text/plain").contains("text/html").contains("Giulia").contains("/c/" + w.circuitId + "/my");
        assertThat(mail.getHeader("List-Unsubscribe")).as("account news has no unsubscribe").isNull();
        assertThat(messages(w.circuitId, member, "POINTS_EARNED")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", email)
                .query(Long.class).single()).as("sent once").isEqualTo(1);
    }

    private static String parts(MimeMultipart multipart) throws Exception {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            out.append(part.getContentType()).append('\n');
            out.append(part.getContent() instanceof MimeMultipart inner ? parts(inner) : part.getContent()).append('\n');
        }
        return out.toString();
    }

    @Test
    void withoutTheConsentOrWithTheNotificationOffNoEmailLeaves() {
        World w = fixtures.world(api);
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String noConsent = Fixtures.unique("noconsent") + "@member.test";
        long withoutConsent = member(w, till, noConsent, List.of());
        String off = Fixtures.unique("off") + "@member.test";
        long switchedOff = member(w, till, off, PRIVACY);

        w.purchase(till, "N-2", switchedOff, "10.00", "PAID");
        assertThat(messages(w.circuitId, switchedOff, "POINTS_EARNED")).as("off: nothing at all").isZero();
        on(w, "POINTS_EARNED", Map.of());
        w.purchase(till, "N-3", withoutConsent, "10.00", "PAID");

        assertThat(messages(w.circuitId, withoutConsent, "POINTS_EARNED")).as("the inbox still has it").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient in (:a, :b)").param("a", noConsent)
                .param("b", off).query(Long.class).single()).isZero();
    }

    @Test
    void theThresholdIsAnnouncedOnceWhenTheBalanceReachesIt() {
        World w = fixtures.world(api);
        assertThat(w.asAdmin().put("/api/v1/notifications/THRESHOLD_REACHED", Map.of("enabled", true)).code())
                .as("a threshold is needed").isEqualTo("invalid-input");
        on(w, "THRESHOLD_REACHED", Map.of("threshold", 30));
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String email = Fixtures.unique("threshold") + "@member.test";
        long member = member(w, till, email, PRIVACY);

        w.purchase(till, "T-1", member, "20.00", "PAID");
        assertThat(messages(w.circuitId, member, "THRESHOLD_REACHED")).isZero();
        MimeMessage mail = TestMail.nextTo(email, () -> w.purchase(till, "T-2", member, "15.00", "PAID"));
        assertThat(TestMail.subject(mail)).contains("30");
        w.purchase(till, "T-3", member, "15.00", "PAID");
        assertThat(messages(w.circuitId, member, "THRESHOLD_REACHED")).isEqualTo(1);
    }

    @Test
    void aReferrerIsToldByEmailAndInTheInboxOnceWhenTheirFriendsFirstPurchaseRewardsThem() throws Exception {
        World w = fixtures.world(api);
        w.settings(Map.of());
        on(w, "REFERRAL_REWARD", Map.of());
        ReferralSteps.set(w, Map.of());
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String email = Fixtures.unique("referrer") + "@member.test";
        long anna = member(w, till, email, List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1")));
        long bruno = w.enrol(till, "friend").path("id").asLong();
        assertThat(ReferralSteps.refer(till, bruno, ReferralSteps.code(w, anna)).status()).isEqualTo(201);

        ReferralSteps.paid(w, till, bruno, "10.00");
        assertThat(messages(w.circuitId, anna, "REFERRAL_REWARD")).as("under the minimum spend").isZero();
        MimeMessage mail = TestMail.nextTo(email, () -> ReferralSteps.paid(w, till, bruno, "30.00"));

        assertThat(TestMail.subject(mail)).isEqualTo("Grazie per aver invitato un amico");
        assertThat(parts((MimeMultipart) mail.getContent())).contains("Giulia", "100");
        assertThat(mail.getHeader("List-Unsubscribe")).as("a marketing message").isNotNull();
        ReferralSteps.paid(w, till, bruno, "40.00");
        assertThat(messages(w.circuitId, anna, "REFERRAL_REWARD")).as("once per award").isEqualTo(1);
        assertThat(messages(w.circuitId, bruno, "REFERRAL_REWARD")).isZero();
    }

    @Test
    void messagesAreWrittenInTheMembersLanguageElseInTheCircuits() throws Exception {
        World w = fixtures.world(api);
        on(w, "POINTS_EARNED", Map.of());
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String english = Fixtures.unique("english") + "@member.test";
        String italian = Fixtures.unique("italian") + "@member.test";
        long reader = w.enrol(till, Map.of("firstName", "Jane", "email", english, "consents", PRIVACY,
                "language", "EN")).path("id").asLong();
        long other = member(w, till, italian, PRIVACY);
        JsonNode none = w.asAdmin().get("/api/v1/members/" + other).json().path("language");
        assertThat(none.isNull() || none.isMissingNode()).as("no language of their own").isTrue();

        MimeMessage mail = TestMail.nextTo(english, () -> w.purchase(till, "L-1", reader, "1250.00", "PAID"));
        assertThat(TestMail.subject(mail)).as("English numbers too").isEqualTo("You earned 1,250 points");
        assertThat(TestMail.subject(TestMail.nextTo(italian, () -> w.purchase(till, "L-2", other, "1250.00", "PAID"))))
                .as("the circuit's language (Italy)").isEqualTo("Hai guadagnato 1.250 punti");

        Api.Response changed = w.asAdmin().patch("/api/v1/members/" + reader, Map.of("language", "IT"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("language").asString()).isEqualTo("IT");
        assertThat(TestMail.subject(TestMail.nextTo(english, () -> w.purchase(till, "L-3", reader, "10.00", "PAID"))))
                .isEqualTo("Hai guadagnato 10 punti");
        assertThat(w.asAdmin().patch("/api/v1/members/" + reader, Map.of("language", "FR")).status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/members/" + reader).json().path("language").asString()).isEqualTo("IT");
    }

    @Test
    void anUnknownShortcodeIsRefusedWithTheValidOnesAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response r = w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/en",
                Map.of("subject", "You earned {pointz}", "body", "Hello"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("unknown-shortcode");
        assertThat(r.json().path("valid").toString()).contains("{points}").contains("{first_name}");
        JsonNode templates = w.asAdmin().get("/api/v1/notifications/POINTS_EARNED/templates").json();
        assertThat(templates.toString()).doesNotContain("pointz");
        assertThat(templates.get(0).path("custom").asBoolean()).isFalse();

        Api.Response saved = w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/en",
                Map.of("subject", "+{points} at {store_name}", "body", "Hi {first_name} <b>"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/fr",
                Map.of("subject", "x", "body", "y")).status()).isEqualTo(404);
        Api.Response preview = w.asAdmin().post("/api/v1/notifications/POINTS_EARNED/templates/en/preview",
                Map.of("subject", "+{points}", "body", "Hi {first_name} <b>"));
        assertThat(preview.json().path("subject").asString()).isEqualTo("+120");
        assertThat(preview.json().path("html").asString()).contains("Hi Maria &lt;b&gt;");
    }

    @Test
    void aTestSendReachesTheAdministrator() {
        World w = fixtures.world(api);
        MimeMessage mail = TestMail.nextTo(w.admin.email(), () -> assertThat(w.asAdmin().post(
                "/api/v1/notifications/BIRTHDAY/templates/it/test", Map.of("subject", "Auguri {first_name}",
                        "body", "Buon compleanno")).status()).isEqualTo(200));
        assertThat(TestMail.subject(mail)).isEqualTo("[TEST] Auguri Maria");
    }

    @Test
    void theBirthdayGreetingHasAOneClickUnsubscribeThatWithdrawsTheMarketingConsent() throws Exception {
        World w = fixtures.world(api);
        on(w, "BIRTHDAY", Map.of());
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String email = Fixtures.unique("birthday") + "@member.test";
        long member = w.enrol(w.asAdmin(), Map.of("firstName", "Anna", "email", email,
                "birthDate", today.minusYears(30).toString(), "consents", List.of(
                        Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                        Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1")))).path("id").asLong();

        MimeMessage mail = TestMail.nextTo(email, () -> jobs.runAt(now));
        jobs.runAt(now);
        assertThat(messages(w.circuitId, member, "BIRTHDAY")).as("once a year").isEqualTo(1);
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String path = unsubscribe.substring(unsubscribe.indexOf("/unsubscribe/"), unsubscribe.length() - 1);

        assertThat(api.get(path.substring(0, path.length() - 2) + "00").status()).as("a forged link").isEqualTo(404);
        assertThat(api.get(path).status()).isEqualTo(200);
        assertThat(consent(w, member)).as("a GET withdraws nothing").isTrue();
        Api.Response oneClick = api.postRaw(path, "List-Unsubscribe=One-Click");
        assertThat(oneClick.status()).as(oneClick.toString()).isEqualTo(200);
        assertThat(consent(w, member)).isFalse();
        JsonNode history = w.asAdmin().get("/api/v1/members/" + member + "/consents/history").json();
        assertThat(history.toString()).contains("unsubscribe-link");
    }

    private static boolean consent(World w, long member) {
        for (JsonNode c : w.asAdmin().get("/api/v1/members/" + member).json().path("consents")) {
            if (c.path("kind").asString().equals("MARKETING")) {
                return c.path("granted").asBoolean();
            }
        }
        return false;
    }
}
