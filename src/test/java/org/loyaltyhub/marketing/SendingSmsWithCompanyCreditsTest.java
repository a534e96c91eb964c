package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.internal.SmsSender;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A company sends SMS to its own customers with a phone and the marketing consent, paying credits per segment that
 * the circuit recharges in the ledger; without enough credits, or to someone it may not text, nothing goes out.
 */
class SendingSmsWithCompanyCreditsTest extends IntegrationTest {

    private static final List<Map<String, Object>> MARKETING = List.of(
            Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
            Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1"));

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SmsSender sender;

    private long member(World w, Api till, String phone, List<Map<String, Object>> consents) {
        return w.enrol(till, Map.of("firstName", "Luca", "lastName", "Sms", "email",
                Fixtures.unique("sms") + "@member.test", "phone", phone, "consents", consents)).path("id").asLong();
    }

    private long queued(long companyId) {
        return jdbc.sql("select count(*) from sms_message where company_id = :c").param("c", companyId)
                .query(Long.class).single();
    }

    @Test
    void aCompanyTextsItsConsentingCustomersPayingOneCreditASegmentAndNeverBeyondItsCredits() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        long[] other = w.company("Altro");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        Api otherTill = api.withKey(w.apiKey(other[0], other[1]));
        Api company = w.as(w.operator("COMPANY_ADMIN", shop[0], null));
        long customer = member(w, till, "+393471234567", MARKETING);
        long noConsent = member(w, till, "+393471234568", List.of(MARKETING.getFirst()));
        long notOurs = member(w, otherTill, "+393471234569", MARKETING);
        String text = "Ciao {first_name}! " + "a".repeat(180);
        Map<String, Object> toCustomer = Map.of("memberIds", List.of(customer), "text", text);

        Api.Response broke = company.post("/api/v1/sms/sends", toCustomer);
        assertThat(broke.status()).as(broke.toString()).isEqualTo(422);
        assertThat(broke.code()).isEqualTo("sms-credits-exhausted");
        assertThat(queued(shop[0])).as("nothing goes out").isZero();

        Api admin = w.asAdmin().header("Idempotency-Key", "first-recharge");
        assertThat(admin.post("/api/v1/companies/" + shop[0] + "/sms-credits", Map.of("credits", 5)).json()
                .path("credits").asLong()).isEqualTo(5);
        assertThat(admin.post("/api/v1/companies/" + shop[0] + "/sms-credits", Map.of("credits", 5)).json()
                .path("credits").asLong()).as("a retried recharge adds nothing").isEqualTo(5);

        for (long refused : new long[]{noConsent, notOurs}) {
            Api.Response r = company.post("/api/v1/sms/sends", Map.of("memberIds", List.of(customer, refused),
                    "text", "Hi"));
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.body()).contains("memberIds").contains(String.valueOf(refused));
        }
        assertThat(queued(shop[0])).isZero();

        Api once = company.header("Idempotency-Key", "promo-1");
        Api.Response sent = once.post("/api/v1/sms/sends", toCustomer);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        assertThat(sent.json().path("credits").asLong()).as("200 GSM-7 characters: two segments").isEqualTo(2);
        assertThat(once.post("/api/v1/sms/sends", toCustomer).json().path("credits").asLong()).isEqualTo(2);
        assertThat(company.get("/api/v1/companies/" + shop[0] + "/sms-credits").json().path("credits").asLong())
                .as("charged once").isEqualTo(3);
        assertThat(queued(shop[0])).isEqualTo(1);

        sender.runOnce();
        assertThat(jdbc.sql("select status from sms_message where member_id = :m").param("m", customer)
                .query(String.class).single()).isEqualTo("SENT");
        assertThat(w.asAdmin().post("/api/v1/sms/sends", toCustomer).status()).as("companies send").isEqualTo(403);
        assertThat(company.post("/api/v1/companies/" + shop[0] + "/sms-credits", Map.of("credits", 5)).status())
                .as("the circuit recharges").isEqualTo(403);
        w.assertBooksBalance();
    }

    @Test
    void anUnknownShortcodeOrNoRecipientsIsRefusedNamingTheField() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bar");
        Api company = w.as(w.operator("COMPANY_ADMIN", shop[0], null));
        Api.Response unknown = company.post("/api/v1/sms/sends", Map.of("memberIds", List.of(1), "text", "Hi {nome}"));
        assertThat(unknown.code()).isEqualTo("unknown-shortcode");
        assertThat(unknown.json().path("field").asString()).isEqualTo("text");
        Api.Response nobody = company.post("/api/v1/sms/sends", Map.of("text", "Hi"));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body()).contains("memberIds");
        assertThat(company.post("/api/v1/sms/segments", Map.of("text", "€".repeat(81))).json().path("segments")
                .asInt()).isEqualTo(2);
    }
}
