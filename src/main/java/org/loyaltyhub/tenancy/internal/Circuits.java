package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Circuit;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class Circuits {

    private static final RowMapper<Circuit> ROW = (rs, n) -> new Circuit(rs.getLong("id"), rs.getString("name"),
            rs.getString("currency"), rs.getString("logo_url"), rs.getBoolean("companies_kept_apart"),
            rs.getBoolean("budgets_enforced"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("default_country"));

    private final JdbcClient jdbc;

    Circuits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String name, String currency, boolean companiesKeptApart, boolean budgetsEnforced) {
        return jdbc.sql("insert into circuit (name, currency, companies_kept_apart, budgets_enforced) "
                        + "values (:name, :currency, :apart, :budgets) returning id")
                .param("name", name).param("currency", currency).param("apart", companiesKeptApart)
                .param("budgets", budgetsEnforced).query(Long.class).single();
    }

    Optional<Circuit> find(long id) {
        return jdbc.sql("select * from circuit where id = :id").param("id", id).query(ROW).optional();
    }

    List<Circuit> all() {
        return jdbc.sql("select * from circuit order by id").query(ROW).list();
    }

    void update(long id, String name, String currency, String logoUrl, boolean apart, boolean budgets) {
        jdbc.sql("update circuit set name = :name, currency = :currency, logo_url = :logo, "
                        + "companies_kept_apart = :apart, budgets_enforced = :budgets where id = :id")
                .param("name", name).param("currency", currency).param("logo", logoUrl).param("apart", apart)
                .param("budgets", budgets).param("id", id).update();
    }

    void changeDefaultCountry(long id, String country) {
        jdbc.sql("update circuit set default_country = :country where id = :id").param("country", country)
                .param("id", id).update();
    }
}
