package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.util.List;
import java.util.Optional;

/** Reads members with their main card, current consents and external ids. */
@Repository
class MemberRows {

    private final JdbcClient jdbc;

    MemberRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> find(long circuitId, long id) {
        return jdbc.sql("select m.*, c.id as card_id, c.number, c.qr_payload, c.main, c.card_group, c.brand, c.issued_at, c.blocked_at "
                        + "from member m left join card c on c.member_id = m.id and c.main "
                        + "where m.circuit_id = :c and m.id = :id")
                .param("c", circuitId).param("id", id)
                .query((rs, n) -> {
                    Date birth = rs.getDate("birth_date");
                    Member.Card card = rs.getObject("card_id") == null ? null : new Member.Card(rs.getLong("card_id"),
                            rs.getString("number"), rs.getString("qr_payload"), rs.getBoolean("main"),
                            rs.getString("card_group"), rs.getString("brand"), rs.getTimestamp("issued_at").toInstant(),
                            rs.getTimestamp("blocked_at") == null ? null : rs.getTimestamp("blocked_at").toInstant());
                    return new Member(rs.getLong("id"), rs.getLong("circuit_id"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                            birth == null ? null : birth.toLocalDate(), rs.getString("gender"), rs.getString("city"),
                            rs.getString("postcode"), (Long) rs.getObject("preferred_store_id"),
                            (Long) rs.getObject("enrolled_company_id"), (Long) rs.getObject("enrolled_store_id"),
                            rs.getTimestamp("created_at").toInstant(), card, null, null,
                            rs.getString("language") == null ? null : Language.valueOf(rs.getString("language")));
                })
                .optional()
                .map(m -> new Member(m.id(), m.circuitId(), m.firstName(), m.lastName(), m.email(), m.phone(),
                        m.birthDate(), m.gender(), m.city(), m.postcode(), m.preferredStoreId(), m.enrolledCompanyId(),
                        m.enrolledStoreId(), m.createdAt(), m.card(), consents(m.id()), externalIds(m.id()),
                        m.language()));
    }

    private static final org.springframework.jdbc.core.RowMapper<Member.Consent> CONSENT = (rs, n) ->
            new Member.Consent(ConsentKind.valueOf(rs.getString("kind")), rs.getBoolean("granted"),
                    rs.getString("text_version"), rs.getString("source"), rs.getTimestamp("recorded_at").toInstant());

    /** The current state of each kind of consent: its latest record. */
    List<Member.Consent> consents(long memberId) {
        return jdbc.sql("select distinct on (kind) * from consent where member_id = :m order by kind, id desc")
                .param("m", memberId).query(CONSENT).list();
    }

    List<Member.Consent> consentHistory(long memberId) {
        return jdbc.sql("select * from consent where member_id = :m order by id desc")
                .param("m", memberId).query(CONSENT).list();
    }

    private List<Member.ExternalId> externalIds(long memberId) {
        return jdbc.sql("select connection, external_id from member_external_id where member_id = :m order by 1, 2")
                .param("m", memberId).query((rs, n) -> new Member.ExternalId(rs.getString(1), rs.getString(2))).list();
    }
}
