package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.CardBlockReason;
import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;
import org.loyaltyhub.members.CardLabel;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cards members hold: issued with a fresh number, blocked, replaced, labelled; read one by one or as history. */
@Repository
class Cards {

    private static final String SELECT = """
            select c.*, r.number as replaced_by_number from card c left join card r on r.id = c.replaced_by
            """;

    private static final RowMapper<IssuedCard> CARD = (rs, n) -> new IssuedCard(rs.getLong("id"),
            rs.getLong("member_id"), rs.getString("number"), rs.getBoolean("main"), rs.getString("card_group"),
            rs.getString("brand"), rs.getTimestamp("issued_at").toInstant(), instant(rs.getTimestamp("blocked_at")),
            rs.getString("block_reason") == null ? null : CardBlockReason.valueOf(rs.getString("block_reason")),
            rs.getString("block_note"), rs.getString("blocked_by"), rs.getString("replaced_by_number"));

    private final JdbcClient jdbc;

    Cards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new main card with a fresh number (the member must hold no other main card). */
    long issue(long circuitId, long memberId, String group, String brand) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Long> id = jdbc.sql("insert into card (circuit_id, member_id, number, qr_payload, card_group, brand) "
                            + "values (:c, :m, :number, :qr, :group, :brand) on conflict do nothing returning id")
                    .param("c", circuitId).param("m", memberId).param("number", CardNumbers.next())
                    .param("qr", CardNumbers.qrPayload()).param("group", group).param("brand", brand)
                    .query(Long.class).optional();
            if (id.isPresent()) {
                return id.get();
            }
        }
        throw new IllegalStateException("could not draw a free card number");
    }

    /** The card with this number or QR payload in the circuit, whoever holds it. */
    Optional<IssuedCard> presented(long circuitId, String number, String qrPayload) {
        return jdbc.sql(SELECT + " where c.circuit_id = :c and " + (number != null ? "c.number = :v" : "c.qr_payload = :v"))
                .param("c", circuitId).param("v", number != null ? number : qrPayload).query(CARD).optional();
    }

    /** The member's card with this number, locked until the transaction ends. */
    Optional<IssuedCard> lockOfMember(long circuitId, long memberId, String number) {
        Optional<Long> id = jdbc.sql("select id from card where circuit_id = :c and member_id = :m and number = :n "
                        + "for update")
                .param("c", circuitId).param("m", memberId).param("n", number).query(Long.class).optional();
        return id.flatMap(this::byId);
    }

    private Optional<IssuedCard> byId(long id) {
        return jdbc.sql(SELECT + " where c.id = :id").param("id", id).query(CARD).optional();
    }

    /** Every card the member has held, the one in use first, then the newest. */
    List<IssuedCard> ofMember(long circuitId, long memberId) {
        return jdbc.sql(SELECT + " where c.circuit_id = :c and c.member_id = :m order by c.main desc, c.id desc")
                .param("c", circuitId).param("m", memberId).query(CARD).list();
    }

    void block(long cardId, CardBlockReason reason, String note, String actor, Instant at) {
        jdbc.sql("update card set blocked_at = :at, block_reason = :reason, block_note = :note, blocked_by = :actor "
                        + "where id = :id and blocked_at is null")
                .param("at", Timestamp.from(at)).param("reason", reason.name()).param("note", note)
                .param("actor", actor).param("id", cardId).update();
    }

    /** The blocked card gives way to a new main card with the same labels; returns the new card's id. */
    long replace(IssuedCard blocked, long circuitId) {
        jdbc.sql("update card set main = false where id = :id").param("id", blocked.id()).update();
        long fresh = issue(circuitId, blocked.memberId(), blocked.cardGroup(), blocked.brand());
        jdbc.sql("update card set replaced_by = :fresh where id = :id").param("fresh", fresh).param("id", blocked.id())
                .update();
        return fresh;
    }

    /**
     * Changes the labels of the member's card in use: a null label is left as it is, {@code clear} removes it.
     */
    void relabel(long circuitId, long memberId, Change<CardGroup> group, Change<CardBrand> brand) {
        jdbc.sql("""
                        update card set card_group = case when :keepGroup then card_group else :group end,
                                        brand = case when :keepBrand then brand else :brand end
                         where circuit_id = :c and member_id = :m and main""")
                .param("keepGroup", group == null).param("group", group == null ? null : group.text())
                .param("keepBrand", brand == null).param("brand", brand == null ? null : brand.text())
                .param("c", circuitId).param("m", memberId).update();
    }

    /** A label to set: a value, or none (removed). */
    record Change<L extends CardLabel>(L value) {
        String text() {
            return value == null ? null : value.value();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
