package org.loyaltyhub.marketing;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.marketing.internal.SmsSender;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification goes by SMS as well when the circuit turns its SMS on: one SMS in the member's language with the
 * shortcodes filled, queued with the fact and sent at most once through the circuit's gateway (the log provider
 * here), paid by the circuit (no company), listed in the circuit's SMS log and counted; none without a phone or the
 * consent, none while the SMS is off, none when the fact rolls back.
 */
class NotifyingMembersBySmsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SmsSender sender;
    @Autowired
    Ledger ledger;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.loyaltyhub.marketing.internal.NotificationSettings settings;
    @Autowired
    org.loyaltyhub.marketing.internal.NotificationJobs notificationJobs;

    private static final Map<String, Object> PRIVACY = Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1");

    private static void switchOn(World w, String kind, boolean sms) {
        Api.Response r = w.asAdmin().put("/api/v1/notifications/" + kind, Map.of("enabled", true, "sms", sms));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("sms").asBoolean()).isEqualTo(sms);
    }

    private static long member(World w, Api as, String phone, String language, List<Map<String, Object>> consents) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Giulia", "lastName", "Verdi",
                "email", Fixtures.unique("sms") + "@member.test", "consents", consents, "language", language));
        if (phone != null) {
            body.put("phone", phone);
        }
        return w.enrol(as, body).path("id").asLong();
    }

    private List<Map<String, Object>> sms(long circuitId, long memberId) {
        return jdbc.sql("select company_id, notification_kind, phone, body, status from sms_message "
                        + "where circuit_id = :c and member_id = :m order by id")
                .param("c", circuitId).param("m", memberId).query().listOfRows();
    }

    private double sent() {
        var counter = meters.find("loyaltyhub.sms").tag("outcome", "sent").counter();
        return counter == null ? 0 : counter.count();
    }

    /** Runs the sender until the member's SMS left (the scheduled run may be the one that sends it). */
    private void sendQueued(long circuitId, long memberId) throws InterruptedException {
        for (int i = 0; i < 50 && !"SENT".equals(sms(circuitId, memberId).getFirst().get("status")); i++) {
            sender.runOnce();
            Thread.sleep(100);
        }
    }

    @Test
    void anEarnWithSmsOnSendsOneSmsInTheMembersLanguageWithTheShortcodesFilledPaidByTheCircuit() throws Exception {
        World w = fixtures.world(api);
        switchOn(w, "POINTS_EARNED", true);
        Api.Response en = w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/en/sms",
                Map.of("body", "Hi {first_name}: +{points} points, balance {balance}. {circuit_name}"));
        assertThat(en.status()).as(en.toString()).isEqualTo(200);
        assertThat(en.json().path("custom").asBoolean()).isTrue();
        assertThat(en.json().path("sample").path("segments").asInt()).isEqualTo(1);
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long english = member(w, till, "+393471230001", "EN", List.of(PRIVACY));
        long italian = member(w, till, "+393471230002", "IT", List.of(PRIVACY));
        double sentBefore = sent();

        w.purchase(till, "S-1", english, "25.00", "PAID");
        w.purchase(till, "S-2", italian, "25.00", "PAID");

        List<Map<String, Object>> toEnglish = sms(w.circuitId, english);
        assertThat(toEnglish).as("exactly one SMS").hasSize(1);
        assertThat(toEnglish.getFirst().get("company_id")).as("paid by the circuit, no company's credits").isNull();
        assertThat(toEnglish.getFirst().get("notification_kind")).isEqualTo("POINTS_EARNED");
        assertThat(toEnglish.getFirst().get("phone")).isEqualTo("+393471230001");
        assertThat((String) toEnglish.getFirst().get("body")).startsWith("Hi Giulia: +25 points, balance 25.")
                .doesNotContain("{");
        List<Map<String, Object>> toItalian = sms(w.circuitId, italian);
        assertThat(toItalian).hasSize(1);
        assertThat((String) toItalian.getFirst().get("body")).as("the shipped Italian SMS").contains("+25 punti")
                .contains("Saldo 25 punti").doesNotContain("{");

        sendQueued(w.circuitId, english);
        sendQueued(w.circuitId, italian);
        assertThat(sms(w.circuitId, english).getFirst().get("status")).isEqualTo("SENT");
        assertThat(sms(w.circuitId, italian).getFirst().get("status")).isEqualTo("SENT");
        assertThat(sent() - sentBefore).as("counted in loyaltyhub_sms_total").isGreaterThanOrEqualTo(2);
        sender.runOnce();
        assertThat(sms(w.circuitId, english)).as("never sent twice").hasSize(1);

        Api.Response log = w.asAdmin().get("/api/v1/notifications/sms-messages");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json()).hasSize(2);
        assertThat(log.json().get(0).path("kind").asString()).isEqualTo("POINTS_EARNED");
        assertThat(log.json().get(0).path("status").asString()).isEqualTo("SENT");
        assertThat(w.asAdmin().get("/api/v1/companies/" + shop[0] + "/sms-credits").json().path("credits").asLong())
                .as("the company paid nothing").isZero();
    }

    @Test
    void noSmsWithoutAPhoneOrTheConsentOrWhileTheSmsIsOff() {
        World w = fixtures.world(api);
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long noPhone = member(w, till, null, "EN", List.of(PRIVACY));
        long noConsent = member(w, till, "+393471230003", "EN", List.of());
        long reachable = member(w, till, "+393471230004", "EN", List.of(PRIVACY));

        switchOn(w, "POINTS_EARNED", false);
        w.purchase(till, "O-1", reachable, "10.00", "PAID");
        assertThat(sms(w.circuitId, reachable)).as("SMS off: the e-mail only").isEmpty();
        assertThat(jdbc.sql("select count(*) from member_message where member_id = :m").param("m", reachable)
                .query(Long.class).single()).as("the notification itself went").isEqualTo(1);

        switchOn(w, "POINTS_EARNED", true);
        w.purchase(till, "O-2", noPhone, "10.00", "PAID");
        w.purchase(till, "O-3", noConsent, "10.00", "PAID");
        assertThat(sms(w.circuitId, noPhone)).as("no phone").isEmpty();
        assertThat(sms(w.circuitId, noConsent)).as("no privacy consent").isEmpty();

        assertThat(w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", false)).json()
                .path("sms").asBoolean()).as("a switch without sms leaves it as it is").isTrue();
        w.purchase(till, "O-4", reachable, "10.00", "PAID");
        assertThat(sms(w.circuitId, reachable)).as("the notification off: no SMS either").isEmpty();
        w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", true));
        w.purchase(till, "O-5", reachable, "10.00", "PAID");
        assertThat(sms(w.circuitId, reachable)).hasSize(1);
    }

    @Test
    void anEarnThatRollsBackSendsNoSms() {
        World w = fixtures.world(api);
        switchOn(w, "POINTS_EARNED", true);
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = member(w, till, "+393471230005", "IT", List.of(PRIVACY));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            ledger.post(EntryDraft.transfer(w.circuitId, "sms-rollback:" + member, "EARN", "Points earned")
                    .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.available(member), 30, null,
                            new LotRule.NewLot(null, null))
                    .member(member).actor("test").build());
            assertThat(sms(w.circuitId, member)).as("queued with the fact").hasSize(1);
            status.setRollbackOnly();
        });

        assertThat(sms(w.circuitId, member)).as("the fact rolled back: no SMS").isEmpty();
    }

    @Test
    void aNotificationSmsLeftUnknownIsSettledByTheCircuitAdministratorAndGivesNoCompanyAnything() {
        World w = fixtures.world(api);
        long[] shop = w.company("Forno");
        long member = member(w, w.asAdmin(), "+393471230006", "IT", List.of(PRIVACY));
        long message = jdbc.sql("insert into sms_message (circuit_id, company_id, notification_kind, member_id, "
                        + "send_key, phone, body, segments, status, created_at, sending_at) values (:c, null, "
                        + "'POINTS_EARNED', :m, 'earned:unknown', '+393471230006', 'Ciao', 1, 'UNKNOWN', now(), now()) "
                        + "returning id")
                .param("c", w.circuitId).param("m", member).query(Long.class).single();
        Api companyAdmin = w.as(w.operator("COMPANY_ADMIN", shop[0], null));
        assertThat(companyAdmin.post("/api/v1/sms/messages/" + message + "/settlement", Map.of("how", "SENT"))
                .status()).as("not a company's SMS").isEqualTo(404);
        assertThat(fixtures.world(api).asAdmin().post("/api/v1/notifications/sms-messages/" + message
                + "/settlement", Map.of("how", "SENT")).status()).as("another circuit's").isEqualTo(404);

        Api.Response settled = w.asAdmin().post("/api/v1/notifications/sms-messages/" + message + "/settlement",
                Map.of("how", "NOT_SENT"));
        assertThat(settled.status()).as(settled.toString()).isEqualTo(200);
        assertThat(settled.json().path("status").asString()).isEqualTo("FAILED");
        assertThat(w.asAdmin().post("/api/v1/notifications/sms-messages/" + message + "/settlement",
                Map.of("how", "SENT")).code()).isEqualTo("sms-already-settled");
        assertThat(w.asAdmin().get("/api/v1/companies/" + shop[0] + "/sms-credits").json().path("credits").asLong())
                .as("no company's credits given back").isZero();
    }

    @Test
    void everyShippedSmsFitsOneGsm7SmsForTheSampleMemberInBothLanguages() {
        Map<Shortcode, String> sample = new java.util.EnumMap<>(Shortcode.class);
        for (Shortcode s : Shortcode.values()) {
            sample.put(s, s.sample());
        }
        for (NotificationKind kind : NotificationKind.values()) {
            for (org.loyaltyhub.members.Language language : org.loyaltyhub.members.Language.values()) {
                String text = settings.standardSms(kind, language).render(sample);
                assertThat(SmsSegments.of(text)).as(kind + " " + language + ": " + text)
                        .isEqualTo(new SmsSegments(SmsSegments.Encoding.GSM_7, text.length(), 1));
            }
        }
    }

    @Test
    void anSmsTemplateWithAnUnknownShortcodeIsRefusedWithTheValidOnesAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response refused = w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/it/sms",
                Map.of("body", "Ciao {nome}, +{points}"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("unknown-shortcode");
        assertThat(refused.json().toString()).contains("{nome}").contains("{first_name}");
        assertThat(w.asAdmin().put("/api/v1/notifications/POINTS_EARNED/templates/it/sms", Map.of("body", " "))
                .code()).isEqualTo("invalid-input");
        Api.Response stored = w.asAdmin().get("/api/v1/notifications/POINTS_EARNED/templates/it/sms");
        assertThat(stored.json().path("custom").asBoolean()).isFalse();
        assertThat(stored.json().path("body").asString()).contains("{points}");
        assertThat(stored.json().path("sample").path("length").asInt()).isBetween(1, 160);

        Api.Response preview = w.asAdmin().post("/api/v1/notifications/POINTS_EARNED/templates/en/sms/preview",
                Map.of("body", "{first_name} 😀"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("text").asString()).isEqualTo("Maria 😀");
        assertThat(preview.json().path("encoding").asString()).isEqualTo("UCS_2");
        assertThat(w.asAdmin().delete("/api/v1/notifications/POINTS_EARNED/templates/it/sms").status()).isEqualTo(200);
    }

    @Test
    void aMarketingSmsEndsWithTheMembersSignedStopLinkWhichWithdrawsTheMarketingConsent() {
        World w = fixtures.world(api);
        switchOn(w, "BIRTHDAY", true);
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>(Map.of("firstName", "Giulia", "phone", "+393331234567",
                "birthDate", java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusYears(30).toString(),
                "language", "IT", "consents", List.of(PRIVACY,
                        Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1"))));
        long member = w.enrol(w.asAdmin(), body).path("id").asLong();

        notificationJobs.runAt(now);
        List<Map<String, Object>> texts = sms(w.circuitId, member);
        assertThat(texts).hasSize(1);
        String text = (String) texts.getFirst().get("body");
        assertThat(text).as("a marketing SMS says how to stop them").containsPattern("\\nStop: \\S+/unsubscribe/\\S+$");
        String path = text.substring(text.indexOf("/unsubscribe/"));
        Api.Response stop = api.postRaw(path, "List-Unsubscribe=One-Click");
        assertThat(stop.status()).as(stop.toString()).isEqualTo(200);
        boolean marketing = false;
        for (tools.jackson.databind.JsonNode c : w.asAdmin().get("/api/v1/members/" + member).json().path("consents")) {
            if (c.path("kind").asString().equals("MARKETING")) {
                marketing = c.path("granted").asBoolean();
            }
        }
        assertThat(marketing).as("the link withdrew the marketing consent").isFalse();
    }
}
