package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Company;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class Companies {

    private static final RowMapper<Company> ROW = (rs, n) -> new Company(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getString("name"), rs.getString("vat_number"), rs.getTimestamp("created_at").toInstant(),
            rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final RecentSignIns recentSignIns;

    Companies(JdbcClient jdbc, RecentSignIns recentSignIns) {
        this.jdbc = jdbc;
        this.recentSignIns = recentSignIns;
    }

    long create(long circuitId, String name, String vatNumber) {
        return jdbc.sql("insert into company (circuit_id, name, vat_number) values (:c, :name, :vat) returning id")
                .param("c", circuitId).param("name", name).param("vat", vatNumber).query(Long.class).single();
    }

    boolean nameTaken(long circuitId, String name, Long exceptId) {
        return jdbc.sql("select exists (select 1 from company where circuit_id = :c and lower(name) = lower(:name) "
                        + "and id <> coalesce(:except, -1))")
                .param("c", circuitId).param("name", name).param("except", exceptId).query(Boolean.class).single();
    }

    Optional<Company> find(long circuitId, long id) {
        return jdbc.sql("select * from company where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(ROW).optional();
    }

    List<Company> all(long circuitId) {
        return jdbc.sql("select * from company where circuit_id = :c order by name, id").param("c", circuitId)
                .query(ROW).list();
    }

    void update(long circuitId, long id, String name, String vatNumber, boolean active) {
        jdbc.sql("update company set name = :name, vat_number = :vat, active = :active where circuit_id = :c and id = :id")
                .param("name", name).param("vat", vatNumber).param("active", active).param("c", circuitId)
                .param("id", id).update();
        recentSignIns.forgetEveryone(); // a company switched off refuses its operators at once
    }
}
