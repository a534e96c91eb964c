package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Prepaid credit and gift cards through the API: sales with bonus, spending, cards, PINs, and bad input. */
class PrepaidCreditTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.loyaltyhub.programs.internal.ExpiryJobs expiry;

    private World world;
    private Api seller;
    private Api elsewhere;
    private long sellerCompany;
    private long otherCompany;
    private long member;

    private void open(String acceptedAt, List<Long> accepting) {
        world = fixtures.world(api);
        long[] shop = world.company("Seller");
        long[] other = world.company("Other");
        sellerCompany = shop[0];
        otherCompany = other[0];
        seller = api.withKey(world.apiKey(shop[0], shop[1]));
        elsewhere = api.withKey(world.apiKey(other[0], other[1]));
        settings(acceptedAt, accepting == null ? List.of() : accepting);
        member = world.enrol(seller, "prepaid").path("id").asLong();
    }

    private void settings(String acceptedAt, List<Long> accepting) {
        settings(acceptedAt, accepting, null);
    }

    private void settings(String acceptedAt, List<Long> accepting, Integer expiryMonths) {
        Map<String, Object> s = new HashMap<>(Map.of("enabled", true, "minAmount", "5", "maxAmount", "500",
                "fixedAmounts", List.of("25", "50"), "acceptedAt", acceptedAt, "acceptingCompanies", accepting));
        if (expiryMonths != null) {
            s.put("expiryMonths", expiryMonths);
        }
        Api.Response r = world.asAdmin().put("/api/v1/prepaid/settings", s);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static Map<String, Object> eur(String amount) {
        return Map.of("currency", "EUR", "amount", amount);
    }

    private Api.Response sell(Api as, String kind, Long memberId, String amount, String bonus, String receipt) {
        Map<String, Object> body = new HashMap<>(Map.of("kind", kind, "amount", eur(amount), "paymentMethod", "CARD",
                "receiptNumber", receipt));
        if (memberId != null) {
            body.put("member", Map.of("id", memberId));
        }
        if (bonus != null) {
            body.put("bonus", eur(bonus));
        }
        return as.post("/api/v1/prepaid/sales", body);
    }

    private String credit() {
        Api.Response r = world.asAdmin().get("/api/v1/members/" + member + "/wallets/PREPAID");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("available").path("amount").asString();
    }

    private JsonNode giftCard(String amount, String bonus, String receipt) {
        Api.Response r = sell(seller, "GIFT_CARD", null, amount, bonus, receipt);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    private Api.Response cardPayment(Api as, String number, String pin, String total, String amount) {
        Map<String, Object> body = new HashMap<>(Map.of("cardNumber", number, "pin", pin, "orderTotal", eur(total)));
        if (amount != null) {
            body.put("amount", eur(amount));
        }
        return as.post("/api/v1/gift-cards/payments", body);
    }

    private long entries() {
        return jdbc.sql("select count(*) from journal_entry where circuit_id = :c").param("c", world.circuitId)
                .query(Long.class).single();
    }

    @Test
    void payFiftyGetFiftyFiveLandsOnTheMembersPrepaidCreditInLotsOfTheSellerWithTheBonusRecordedAsSuch() {
        open("ALL", null);
        Api.Response sold = sell(seller, "PREPAID_CREDIT", member, "50.00", "5.00", "R-1");
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        assertThat(sold.json().path("sale").path("paymentMethod").asString()).isEqualTo("CARD");
        assertThat(credit()).isEqualTo("55.00");
        List<Long> issuers = jdbc.sql("select l.issuer_company_id from lot l join account a on a.id = l.account_id "
                + "where a.kind = 'PREPAID_AVAILABLE' and a.owner_id = :m").param("m", member).query(Long.class).list();
        assertThat(issuers).containsOnly(sellerCompany).hasSize(2);
        Map<String, Long> sources = new HashMap<>();
        jdbc.sql("select a.kind, -sum(p.amount) from posting p join account a on a.id = p.account_id "
                        + "where a.circuit_id = :c and a.kind in ('PREPAID_ISSUANCE', 'PREPAID_BONUS') group by a.kind")
                .param("c", world.circuitId).query(rs -> {
                    sources.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(sources).containsEntry("PREPAID_ISSUANCE", 5000L).containsEntry("PREPAID_BONUS", 500L);
        world.assertBooksBalance();
    }

    @Test
    void theSameReceiptRecordsTheSaleOnceAndADifferentSaleUnderItIsRefused() {
        open("ALL", null);
        assertThat(sell(seller, "PREPAID_CREDIT", member, "20.00", null, "R-2").status()).isEqualTo(201);
        long before = entries();
        Api.Response again = sell(seller, "PREPAID_CREDIT", member, "20.00", null, "R-2");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        Api.Response other = sell(seller, "PREPAID_CREDIT", member, "30.00", null, "R-2");
        assertThat(other.status()).as(other.toString()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("receipt-already-recorded");
        assertThat(entries()).isEqualTo(before);
        assertThat(credit()).isEqualTo("20.00");
        Api.Response keyed = seller.header("Idempotency-Key", "sale-3").post("/api/v1/prepaid/sales",
                Map.of("kind", "PREPAID_CREDIT", "member", Map.of("id", member), "amount", eur("10.00"),
                        "paymentMethod", "CASH", "receiptNumber", "R-3"));
        Api.Response replay = seller.header("Idempotency-Key", "sale-3").post("/api/v1/prepaid/sales",
                Map.of("kind", "PREPAID_CREDIT", "member", Map.of("id", member), "amount", eur("10.00"),
                        "paymentMethod", "CASH", "receiptNumber", "R-3"));
        assertThat(replay.body()).isEqualTo(keyed.body());
        assertThat(credit()).isEqualTo("30.00");
    }

    @Test
    void prepaidCreditIsSpentPartiallyAtAnotherCompanyByQuoteHoldCapture() {
        open("ALL", null);
        sell(seller, "PREPAID_CREDIT", member, "40.00", null, "R-4");
        Map<String, Object> pay = Map.of("member", Map.of("id", member), "purpose", "PREPAID",
                "orderTotal", eur("100.00"), "amount", eur("15.00"));
        JsonNode quote = elsewhere.post("/api/v1/wallet-payments/quote", pay).json();
        assertThat(quote.path("allowed").asBoolean()).isTrue();
        assertThat(quote.path("maxAmount").path("amount").asString()).isEqualTo("40.00");
        Api.Response held = elsewhere.post("/api/v1/wallet-payments", pay);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        Api.Response captured = elsewhere.post("/api/v1/wallet-payments/" + held.json().path("id").asLong()
                + "/capture", Map.of());
        assertThat(captured.json().path("status").asString()).isEqualTo("CAPTURED");
        assertThat(credit()).isEqualTo("25.00");
        Long consumedFrom = jdbc.sql("select distinct l.issuer_company_id from lot_movement m join lot l on l.id = m.lot_id "
                + "join journal_entry e on e.id = m.entry_id where e.kind = 'PREPAID_HOLD' and e.company_id = :co")
                .param("co", otherCompany).query(Long.class).single();
        assertThat(consumedFrom).as("the clearing trail: spent at Other, issued by Seller").isEqualTo(sellerCompany);
        world.assertBooksBalance();
    }

    @Test
    void aCompanyOffTheAcceptingListIsRefused() {
        open("LISTED", null);
        settings("LISTED", List.of(sellerCompany));
        sell(seller, "PREPAID_CREDIT", member, "40.00", null, "R-5");
        Api.Response refused = elsewhere.post("/api/v1/wallet-payments", Map.of("member", Map.of("id", member),
                "purpose", "PREPAID", "orderTotal", eur("10.00"), "amount", eur("5.00")));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("prepaid-not-accepted");
        assertThat(seller.post("/api/v1/wallet-payments", Map.of("member", Map.of("id", member),
                "purpose", "PREPAID", "orderTotal", eur("10.00"), "amount", eur("5.00"))).status()).isEqualTo(201);
    }

    @Test
    void aGiftCardShowsItsPinOnceIsSpentByNumberAndPinAndIsAttachedToAMemberWithWhatIsLeft() {
        open("ALL", null);
        JsonNode sold = giftCard("30.00", "3.00", "G-1");
        String number = sold.path("sale").path("cardNumber").asString();
        String pin = sold.path("pin").asString();
        assertThat(number).hasSize(19).startsWith("9");
        assertThat(pin).matches("[0-9]{6}");
        assertThat(jdbc.sql("select pin_hash from gift_card where number = :n").param("n", number)
                .query(String.class).single()).doesNotContain(pin);
        Api.Response replay = sell(seller, "GIFT_CARD", null, "30.00", "3.00", "G-1");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().path("pin").isNull()).as("the PIN is shown once").isTrue();

        JsonNode balance = elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", pin)).json();
        assertThat(balance.path("available").path("amount").asString()).isEqualTo("33.00");
        Api.Response held = cardPayment(elsewhere, number, pin, "20.00", "12.50");
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        long payment = held.json().path("id").asLong();
        assertThat(elsewhere.post("/api/v1/wallet-payments/" + payment + "/capture", Map.of()).json()
                .path("status").asString()).isEqualTo("CAPTURED");

        Api.Response attached = elsewhere.post("/api/v1/gift-cards/attach", Map.of("cardNumber", number, "pin", pin,
                "member", Map.of("id", member)));
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.json().path("moved").path("amount").asString()).isEqualTo("20.50");
        assertThat(credit()).isEqualTo("20.50");
        Long issuer = jdbc.sql("select distinct l.issuer_company_id from lot l join account a on a.id = l.account_id "
                + "where a.kind = 'PREPAID_AVAILABLE' and a.owner_id = :m").param("m", member).query(Long.class).single();
        assertThat(issuer).as("attached credit keeps its issuer").isEqualTo(sellerCompany);
        long another = world.enrol(seller, "other").path("id").asLong();
        Api.Response stolen = elsewhere.post("/api/v1/gift-cards/attach", Map.of("cardNumber", number, "pin", pin,
                "member", Map.of("id", another)));
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(cardPayment(elsewhere, number, pin, "20.00", "1.00").code()).isEqualTo("gift-card-attached");
        JsonNode detail = world.asAdmin().get("/api/v1/gift-cards/" + sold.path("sale").path("giftCardId").asLong())
                .json();
        assertThat(detail.path("history").valueStream().map(h -> h.path("kind").asString()).toList())
                .containsExactly("GIFT_CARD_ATTACH", "GIFT_CARD_HOLD", "GIFT_CARD_SALE");
        world.assertBooksBalance();
    }

    @Test
    void fiveWrongPinsLockTheCardForFifteenMinutesEvenForTheRightPin() {
        open("ALL", null);
        JsonNode sold = giftCard("10.00", null, "G-2");
        String number = sold.path("sale").path("cardNumber").asString();
        String pin = sold.path("pin").asString();
        String wrong = pin.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Api.Response r = elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", wrong));
            assertThat(r.status()).as(r.toString()).isEqualTo(422);
            assertThat(r.json().path("attemptsLeft").asInt()).isEqualTo(5 - i);
        }
        Api.Response fifth = elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", wrong));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(890L, 900L);
        Api.Response right = seller.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", pin));
        assertThat(right.status()).as("locked whoever asks").isEqualTo(429);
        assertThat(cardPayment(seller, number, pin, "10.00", "1.00").status()).isEqualTo(429);
        assertThat(jdbc.sql("select locked_until > now() + interval '14 minutes' from gift_card where number = :n")
                .param("n", number).query(Boolean.class).single()).isTrue();
    }

    @Test
    void badInputIsRefusedWithAProblemAndWritesNothing() {
        open("ALL", null);
        JsonNode card = giftCard("10.00", null, "G-3");
        String number = card.path("sale").path("cardNumber").asString();
        String pin = card.path("pin").asString();
        long before = entries();
        assertThat(sell(seller, "PREPAID_CREDIT", member, "0", null, "B-1").status()).isEqualTo(400);
        assertThat(sell(seller, "PREPAID_CREDIT", member, "-5.00", null, "B-2").status()).isEqualTo(400);
        assertThat(sell(seller, "PREPAID_CREDIT", member, "5000.00", null, "B-3").status()).isEqualTo(400);
        assertThat(sell(seller, "PREPAID_CREDIT", member, "10.00", "11.00", "B-4").status()).isEqualTo(400);
        assertThat(sell(seller, "GIFT_CARD", member, "10.00", null, "B-5").status()).isEqualTo(400);
        Api.Response usd = seller.post("/api/v1/prepaid/sales", Map.of("kind", "PREPAID_CREDIT",
                "member", Map.of("id", member), "amount", Map.of("currency", "USD", "amount", "10.00"),
                "paymentMethod", "CASH", "receiptNumber", "B-6"));
        assertThat(usd.status()).isEqualTo(422);
        assertThat(usd.code()).isEqualTo("currency-mismatch");
        Api.Response over = cardPayment(elsewhere, number, pin, "50.00", "10.01");
        assertThat(over.status()).as(over.toString()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("insufficient-wallet");
        assertThat(cardPayment(elsewhere, number, pin, "50.00", "0").status()).isEqualTo(400);
        String mistyped = number.substring(0, 18) + (char) ('0' + (number.charAt(18) - '0' + 1) % 10);
        assertThat(elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", mistyped, "pin", pin)).status())
                .as("a wrong check digit").isEqualTo(400);
        String unknown = org.loyaltyhub.programs.GiftCardNumber.random().value();
        assertThat(elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", unknown, "pin", pin)).status())
                .isEqualTo(404);
        World foreign = fixtures.world(api);
        long[] shop = foreign.company("Foreign");
        Api foreignTill = api.withKey(foreign.apiKey(shop[0], shop[1]));
        assertThat(foreignTill.post("/api/v1/gift-cards/balance", Map.of("cardNumber", number, "pin", pin)).status())
                .as("another circuit's card does not exist here").isEqualTo(404);
        assertThat(world.asAdmin().get("/api/v1/members/" + member + "/wallets/GIFT_CARD").status()).isEqualTo(400);
        assertThat(world.asAdmin().put("/api/v1/money-programs/PREPAID", Map.of("enabled", true, "percent", "1",
                "minOrder", "0", "maxSharePercent", "100")).status()).isEqualTo(400);
        assertThat(entries()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from prepaid_sale where receipt_number like 'B-%' and circuit_id = :c")
                .param("c", world.circuitId).query(Long.class).single()).isZero();
    }

    @Test
    void creditAndCardsExpireAfterTheCircuitsValidityIntoThePrepaidExpiredAccount() {
        open("ALL", null);
        settings("ALL", List.of(), 12);
        sell(seller, "PREPAID_CREDIT", member, "20.00", "2.00", "E-1");
        JsonNode card = giftCard("10.00", null, "E-2");
        assertThat(card.path("sale").path("expiresAt").isNull()).isFalse();
        expiry.runAt(java.time.Instant.now().plus(java.time.Duration.ofDays(200)));
        assertThat(credit()).as("not yet").isEqualTo("22.00");
        expiry.runAt(java.time.Instant.now().plus(java.time.Duration.ofDays(370)));
        assertThat(credit()).isEqualTo("0.00");
        assertThat(elsewhere.post("/api/v1/gift-cards/balance", Map.of("cardNumber", card.path("sale")
                .path("cardNumber").asString(), "pin", card.path("pin").asString())).json().path("available")
                .path("amount").asString()).isEqualTo("0.00");
        Long expired = jdbc.sql("select sum(p.amount) from posting p join account a on a.id = p.account_id "
                + "where a.circuit_id = :c and a.kind = 'PREPAID_EXPIRED'").param("c", world.circuitId)
                .query(Long.class).single();
        assertThat(expired).isEqualTo(3200L);
        assertThat(jdbc.sql("select count(*) from journal_entry where circuit_id = :c and kind = 'GIFT_CARD_EXPIRY' "
                + "and member_id is null").param("c", world.circuitId).query(Long.class).single())
                .as("a card's expiry names no member").isEqualTo(1);
        world.assertBooksBalance();
    }
}
