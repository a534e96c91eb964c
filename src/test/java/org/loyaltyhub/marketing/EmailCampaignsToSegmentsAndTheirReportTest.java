package org.loyaltyhub.marketing;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.EmailCampaignSender;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail campaigns to one of the circuit's saved segments over the API and real SMTP: exactly the segment's consenting
 * members receive it, a test send reaches only the administrator, tracking switched off leaves no pixel and no
 * redirect links, and the report counts the skipped, the failed and the purchases inside the attribution window only.
 */
class EmailCampaignsToSegmentsAndTheirReportTest extends IntegrationTest {

    private static final Map<String, Object> PRIVACY = Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1");
    private static final Map<String, Object> MARKETING = Map.of("kind", "MARKETING", "granted", true,
            "textVersion", "v1");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailCampaignSender sender;

    private World w;
    private Api till;

    private void open() {
        w = fixtures.world(api);
        w.settings(Map.of());
        long[] shop = w.company("Forno");
        till = api.withKey(w.apiKey(shop[0], shop[1]));
    }

    private long member(World in, Api as, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Giulia", "lastName", "Verdi"));
        body.putAll(fields);
        return in.enrol(as, body).path("id").asLong();
    }

    private long consenting(String email, String city) {
        return member(w, till, Map.of("email", email, "city", city, "consents", List.of(PRIVACY, MARKETING)));
    }

