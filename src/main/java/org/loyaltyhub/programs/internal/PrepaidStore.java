package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.GiftCardNumber;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Prepaid credit's rows: the circuit's settings and accepting companies, gift cards, and sales. */
@Repository
class PrepaidStore {

    /** A gift card as stored; the PIN only as its hash. */
    record Card(long id, long circuitId, GiftCardNumber number, String pinHash, long issuerCompanyId, Long memberId,
                Instant attachedAt, Instant expiresAt, PinAttempts pins, Instant createdAt) {
    }

    /** What a sale's request says, to tell a retry from a different sale under the same receipt. */
    record SaleFacts(Long memberId, boolean giftCard, Money paid, Money bonus, PaymentMethod method) {
    }

    private static final RowMapper<Card> CARD = (rs, n) -> new Card(rs.getLong("id"), rs.getLong("circuit_id"),
            new GiftCardNumber(rs.getString("number")), rs.getString("pin_hash"), rs.getLong("issuer_company_id"),
            (Long) rs.getObject("member_id"), instant(rs, "attached_at"), instant(rs, "expires_at"),
            new PinAttempts(rs.getInt("failed_pins"), instant(rs, "locked_until")), instant(rs, "created_at"));

    private static final RowMapper<PrepaidSale> SALE = (rs, n) -> {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new PrepaidSale(rs.getLong("id"), rs.getLong("company_id"), (Long) rs.getObject("store_id"),
                (Long) rs.getObject("member_id"), (Long) rs.getObject("gift_card_id"),
                rs.getString("number") == null ? null : new GiftCardNumber(rs.getString("number")),
                new Money(rs.getBigDecimal("paid"), currency), new Money(rs.getBigDecimal("bonus"), currency),
                PaymentMethod.valueOf(rs.getString("payment_method")), rs.getString("receipt_number"),
                rs.getLong("entry_id"), instant(rs, "expires_at"), rs.getString("actor"), instant(rs, "created_at"));
    };

    private static final String SALES = "select s.*, g.number from prepaid_sale s "
            + "left join gift_card g on g.id = s.gift_card_id ";

    private final JdbcClient jdbc;

    PrepaidStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- settings -------------------------------------------------------------------------------------------

    PrepaidSettings settings(long circuitId) {
        List<Long> accepting = jdbc.sql("select company_id from prepaid_acceptance where circuit_id = :c order by 1")
                .param("c", circuitId).query(Long.class).list();
        return jdbc.sql("select * from prepaid_settings where circuit_id = :c").param("c", circuitId)
                .query((rs, n) -> new PrepaidSettings(rs.getBoolean("enabled"), (Integer) rs.getObject("expiry_months"),
                        rs.getBigDecimal("min_amount").stripTrailingZeros(),
                        rs.getBigDecimal("max_amount").stripTrailingZeros(), amounts(rs.getArray("fixed_amounts")),
                        PrepaidSettings.AcceptedAt.valueOf(rs.getString("accepted_at")), accepting,
                        rs.getInt("void_window_hours")))
                .optional().orElseGet(PrepaidSettings::defaults);
    }

    void save(long circuitId, PrepaidSettings s) {
        jdbc.sql("""
                        insert into prepaid_settings (circuit_id, enabled, expiry_months, min_amount, max_amount,
                            fixed_amounts, accepted_at, void_window_hours)
                        values (:c, :enabled, :months, :min, :max, cast(:fixed as numeric[]), :at, :window)
                        on conflict (circuit_id) do update set enabled = excluded.enabled,
                            expiry_months = excluded.expiry_months, min_amount = excluded.min_amount,
                            max_amount = excluded.max_amount, fixed_amounts = excluded.fixed_amounts,
                            accepted_at = excluded.accepted_at, void_window_hours = excluded.void_window_hours,
                            updated_at = now()""")
                .param("c", circuitId).param("enabled", s.enabled()).param("months", s.expiryMonths())
                .param("min", s.minAmount()).param("max", s.maxAmount())
                .param("fixed", "{" + String.join(",", s.fixedAmounts().stream().map(BigDecimal::toPlainString)
                        .toList()) + "}")
                .param("at", s.acceptedAt().name()).param("window", s.voidWindowHours()).update();
        jdbc.sql("delete from prepaid_acceptance where circuit_id = :c").param("c", circuitId).update();
        for (long company : s.acceptingCompanies()) {
            jdbc.sql("insert into prepaid_acceptance (circuit_id, company_id) values (:c, :co)")
                    .param("c", circuitId).param("co", company).update();
        }
    }

