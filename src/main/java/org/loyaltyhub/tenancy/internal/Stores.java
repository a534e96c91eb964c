package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Store;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
class Stores {

    private static final RowMapper<Store> ROW = (rs, n) -> new Store(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getLong("company_id"), rs.getString("name"), rs.getString("address"), rs.getString("city"),
            rs.getString("postcode"), rs.getString("country"), rs.getBigDecimal("latitude"),
            rs.getBigDecimal("longitude"));

    private final JdbcClient jdbc;

    Stores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long circuitId, long companyId, StoreFields f) {
        return jdbc.sql("insert into store (circuit_id, company_id, name, address, city, postcode, country, latitude, "
                        + "longitude) values (:c, :company, :name, :address, :city, :postcode, :country, :lat, :lon) "
                        + "returning id")
                .param("c", circuitId).param("company", companyId).params(f.asMap()).query(Long.class).single();
    }

    void update(long circuitId, long id, StoreFields f) {
        jdbc.sql("update store set name = :name, address = :address, city = :city, postcode = :postcode, "
                        + "country = :country, latitude = :lat, longitude = :lon where circuit_id = :c and id = :id")
                .params(f.asMap()).param("c", circuitId).param("id", id).update();
    }

    Optional<Store> find(long circuitId, long id) {
        return jdbc.sql("select * from store where circuit_id = :c and id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }

    List<Store> ofCompany(long circuitId, long companyId) {
        return jdbc.sql("select * from store where circuit_id = :c and company_id = :company order by name, id")
                .param("c", circuitId).param("company", companyId).query(ROW).list();
    }

    List<Store> all(long circuitId) {
        return jdbc.sql("select * from store where circuit_id = :c order by company_id, name, id")
                .param("c", circuitId).query(ROW).list();
    }

    /** The editable fields of a store, named as the SQL parameters above. */
    record StoreFields(String name, String address, String city, String postcode, String country,
                       java.math.BigDecimal lat, java.math.BigDecimal lon) {

        java.util.Map<String, Object> asMap() {
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            m.put("name", name);
            m.put("address", address);
            m.put("city", city);
            m.put("postcode", postcode);
            m.put("country", country);
            m.put("lat", lat);
            m.put("lon", lon);
            return m;
        }
    }
}
