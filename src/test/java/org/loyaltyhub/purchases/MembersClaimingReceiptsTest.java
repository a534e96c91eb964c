package org.loyaltyhub.purchases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Purchases the customer validates (issue 18 §2): the till's receipt code, the member's claim and its review. */
class MembersClaimingReceiptsTest extends IntegrationTest {

    @Autowired
    Receipts receipts;
    @Autowired
    JdbcClient jdbc;

    private World world;
    private long[] shop;
    private Api till;
    private long member;

    @BeforeEach
    void shopWithATill() {
        world = fixtures.world(api);
        shop = world.company("Bar");
        till = api.withKey(world.apiKey(shop[0], shop[1]));
        member = world.enrol(till, "receipts").path("id").asLong();
    }

    private Api.Response settings(Object reviewAbove, String dailyLimit) {
        Map<String, Object> body = new HashMap<>(Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", dailyLimit));
        body.put("reviewAbove", reviewAbove);
        return world.asAdmin().put("/api/v1/receipts/settings", body);
    }

    private String code(long receiptNumber, String amount, Instant at) {
        Api.Response r = till.post("/api/v1/stores/" + shop[1] + "/receipt-codes", Map.of("receiptNumber",
                receiptNumber, "currency", "EUR", "amount", amount, "issuedAt", at.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("qrSvg").asString()).startsWith("<svg");
        return r.json().path("code").asString();
    }

    private ReceiptRefusal refusal(String code) {
        try {
            receipts.claim(world.circuitId, member, code);
        } catch (ReceiptRefused e) {
            return e.reason();
        }
        throw new AssertionError("the code was accepted");
    }

    @Test
    void aReceiptsCodeRecordsThePurchaseLikeTheCounterOnceAndAReplayIsRefused() {
        assertThat(settings(null, "500").status()).isEqualTo(200);
        Instant at = clock.instant().minus(Duration.ofHours(2));
        String code = code(42, "25.00", at);
        assertThat(code(42, "25.00", at)).as("the same receipt, the same code").isEqualTo(code);

        ReceiptClaim claim = receipts.claim(world.circuitId, member, code);
        assertThat(claim.status()).isEqualTo(ReceiptClaimStatus.RECORDED);
        assertThat(claim.purchaseId()).isNotNull();
        assertThat(world.available(member)).isEqualTo(25);
        JsonNode purchase = world.asAdmin().get("/api/v1/purchases/" + claim.purchaseId()).json();
        assertThat(purchase.path("storeId").asLong()).isEqualTo(shop[1]);
        assertThat(purchase.path("channel").asString()).isEqualTo("receipt");

        assertThat(refusal(code)).isEqualTo(ReceiptRefusal.ALREADY_CLAIMED);
        long other = world.enrol(till, "other").path("id").asLong();
        assertThatThrownBy(() -> receipts.claim(world.circuitId, other, code)).isInstanceOf(ReceiptRefused.class);
        assertThat(world.available(member)).isEqualTo(25);
        world.assertBooksBalance();
    }

    @Test
    void forgedOldForeignAndOverTheLimitCodesAreRefusedWithTheirReason() {
        settings(null, "50");
        String code = code(1, "30.00", clock.instant());
        String altered = code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
        assertThat(refusal(altered)).isIn(ReceiptRefusal.FORGED, ReceiptRefusal.UNKNOWN_STORE, ReceiptRefusal.MALFORMED);
        assertThat(refusal("not a code")).isEqualTo(ReceiptRefusal.MALFORMED);

        World elsewhere = fixtures.world(api);
        long[] foreign = elsewhere.company("Foreign");
        Api foreignTill = api.withKey(elsewhere.apiKey(foreign[0], foreign[1]));
        String foreignCode = foreignTill.post("/api/v1/stores/" + foreign[1] + "/receipt-codes", Map.of(
                "receiptNumber", 1, "currency", "EUR", "amount", "5.00", "issuedAt", clock.instant().toString()))
                .json().path("code").asString();
        assertThat(refusal(foreignCode)).isEqualTo(ReceiptRefusal.UNKNOWN_STORE);

        String old = code(2, "10.00", clock.instant().minus(Duration.ofDays(8)));
        assertThat(refusal(old)).isEqualTo(ReceiptRefusal.TOO_OLD);

        assertThat(receipts.claim(world.circuitId, member, code).status()).isEqualTo(ReceiptClaimStatus.RECORDED);
        assertThat(refusal(code(3, "20.01", clock.instant()))).isEqualTo(ReceiptRefusal.DAILY_LIMIT);
        clock.advance(Duration.ofDays(1));
        assertThat(receipts.claim(world.circuitId, member, code(3, "20.01", clock.instant().minusSeconds(60)))
                .status()).as("a new day").isEqualTo(ReceiptClaimStatus.RECORDED);
    }

    @Test
    void aCodeIsNotTakenWhileTheCircuitIsOff() {
        assertThat(refusal(code(7, "5.00", clock.instant()))).isEqualTo(ReceiptRefusal.NOT_ACCEPTED);
    }

    @Test
    void aLargeReceiptWaitsForReviewAndTheMemberIsToldOfTheRefusalOrTheApproval() {
        settings("50", "500");
        world.asAdmin().put("/api/v1/notifications/RECEIPT_REFUSED", Map.of("enabled", true));
        world.asAdmin().put("/api/v1/notifications/RECEIPT_APPROVED", Map.of("enabled", true));
        ReceiptClaim big = receipts.claim(world.circuitId, member, code(10, "80.00", clock.instant()));
        ReceiptClaim bigger = receipts.claim(world.circuitId, member, code(11, "90.00", clock.instant()));
        assertThat(big.status()).isEqualTo(ReceiptClaimStatus.PENDING);
        assertThat(world.available(member)).isZero();

        Api operator = world.as(world.operator("STORE_OPERATOR", null, shop[1]));
        long[] otherShop = world.company("Other");
        Api stranger = world.as(world.operator("COMPANY_ADMIN", otherShop[0], null));
        assertThat(operator.get("/api/v1/receipt-claims/pending").json().path("items")).hasSize(2);
        assertThat(stranger.get("/api/v1/receipt-claims/pending").json().path("items")).isEmpty();
        assertThat(stranger.post("/api/v1/receipt-claims/" + big.id() + "/approve", Map.of()).status()).isEqualTo(404);

        Api.Response noReason = operator.post("/api/v1/receipt-claims/" + bigger.id() + "/refuse", Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        Api.Response refused = operator.post("/api/v1/receipt-claims/" + bigger.id() + "/refuse",
                Map.of("reason", "The receipt is not legible"));
        assertThat(refused.json().path("status").asString()).isEqualTo("REFUSED");
        Api.Response approved = operator.post("/api/v1/receipt-claims/" + big.id() + "/approve", Map.of());
        assertThat(approved.json().path("status").asString()).isEqualTo("RECORDED");
        assertThat(operator.post("/api/v1/receipt-claims/" + big.id() + "/approve", Map.of()).status())
                .as("a retry answers the first decision").isEqualTo(200);
        assertThat(operator.post("/api/v1/receipt-claims/" + big.id() + "/refuse", Map.of("reason", "no")).status())
                .isEqualTo(409);
        assertThat(world.available(member)).isEqualTo(80);
        assertThat(jdbc.sql("select body from member_message where circuit_id = :c and member_id = :m and kind = "
                        + "'RECEIPT_REFUSED'").param("c", world.circuitId).param("m", member).query(String.class).single())
                .contains("not legible");
        assertThat(jdbc.sql("select count(*) from member_message where circuit_id = :c and member_id = :m and kind = "
                        + "'RECEIPT_APPROVED'").param("c", world.circuitId).param("m", member).query(Long.class).single())
                .isEqualTo(1);
        world.assertBooksBalance();
    }

    @Test
    void onlyTheCircuitAdministratorChangesTheSettingsAndBadValuesAreRefused() {
        Api companyAdmin = world.as(world.operator("COMPANY_ADMIN", shop[0], null));
        assertThat(companyAdmin.put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7,
                "dailyLimit", "10")).status()).isEqualTo(403);
        assertThat(world.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 0,
                "dailyLimit", "10")).status()).isEqualTo(400);
        assertThat(settings("20", "100").json().path("reviewAbove").decimalValue()).isEqualByComparingTo("20");
        assertThat(companyAdmin.get("/api/v1/receipts/settings").json().path("enabled").asBoolean()).isTrue();
        Api.Response future = till.post("/api/v1/stores/" + shop[1] + "/receipt-codes", Map.of("receiptNumber", 1,
                "currency", "EUR", "amount", "5.00", "issuedAt", clock.instant().plus(Duration.ofHours(1)).toString()));
        assertThat(future.status()).isEqualTo(400);
    }

    @Test
    void theReviewQueueComesAPageAtATimeWithOnlyTheClaimsOfTheCallersStores() {
        settings("1", "10000");
        long[] otherShop = world.company("Other");
        Api otherTill = api.withKey(world.apiKey(otherShop[0], otherShop[1]));
        for (int i = 0; i < 3; i++) {
            Api.Response r = otherTill.post("/api/v1/stores/" + otherShop[1] + "/receipt-codes", Map.of(
                    "receiptNumber", 100 + i, "currency", "EUR", "amount", "5.00", "issuedAt", clock.instant().toString()));
            receipts.claim(world.circuitId, member, r.json().path("code").asString());
        }
        for (int i = 0; i < 7; i++) {
            receipts.claim(world.circuitId, member, code(200 + i, "5.00", clock.instant()));
        }
        Api operator = world.as(world.operator("STORE_OPERATOR", null, shop[1]));

        var first = operator.get("/api/v1/receipt-claims/pending?size=5").json();
        assertThat(first.path("total").asLong()).isEqualTo(7);
        assertThat(first.path("items")).hasSize(5);
        var second = operator.get("/api/v1/receipt-claims/pending?size=5&page=1").json();
        assertThat(second.path("items")).hasSize(2);
        assertThat(second.path("items").get(0).path("id").asLong())
                .as("oldest first, continuing the first page")
                .isGreaterThan(first.path("items").get(4).path("id").asLong());
        for (var page : List.of(first, second)) {
            page.path("items").forEach(c -> assertThat(c.path("storeId").asLong()).isEqualTo(shop[1]));
        }
        assertThat(world.asAdmin().get("/api/v1/receipt-claims/pending").json().path("total").asLong()).isEqualTo(10);
        assertThat(operator.get("/api/v1/receipt-claims/pending?size=500").status()).isEqualTo(400);
    }
}
