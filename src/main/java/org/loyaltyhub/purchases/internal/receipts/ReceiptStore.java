package org.loyaltyhub.purchases.internal.receipts;

import org.loyaltyhub.purchases.ReceiptClaim;
import org.loyaltyhub.purchases.ReceiptClaimStatus;
import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Members' receipt claims and the circuits' receipt settings. */
@Repository
class ReceiptStore {

    private static final RowMapper<ReceiptClaim> CLAIM = (rs, n) -> new ReceiptClaim(rs.getLong("id"),
            rs.getLong("member_id"), rs.getLong("store_id"), rs.getLong("receipt_number"),
            rs.getTimestamp("issued_at").toInstant(), Money.of(rs.getBigDecimal("amount"), rs.getString("currency")),
            ReceiptClaimStatus.valueOf(rs.getString("status")), rs.getString("refusal_reason"),
            (Long) rs.getObject("purchase_id", Long.class), rs.getTimestamp("claimed_at").toInstant());

    private final JdbcClient jdbc;

    ReceiptStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean claimed(long circuitId, ReceiptCode code) {
        return jdbc.sql("""
                        select exists (select 1 from receipt_claim where circuit_id = :c and store_id = :s
                                       and receipt_number = :n and issued_at = :at)""")
                .param("c", circuitId).param("s", code.storeId()).param("n", code.receiptNumber())
                .param("at", Timestamp.from(code.issuedAt())).query(Boolean.class).single();
    }

    Money claimedSince(long circuitId, long memberId, Instant since, Currency currency) {
        BigDecimal sum = jdbc.sql("""
                        select coalesce(sum(amount), 0) from receipt_claim where circuit_id = :c and member_id = :m
                        and claimed_at >= :since and status in ('RECORDED', 'PENDING')""")
                .param("c", circuitId).param("m", memberId).param("since", Timestamp.from(since))
                .query(BigDecimal.class).single();
        return Money.of(sum, currency.getCurrencyCode());
    }

    /** The new claim; empty when the receipt was claimed meanwhile. */
    Optional<ReceiptClaim> insert(long circuitId, long memberId, ReceiptCode code, Money amount,
                                  ReceiptClaimStatus status, Instant now) {
        return jdbc.sql("""
                        insert into receipt_claim (circuit_id, member_id, store_id, receipt_number, issued_at, amount,
                                                   currency, status, claimed_at)
                        values (:c, :m, :s, :n, :at, :amount, :currency, :status, :now)
                        on conflict (circuit_id, store_id, receipt_number, issued_at) do nothing returning *""")
                .param("c", circuitId).param("m", memberId).param("s", code.storeId())
                .param("n", code.receiptNumber()).param("at", Timestamp.from(code.issuedAt()))
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("status", status.name()).param("now", Timestamp.from(now)).query(CLAIM).optional();
    }

    ReceiptClaim recorded(long circuitId, long claimId, long purchaseId) {
        return jdbc.sql("update receipt_claim set purchase_id = :p where circuit_id = :c and id = :id returning *")
                .param("p", purchaseId).param("c", circuitId).param("id", claimId).query(CLAIM).single();
    }

    ReceiptClaim reviewed(long circuitId, long claimId, ReceiptClaimStatus status, String reason, String actor,
                          Instant now) {
        return jdbc.sql("""
                        update receipt_claim set status = :status, refusal_reason = :reason, reviewed_by = :actor,
                        reviewed_at = :now where circuit_id = :c and id = :id returning *""")
                .param("status", status.name()).param("reason", reason).param("actor", actor)
                .param("now", Timestamp.from(now)).param("c", circuitId).param("id", claimId).query(CLAIM).single();
    }

    Optional<ReceiptClaim> lock(long circuitId, long claimId) {
        return jdbc.sql("select * from receipt_claim where circuit_id = :c and id = :id for update")
                .param("c", circuitId).param("id", claimId).query(CLAIM).optional();
    }

    List<ReceiptClaim> ofMember(long circuitId, long memberId) {
        return jdbc.sql("select * from receipt_claim where circuit_id = :c and member_id = :m order by id desc limit 50")
                .param("c", circuitId).param("m", memberId).query(CLAIM).list();
    }

    /** The pending claims at the stores named, oldest first. */
    Page<ReceiptClaim> pending(long circuitId, List<Long> stores, PageQuery page) {
        if (stores.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        long total = jdbc.sql("""
                        select count(*) from receipt_claim where circuit_id = :c and status = 'PENDING'
                        and store_id in (:stores)""")
                .param("c", circuitId).param("stores", stores).query(Long.class).single();
        List<ReceiptClaim> items = jdbc.sql("""
                        select * from receipt_claim where circuit_id = :c and status = 'PENDING' and store_id in (:stores)
                        order by id limit :limit offset :offset""")
                .param("c", circuitId).param("stores", stores).param("limit", page.size())
                .param("offset", page.offset()).query(CLAIM).list();
        return Page.of(items, page, total);
    }

    Optional<ReceiptSettings> settings(long circuitId) {
        return jdbc.sql("select enabled, max_age_days, daily_limit, review_above from receipt_settings where circuit_id = :c")
                .param("c", circuitId).query((rs, n) -> new ReceiptSettings(rs.getBoolean(1), rs.getInt(2),
                        twoDecimals(rs.getBigDecimal(3)), twoDecimals(rs.getBigDecimal(4)))).optional();
    }

    private static BigDecimal twoDecimals(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    void save(long circuitId, ReceiptSettings s) {
        jdbc.sql("""
                        insert into receipt_settings (circuit_id, enabled, max_age_days, daily_limit, review_above)
                        values (:c, :enabled, :days, :limit, :review)
                        on conflict (circuit_id) do update set enabled = excluded.enabled,
                        max_age_days = excluded.max_age_days, daily_limit = excluded.daily_limit,
                        review_above = excluded.review_above, updated_at = now()""")
                .param("c", circuitId).param("enabled", s.enabled()).param("days", s.maxAgeDays())
                .param("limit", s.dailyLimit()).param("review", s.reviewAbove()).update();
    }
}
