package org.loyaltyhub.marketing;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.EmailCampaignSender;
import org.loyaltyhub.marketing.internal.SendingRate;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit administrator sends an e-mail campaign to a search filter or a segment: only members with an address and
 * the marketing consent receive it, once each, at the configured rate, even across a restart; its report counts
 * opens, clicks, unsubscriptions and the purchases that followed.
 */
class SendingEmailCampaignsTest extends IntegrationTest {

    private static final List<Map<String, Object>> MARKETING = List.of(
            Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
            Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmailCampaignSender sender;

    @Autowired
    TransactionTemplate tx;

    private World world;

    private long member(Api till, String lastName, String email, List<Map<String, Object>> consents) {
        return world.enrol(till, Map.of("firstName", "Giulia", "lastName", lastName, "email", email,
                "consents", consents)).path("id").asLong();
    }

    private static Map<String, Object> campaign(String filter, String bodyEn) {
        Map<String, Object> c = new HashMap<>();
        c.put("name", "Spring sale");
        c.put("filter", filter);
        c.put("subjectIt", "Saldi per {first_name}");
        c.put("bodyIt", "Ciao {first_name}, vieni a trovarci: https://shop.example.org/saldi");
        c.put("subjectEn", "Sale for {first_name}");
        c.put("bodyEn", bodyEn);
        return c;
    }

    private long create(Map<String, Object> fields) {
        Api.Response r = world.asAdmin().post("/api/v1/email-campaigns", fields);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long outboxRows(String email) {
        return jdbc.sql("select count(*) from mail_outbox where recipient = :r").param("r", email)
                .query(Long.class).single();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void aCampaignToAFilterReachesOnlyConsentingMembersOnceAndItsReportCountsWhatFollowed() throws Exception {
        world = fixtures.world(api);
        long[] shop = world.company("Forno");
        Api till = api.withKey(world.apiKey(shop[0], shop[1]));
        String family = Fixtures.unique("Zanetti");
        String a = Fixtures.unique("camp-a") + "@member.test";
        String b = Fixtures.unique("camp-b") + "@member.test";
        String noConsent = Fixtures.unique("camp-none") + "@member.test";
        String other = Fixtures.unique("camp-other") + "@member.test";
        long memberA = member(till, family, a, MARKETING);
        member(till, family, b, MARKETING);
        member(till, family, noConsent, List.of(MARKETING.getFirst()));
        member(till, Fixtures.unique("Rossi"), other, MARKETING);

        long id = create(campaign(family, "Hello {first_name}, come and see: https://shop.example.org/sale"));
        assertThat(world.asAdmin().post("/api/v1/email-campaigns/audience", campaign(family, "Hi")).json()
                .path("members").asLong()).isEqualTo(2);
        assertThat(world.asAdmin().post("/api/v1/email-campaigns/" + id + "/send", Map.of()).json()
                .path("status").asString()).isEqualTo("SENDING");
        assertThat(world.asAdmin().post("/api/v1/email-campaigns/" + id + "/send", Map.of()).status())
                .as("sending again changes nothing").isEqualTo(200);

        MimeMessage mail = TestMail.nextTo(a, () -> sender.runAt(clock.instant()));
        sender.runAt(clock.instant());
        assertThat(world.asAdmin().get("/api/v1/email-campaigns/" + id).json().path("status").asString())
                .isEqualTo("SENT");
        assertThat(TestMail.subject(mail)).contains("Giulia");
        assertThat(mail.getHeader("List-Unsubscribe")).isNotNull();
        assertThat(outboxRows(a)).isEqualTo(1);
        assertThat(outboxRows(b)).isEqualTo(1);
        assertThat(outboxRows(noConsent)).as("no marketing consent").isZero();
        assertThat(outboxRows(other)).as("not in the filter").isZero();
        assertThat(jdbc.sql("select count(*) from member_message where member_id = :m and kind = 'CAMPAIGN'")
                .param("m", memberA).query(Long.class).single()).as("in the inbox").isEqualTo(1);

        String html = jdbc.sql("select html_body from mail_outbox where recipient = :r").param("r", a)
                .query(String.class).single();
        java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("src=\"([^\"]*/track/open/[^\"]*)\"")
                .matcher(html);
        assertThat(pixel.find()).as(html).isTrue();
        assertThat(api.get(path(pixel.group(1).replace("&amp;", "&"))).status()).isEqualTo(200);
        Api.Response click = api.get(path(TestMail.link(mail, "/track/click/")));
        assertThat(click.status()).isEqualTo(302);
        assertThat(click.header("Location")).as("the circuit is Italian").isEqualTo("https://shop.example.org/saldi");
        String forged = path(TestMail.link(mail, "/track/click/")).replaceAll("url=[^&]*", "url=https%3A%2F%2Fevil.test");
        assertThat(api.get(forged).status()).as("no open redirect").isEqualTo(404);
        Api.Response unsubscribe = api.postRaw(path(TestMail.link(mail, "/unsubscribe/")), "List-Unsubscribe=One-Click");
        assertThat(unsubscribe.status()).isLessThan(400);
        world.purchase(till, "C-1", memberA, "40.00", "PAID");

        JsonNode report = world.asAdmin().get("/api/v1/email-campaigns/" + id + "/report").json();
        assertThat(report.path("recipients").asLong()).isEqualTo(2);
        assertThat(report.path("sent").asLong()).isEqualTo(2);
        assertThat(report.path("opened").asLong()).isEqualTo(1);
        assertThat(report.path("clicked").asLong()).isEqualTo(1);
        assertThat(report.path("unsubscribed").asLong()).isEqualTo(1);
        assertThat(report.path("purchases").asLong()).isEqualTo(1);
        assertThat(report.path("points").asLong()).isPositive();
    }

    @Test
    void aRestartInTheMiddleOfSendingSendsNobodyTwiceAndSkipsNobodyAtTheConfiguredRate() {
        world = fixtures.world(api);
        long[] shop = world.company("Forno");
        Api till = api.withKey(world.apiKey(shop[0], shop[1]));
        String family = Fixtures.unique("Bianchi");
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String email = Fixtures.unique("restart" + i) + "@member.test";
            emails.add(email);
            member(till, family, email, MARKETING);
        }
        long id = create(campaign(family, "Hello {first_name}"));
        clock.advance(Duration.ofDays(400));
        world.asAdmin().post("/api/v1/email-campaigns/" + id + "/send", Map.of());

        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            assertThat(sender.sendChunk(id, 7, now)).isEqualTo(7);
            status.setRollbackOnly(); // the node dies before its chunk commits
        });
        assertThat(emails.stream().mapToLong(this::outboxRows).sum()).as("nothing of the lost chunk").isZero();

        SendingRate tenAMinute = new SendingRate(10);
        assertThat(sender.runAt(now, tenAMinute).sent()).isEqualTo(10);
        assertThat(sender.runAt(now, tenAMinute).sent()).as("the minute's allowance is used").isZero();
        int rounds = 0;
        while (!"SENT".equals(world.asAdmin().get("/api/v1/email-campaigns/" + id).json().path("status").asString())) {
            clock.advance(Duration.ofSeconds(61));
            sender.runAt(clock.instant(), tenAMinute);
            assertThat(++rounds).isLessThan(10);
        }
        assertThat(rounds).isEqualTo(2);
        assertThat(emails).allSatisfy(e -> assertThat(outboxRows(e)).as(e).isEqualTo(1));
        JsonNode report = world.asAdmin().get("/api/v1/email-campaigns/" + id + "/report").json();
        assertThat(report.path("recipients").asLong()).isEqualTo(25);
        assertThat(report.path("sent").asLong()).isEqualTo(25);
    }