    private long segment(String city) {
        Api.Response r = w.asAdmin().post("/api/v1/segments", Map.of("name", Fixtures.unique("city"), "match", "ALL",
                "groups", List.of(Map.of("match", "ALL", "conditions", List.of(Map.of("field", "CITY",
                        "operator", "ANY_OF", "values", List.of(city)))))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long campaign(Long segmentId, String filter, String bodyEn, Integer attributionDays) {
        Map<String, Object> c = new HashMap<>(Map.of("name", Fixtures.unique("campaign"),
                "subjectIt", "Novità per {first_name}", "bodyIt", "Ciao {first_name}: https://shop.example.org/novita",
                "subjectEn", "News for {first_name}", "bodyEn", bodyEn));
        if (segmentId != null) {
            c.put("segmentId", segmentId);
        }
        if (filter != null) {
            c.put("filter", filter);
        }
        if (attributionDays != null) {
            c.put("attributionDays", attributionDays);
        }
        Api.Response r = w.asAdmin().post("/api/v1/email-campaigns", c);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void sendNow(long campaign) {
        Api.Response r = w.asAdmin().post("/api/v1/email-campaigns/" + campaign + "/send", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private JsonNode report(long campaign) {
        return w.asAdmin().get("/api/v1/email-campaigns/" + campaign + "/report").json();
    }

    private long outbox(String email) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", email)
                .query(Long.class).single();
    }

    private long campaignMessages(long memberId) {
        return jdbc.sql("select count(*) from member_message where member_id = :m and kind = 'CAMPAIGN'")
                .param("m", memberId).query(Long.class).single();
    }

    @Test
    void aCampaignToTheCircuitsOwnSegmentReachesExactlyItsMembersWithAnAddressAndTheMarketingConsent() {
        open();
        String city = Fixtures.unique("Borgo");
        String first = Fixtures.unique("seg-a") + "@member.test";
        String second = Fixtures.unique("seg-b") + "@member.test";
        String noConsent = Fixtures.unique("seg-none") + "@member.test";
        String elsewhere = Fixtures.unique("seg-out") + "@member.test";
        String stranger = Fixtures.unique("seg-stranger") + "@member.test";
        long a = consenting(first, city);
        long b = consenting(second, city);
        long withoutConsent = member(w, till, Map.of("email", noConsent, "city", city, "consents", List.of(PRIVACY)));
        long withoutAddress = member(w, till, Map.of("phone", "+393331234567", "city", city,
                "consents", List.of(PRIVACY, MARKETING)));
        consenting(elsewhere, Fixtures.unique("Altrove"));
        World other = fixtures.world(api);
        member(other, other.asAdmin(), Map.of("email", stranger, "city", city, "consents", List.of(PRIVACY, MARKETING)));
        long segment = segment(city);
        long id = campaign(segment, null, "Hello {first_name}", null);
        assertThat(w.asAdmin().post("/api/v1/email-campaigns/audience", Map.of("segmentId", segment,
                "name", "x", "subjectIt", "x", "bodyIt", "x", "subjectEn", "x", "bodyEn", "x")).json()
                .path("members").asLong()).isEqualTo(2);

        sendNow(id);
        MimeMessage mail = TestMail.nextTo(first, () -> sender.runAt(clock.instant()));
        sender.runAt(clock.instant());

        assertThat(TestMail.subject(mail)).isEqualTo("Novità per Giulia");
        assertThat(outbox(first)).isEqualTo(1);
        assertThat(outbox(second)).isEqualTo(1);
        assertThat(outbox(noConsent)).as("no marketing consent").isZero();
        assertThat(outbox(elsewhere)).as("not in the segment").isZero();
        assertThat(outbox(stranger)).as("another circuit's member").isZero();
        assertThat(List.of(campaignMessages(a), campaignMessages(b), campaignMessages(withoutConsent),
                campaignMessages(withoutAddress))).containsExactly(1L, 1L, 0L, 0L);
        JsonNode report = report(id);
        assertThat(report.path("recipients").asLong()).isEqualTo(2);
        assertThat(report.path("sent").asLong()).isEqualTo(2);
        assertThat(report.path("skipped").asLong()).isZero();
        assertThat(w.asAdmin().get("/api/v1/email-campaigns/" + id).json().path("status").asString())
                .isEqualTo("SENT");
    }

    @Test
    void aTestSendReachesOnlyTheAdministratorAndChangesNoCounter() {
        open();
        String city = Fixtures.unique("Borgo");
        String email = Fixtures.unique("test-send") + "@member.test";
        long member = consenting(email, city);
        long id = campaign(segment(city), null, "Hello {first_name}", null);

        Api.Response[] sent = new Api.Response[1];
        MimeMessage mail = TestMail.nextTo(w.admin.email(), () ->
                sent[0] = w.asAdmin().post("/api/v1/email-campaigns/" + id + "/test/en", Map.of()));

        assertThat(sent[0].status()).as(sent[0].toString()).isEqualTo(200);
        assertThat(sent[0].json().path("sentTo").asString()).isEqualTo(w.admin.email());
        assertThat(TestMail.subject(mail)).startsWith("[TEST] News for ");
        assertThat(TestMail.countTo(email)).isZero();
        assertThat(outbox(email)).isZero();
        assertThat(campaignMessages(member)).isZero();
        assertThat(w.asAdmin().get("/api/v1/email-campaigns/" + id).json().path("status").asString())
                .isEqualTo("DRAFT");
        JsonNode report = report(id);
        for (String counter : List.of("recipients", "sent", "failed", "skipped", "opened", "clicked")) {
            assertThat(report.path(counter).asLong()).as(counter).isZero();
        }
    }

    @Test
    void withTrackingSwitchedOffTheEmailHasNoOpenPixelAndItsLinksGoStraightToTheirTarget() throws Exception {
        open();
        Api.Response off = w.asAdmin().put("/api/v1/email-campaigns/tracking", Map.of("opens", false,
                "clicks", false));
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/email-campaigns/tracking").json().toString())
                .contains("\"opens\":false").contains("\"clicks\":false");
        String family = Fixtures.unique("Privati");
        String email = Fixtures.unique("untracked") + "@member.test";
        member(w, till, Map.of("lastName", family, "email", email, "language", "EN",
                "consents", List.of(PRIVACY, MARKETING)));
        long id = campaign(null, family, "Hello {first_name}, see https://shop.example.org/sale today.", null);

        sendNow(id);
        MimeMessage mail = TestMail.nextTo(email, () -> sender.runAt(clock.instant()));

        String html = jdbc.sql("select html_body from mail_outbox where recipient = :r").param("r", email)
                .query(String.class).single();
        assertThat(html).contains("https://shop.example.org/sale").doesNotContain("/track/open/")
                .doesNotContain("/track/click/");
        assertThat(TestMail.text(mail)).contains("see https://shop.example.org/sale today.")
                .doesNotContain("/track/");
        assertThat(mail.getHeader("List-Unsubscribe")).as("the unsubscribe link stays").isNotNull();
    }

    @Test
    void aRecipientWhoLostTheConsentBeforeTheirTurnIsSkippedAndOneTheOutboxGaveUpOnIsFailedNotSent() {
        open();
        String city = Fixtures.unique("Borgo");
        String delivered = Fixtures.unique("ok") + "@member.test";
        String refused = Fixtures.unique("refused") + "@member.test";
        String withdrawn = Fixtures.unique("withdrawn") + "@member.test";
        consenting(delivered, city);
        long refusedMember = consenting(refused, city);
        long withdrawing = consenting(withdrawn, city);
        long id = campaign(segment(city), null, "Hello {first_name}", null);
        sendNow(id);
        assertThat(report(id).path("recipients").asLong()).as("queued").isEqualTo(3);
        Api.Response consent = w.asAdmin().post("/api/v1/members/" + withdrawing + "/consents", List.of(Map.of(
                "kind", "MARKETING", "granted", false, "textVersion", "v1")));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);

        sender.runAt(clock.instant());
        // GreenMail takes every address, so the SMTP refusals are played as the outbox records its last one
        jdbc.sql("update mail_outbox set sent_at = null, attempts = 8, last_error = '550 mailbox unavailable', "
                        + "failed_at = now() where id = (select outbox_id from email_campaign_recipient "
                        + "where campaign_id = :c and member_id = :m)")
                .param("c", id).param("m", refusedMember).update();

        JsonNode report = report(id);
        assertThat(report.path("recipients").asLong()).isEqualTo(3);
        assertThat(report.path("sent").asLong()).isEqualTo(1);
        assertThat(report.path("failed").asLong()).isEqualTo(1);
        assertThat(report.path("skipped").asLong()).isEqualTo(1);
        assertThat(report.path("unsubscribed").asLong()).as("withdrawn before, not after, the e-mail").isZero();
        assertThat(outbox(withdrawn)).isZero();
        assertThat(outbox(delivered)).isEqualTo(1);
    }

    @Test
    void aPurchaseJustInsideTheAttributionWindowCountsAndOneJustOutsideDoesNot() {
        open();
        String family = Fixtures.unique("Finestra");
        String email = Fixtures.unique("window") + "@member.test";
        long member = member(w, till, Map.of("lastName", family, "email", email,
                "consents", List.of(PRIVACY, MARKETING)));
        long id = campaign(null, family, "Hello", 3);
        w.purchase(till, "W-0", member, "99.00", "PAID");
        clock.advance(Duration.ofMinutes(1));
        sendNow(id);
        sender.runAt(clock.instant());
        Instant sentAt = jdbc.sql("select sent_at from email_campaign_recipient where campaign_id = :c")
                .param("c", id).query(java.sql.Timestamp.class).single().toInstant();

        clock.set(sentAt.plus(Duration.ofDays(3)).minusSeconds(60));
        assertThat(w.purchase(till, "W-1", member, "12.00", "PAID").status()).isEqualTo(201);
        clock.set(sentAt.plus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(w.purchase(till, "W-2", member, "30.00", "PAID").status()).isEqualTo(201);

        JsonNode report = report(id);
        assertThat(report.path("purchases").asLong()).as("before the e-mail and after the window: not counted")
                .isEqualTo(1);
        assertThat(report.path("purchasesTotal").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(report.path("points").asLong()).isEqualTo(12);
    }
}
