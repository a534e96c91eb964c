package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Operator;
import org.loyaltyhub.tenancy.Role;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class Operators {

    static final RowMapper<Operator> ROW = (rs, n) -> new Operator(rs.getLong("id"),
            (Long) rs.getObject("circuit_id"), Role.valueOf(rs.getString("role")), (Long) rs.getObject("company_id"),
            (Long) rs.getObject("store_id"), rs.getString("email"), rs.getString("display_name"),
            rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final RecentSignIns recentSignIns;

    Operators(JdbcClient jdbc, RecentSignIns recentSignIns) {
        this.jdbc = jdbc;
        this.recentSignIns = recentSignIns;
    }

    /**
     * The new operator's id, or nothing when the address is taken (by any circuit's operator: the unique index sees
     * them all): nothing fails, so the caller's transaction stays usable without a savepoint.
     */
    Optional<Long> create(Long circuitId, Role role, Long companyId, Long storeId, String email, String name,
                          String hash) {
        return jdbc.sql("insert into operator (circuit_id, role, company_id, store_id, email, display_name, "
                        + "password_hash) values (:c, :role, :company, :store, :email, :name, :hash) "
                        + "on conflict do nothing returning id")
                .param("c", circuitId).param("role", role.name()).param("company", companyId).param("store", storeId)
                .param("email", email.strip()).param("name", name.strip()).param("hash", hash)
                .query(Long.class).optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from operator where lower(email) = lower(:email))")
                .param("email", email.strip()).query(Boolean.class).single();
    }

    boolean platformAdminExists() {
        return jdbc.sql("select exists (select 1 from operator where role = 'PLATFORM_ADMIN')")
                .query(Boolean.class).single();
    }

    Optional<Operator> find(long circuitId, long id) {
        return jdbc.sql("select * from operator where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }

    List<Operator> all(long circuitId, Long companyId) {
        return jdbc.sql("select o.* from operator o left join store s on s.id = o.store_id where o.circuit_id = :c "
                        + "and (cast(:company as bigint) is null or o.company_id = :company or s.company_id = :company) "
                        + "order by o.display_name, o.id")
                .param("c", circuitId).param("company", companyId).query(ROW).list();
    }

    void update(long circuitId, long id, Role role, Long companyId, Long storeId, String name, boolean enabled) {
        jdbc.sql("update operator set role = :role, company_id = :company, store_id = :store, display_name = :name, "
                        + "enabled = :enabled where circuit_id = :c and id = :id")
                .param("role", role.name()).param("company", companyId).param("store", storeId).param("name", name)
                .param("enabled", enabled).param("c", circuitId).param("id", id).update();
        recentSignIns.forget(id);
    }

    void changePassword(long id, String hash) {
        jdbc.sql("update operator set password_hash = :hash where id = :id").param("hash", hash).param("id", id)
                .update();
        recentSignIns.forget(id);
    }

    /** Sign-in data: the operator and its password hash, by e-mail. */
    Optional<Credentials> credentials(String email) {
        // an operator of a company switched off (directly or through its store) is refused like a disabled one
        return jdbc.sql("select o.id, o.circuit_id, o.role, o.company_id, o.store_id, o.email, o.display_name, "
                        + "o.created_at, o.password_hash, o.enabled and coalesce("
                        + "(select c.active from company c where c.id = coalesce(o.company_id, "
                        + "(select s.company_id from store s where s.id = o.store_id))), true) as enabled "
                        + "from operator o where lower(o.email) = lower(:email)").param("email", email.strip())
                .query((rs, n) -> new Credentials(ROW.mapRow(rs, n), rs.getString("password_hash")))
                .optional();
    }

    record Credentials(Operator operator, String passwordHash) {
    }
}
