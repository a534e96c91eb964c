package org.loyaltyhub.tenancy.internal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
class ApiKeys {

    private static final RowMapper<ApiKey> ROW = (rs, n) -> new ApiKey(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getLong("company_id"), (Long) rs.getObject("store_id"), rs.getString("name"), rs.getString("prefix"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long circuitId, long companyId, Long storeId, String name, String prefix, String secretHash) {
        return jdbc.sql("insert into api_key (circuit_id, company_id, store_id, name, prefix, secret_hash) "
                        + "values (:c, :company, :store, :name, :prefix, :hash) returning id")
                .param("c", circuitId).param("company", companyId).param("store", storeId).param("name", name)
                .param("prefix", prefix).param("hash", secretHash).query(Long.class).single();
    }

    Optional<ApiKey> active(String secretHash) {
        return jdbc.sql("select * from api_key k where secret_hash = :hash and revoked_at is null "
                        + "and not exists (select 1 from company c where c.id = k.company_id and not c.active)")
                .param("hash", secretHash).query(ROW).optional();
    }

    Optional<ApiKey> find(long circuitId, long id) {
        return jdbc.sql("select * from api_key where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }

    List<ApiKey> all(long circuitId, Long companyId) {
        return jdbc.sql("select * from api_key where circuit_id = :c and (cast(:company as bigint) is null "
                        + "or company_id = :company) order by id")
                .param("c", circuitId).param("company", companyId).query(ROW).list();
    }

    void revoke(long circuitId, long id) {
        jdbc.sql("update api_key set revoked_at = now() where circuit_id = :c and id = :id and revoked_at is null")
                .param("c", circuitId).param("id", id).update();
    }

    record ApiKey(long id, long circuitId, long companyId, Long storeId, String name, String prefix,
                  Instant createdAt, Instant revokedAt) {
    }
}