    private static List<BigDecimal> amounts(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((BigDecimal[]) array.getArray())
                .map(BigDecimal::stripTrailingZeros).toList();
    }

    // --- gift cards -----------------------------------------------------------------------------------------

    long newCard(long circuitId, GiftCardNumber number, String pinHash, long issuer, Instant expiresAt) {
        return jdbc.sql("insert into gift_card (circuit_id, number, pin_hash, issuer_company_id, expires_at) "
                        + "values (:c, :n, :pin, :issuer, :exp) returning id")
                .param("c", circuitId).param("n", number.value()).param("pin", pinHash).param("issuer", issuer)
                .param("exp", ts(expiresAt)).query(Long.class).single();
    }

    /** The card with that number in the circuit, its row locked; a card of another circuit is not found. */
    Card lock(long circuitId, GiftCardNumber number) {
        return jdbc.sql("select * from gift_card where circuit_id = :c and number = :n for no key update")
                .param("c", circuitId).param("n", number.value()).query(CARD).optional()
                .orElseThrow(() -> new NotFound("Gift card", "…" + number.lastFour()));
    }

    Optional<Card> card(long circuitId, long id) {
        return jdbc.sql("select * from gift_card where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(CARD).optional();
    }

    void pins(long cardId, PinAttempts pins) {
        jdbc.sql("update gift_card set failed_pins = :f, locked_until = :until where id = :id")
                .param("f", pins.failed()).param("until", ts(pins.lockedUntil())).param("id", cardId).update();
    }

    void attach(long cardId, long memberId, Instant at) {
        jdbc.sql("update gift_card set member_id = :m, attached_at = coalesce(attached_at, :at) where id = :id")
                .param("m", memberId).param("at", Timestamp.from(at)).param("id", cardId).update();
    }

    /** Cards sold in the circuit, newest first; of one issuing company when {@code companyId} is given. */
    Page<Card> cards(long circuitId, Long companyId, PageQuery page) {
        String where = "circuit_id = :c and (cast(:co as bigint) is null or issuer_company_id = :co)";
        long total = jdbc.sql("select count(*) from gift_card where " + where).param("c", circuitId)
                .param("co", companyId).query(Long.class).single();
        List<Card> items = jdbc.sql("select * from gift_card where " + where + " order by id desc limit :l offset :o")
                .param("c", circuitId).param("co", companyId).param("l", page.size()).param("o", page.offset())
                .query(CARD).list();
        return Page.of(items, page, total);
    }

    List<Card> cardsOf(long circuitId, long memberId) {
        return jdbc.sql("select * from gift_card where circuit_id = :c and member_id = :m order by attached_at desc")
                .param("c", circuitId).param("m", memberId).query(CARD).list();
    }

    // --- sales ----------------------------------------------------------------------------------------------

    /** Serializes sales under one receipt of a company until the transaction ends (every node alike). */
    void lockReceipt(long companyId, String receipt) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('prepaid-sale:' || :co || ':' || :r, 0))")
                .param("co", companyId).param("r", receipt).query((rs, n) -> 1).list();
    }

    Optional<PrepaidSale> saleByReceipt(long companyId, String receipt) {
        return jdbc.sql(SALES + "where s.company_id = :co and s.receipt_number = :r").param("co", companyId)
                .param("r", receipt).query(SALE).optional();
    }

    long newSale(long circuitId, long companyId, Long storeId, Long memberId, Long cardId, SaleFacts f, String receipt,
                 long entryId, Instant expiresAt, String actor, Instant soldAt) {
        return jdbc.sql("""
                        insert into prepaid_sale (circuit_id, company_id, store_id, member_id, gift_card_id, paid, bonus,
                            currency, payment_method, receipt_number, entry_id, expires_at, actor, created_at)
                        values (:c, :co, :store, :m, :card, :paid, :bonus, :cur, :method, :r, :e, :exp, :actor, :at)
                        returning id""")
                .param("c", circuitId).param("co", companyId).param("store", storeId).param("m", memberId)
                .param("card", cardId).param("paid", f.paid().amount()).param("bonus", f.bonus().amount())
                .param("cur", f.paid().currency().getCurrencyCode()).param("method", f.method().name())
                .param("r", receipt).param("e", entryId).param("exp", ts(expiresAt)).param("actor", actor)
                .param("at", ts(soldAt)).query(Long.class).single();
    }

    Optional<PrepaidSale> sale(long circuitId, long id) {
        return jdbc.sql(SALES + "where s.circuit_id = :c and s.id = :id").param("c", circuitId).param("id", id)
                .query(SALE).optional();
    }

    Page<PrepaidSale> sales(long circuitId, Long companyId, PageQuery page) {
        String where = "s.circuit_id = :c and (cast(:co as bigint) is null or s.company_id = :co)";
        long total = jdbc.sql("select count(*) from prepaid_sale s where " + where).param("c", circuitId)
                .param("co", companyId).query(Long.class).single();
        List<PrepaidSale> items = jdbc.sql(SALES + "where " + where + " order by s.id desc limit :l offset :o")
                .param("c", circuitId).param("co", companyId).param("l", page.size()).param("o", page.offset())
                .query(SALE).list();
        return Page.of(items, page, total);
    }

    Optional<PrepaidSale> saleOfCard(long cardId) {
        return jdbc.sql(SALES + "where s.gift_card_id = :id").param("id", cardId).query(SALE).optional();
    }

    // --- voids and refunds ----------------------------------------------------------------------------------

    /** Serializes the undoing of one sale until the transaction ends (every node alike). */
    void lockSale(long saleId) {
        jdbc.sql("select id from prepaid_sale where id = :id for no key update").param("id", saleId)
                .query(Long.class).list();
    }

    /** The sale's void or refunds, oldest first. */
    List<PrepaidReversal> reversalsOf(long saleId) {
        return jdbc.sql("select * from prepaid_sale_reversal where sale_id = :s order by id").param("s", saleId)
                .query((rs, n) -> new PrepaidReversal(rs.getLong("id"), rs.getLong("sale_id"),
                        PrepaidReversal.Kind.valueOf(rs.getString("kind")), new Money(rs.getBigDecimal("amount"),
                        Currency.getInstance(rs.getString("currency"))), rs.getString("reason"),
                        rs.getLong("entry_id"), rs.getString("actor"), instant(rs, "created_at"),
                        rs.getString("request_key")))
                .list();
    }

    void newReversal(long circuitId, PrepaidReversal r) {
        jdbc.sql("insert into prepaid_sale_reversal (circuit_id, sale_id, kind, amount, currency, reason, entry_id, "
                        + "actor, created_at, request_key) values (:c, :s, :k, :a, :cur, :r, :e, :actor, :at, :key)")
                .param("c", circuitId).param("s", r.saleId()).param("k", r.kind().name())
                .param("a", r.amount().amount()).param("cur", r.amount().currency().getCurrencyCode())
                .param("r", r.reason()).param("e", r.entryId()).param("actor", r.actor()).param("at", ts(r.at()))
                .param("key", r.requestKey()).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