    @Test
    void aScheduledCampaignGoesOutWhenItsTimeComes() {
        world = fixtures.world(api);
        long[] shop = world.company("Forno");
        Api till = api.withKey(world.apiKey(shop[0], shop[1]));
        String family = Fixtures.unique("Neri");
        String email = Fixtures.unique("scheduled") + "@member.test";
        member(till, family, email, MARKETING);
        long id = create(campaign(family, "Hello"));

        Api.Response past = world.asAdmin().post("/api/v1/email-campaigns/" + id + "/schedule",
                Map.of("sendAt", clock.instant().minusSeconds(60).toString()));
        assertThat(past.status()).isEqualTo(400);
        Instant at = clock.instant().plus(Duration.ofDays(500));
        assertThat(world.asAdmin().post("/api/v1/email-campaigns/" + id + "/schedule", Map.of("sendAt", at.toString()))
                .json().path("status").asString()).isEqualTo("SCHEDULED");
        sender.runAt(clock.instant());
        assertThat(outboxRows(email)).isZero();

        clock.set(at.plusSeconds(5));
        assertThat(sender.runAt(clock.instant()).started()).isEqualTo(1);
        assertThat(outboxRows(email)).isEqualTo(1);
        assertThat(world.asAdmin().put("/api/v1/email-campaigns/" + id, campaign(family, "Changed")).code())
                .as("a campaign sent cannot change").startsWith("campaign-");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        world = fixtures.world(api);
        World elsewhere = fixtures.world(api);
        long foreignSegment = elsewhere.asAdmin().post("/api/v1/segments", Map.of("name", Fixtures.unique("seg"),
                "match", "ALL", "groups", List.of(Map.of("match", "ALL", "conditions", List.of(Map.of(
                        "field", "POINTS_BALANCE", "operator", "GREATER_THAN", "values", List.of("10")))))))
                .json().path("id").asLong();
        int before = world.asAdmin().get("/api/v1/email-campaigns").json().size();

        Map<String, Object> unknown = campaign("x", "Hello {frist_name}");
        Api.Response r = world.asAdmin().post("/api/v1/email-campaigns", unknown);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("unknown-shortcode");
        assertThat(r.json().path("field").asString()).isEqualTo("bodyEn");

        Map<String, Object> foreign = campaign(null, "Hello");
        foreign.put("segmentId", foreignSegment);
        Api.Response f = world.asAdmin().post("/api/v1/email-campaigns", foreign);
        assertThat(f.status()).as(f.toString()).isEqualTo(400);
        assertThat(f.body()).contains("segmentId");

        Api.Response none = world.asAdmin().post("/api/v1/email-campaigns", campaign(null, "Hello"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("segmentId");
        assertThat(world.asAdmin().get("/api/v1/email-campaigns").json().size()).isEqualTo(before);

        long[] shop = world.company("Forno");
        Api companyAdmin = world.as(world.operator("COMPANY_ADMIN", shop[0], null));
        assertThat(companyAdmin.get("/api/v1/email-campaigns").status()).isEqualTo(403);
    }
}
