package org.loyaltyhub.privacy.internal;

import org.loyaltyhub.privacy.LegalText;
import org.loyaltyhub.privacy.LegalTexts;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Service
@Transactional
class LegalTextService implements LegalTexts {

    private static final RowMapper<LegalText> ROW = (rs, n) -> new LegalText(rs.getLong("circuit_id"),
            LegalText.Kind.valueOf(rs.getString("kind")), rs.getInt("version"), rs.getString("body"),
            rs.getTimestamp("published_at").toInstant());

    private final JdbcClient jdbc;

    LegalTextService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public LegalText current(long circuitId, LegalText.Kind kind) {
        return jdbc.sql("select * from legal_text where circuit_id = :c and kind = :k order by version desc limit 1")
                .param("c", circuitId).param("k", kind.name()).query(ROW).optional()
                .orElse(new LegalText(circuitId, kind, 0, null, null));
    }

    @Override
    @Transactional(readOnly = true)
    public List<LegalText> history(Caller caller, LegalText.Kind kind) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return jdbc.sql("select * from legal_text where circuit_id = :c and kind = :k order by version desc")
                .param("c", caller.circuit()).param("k", kind.name()).query(ROW).list();
    }

    @Override
    public LegalText publish(Caller caller, LegalText.Kind kind, String body) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "must not be empty");
        }
        if (body.length() > 50_000) {
            throw new InvalidInput("body", "must have at most 50,000 characters");
        }
        // the circuit row lock makes two simultaneous publications take consecutive versions
        jdbc.sql("select id from circuit where id = :c for update").param("c", caller.circuit()).query(Long.class).single();
        return jdbc.sql("""
                        insert into legal_text (circuit_id, kind, version, body, published_by)
                        select :c, :k, coalesce(max(version), 0) + 1, :body, :by from legal_text
                         where circuit_id = :c and kind = :k
                        returning *""")
                .param("c", caller.circuit()).param("k", kind.name()).param("body", body.strip())
                .param("by", caller.actor()).query(ROW).single();
    }
}
