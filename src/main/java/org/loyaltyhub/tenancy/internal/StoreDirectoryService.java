package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.GeoPoint;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.loyaltyhub.tenancy.StoreProfile;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link StoreDirectory}: stores with their profiles (table {@code store_profile}), searched by distance. */
@Service
@Transactional(readOnly = true)
class StoreDirectoryService implements StoreDirectory {

    private static final RowMapper<StoreProfile> ROW = (rs, n) -> new StoreProfile(rs.getString("phone"),
            rs.getString("opening_hours"), rs.getInt("checkin_radius_m"), rs.getString("google_review_url"),
            rs.getString("tripadvisor_url"));

    private final JdbcClient jdbc;
    private final Stores stores;
    private final TenancyService tenancy;

    StoreDirectoryService(JdbcClient jdbc, Stores stores, TenancyService tenancy) {
        this.jdbc = jdbc;
        this.stores = stores;
        this.tenancy = tenancy;
    }

    @Override
    public List<NearbyStore> nearby(long circuitId, GeoPoint from, int radiusKm) {
        if (radiusKm < 1 || radiusKm > MAX_RADIUS_KM) {
            throw new InvalidInput("radius", "must be from 1 to " + MAX_RADIUS_KM + " km");
        }
        Map<Long, StoreProfile> profiles = jdbc.sql("select * from store_profile where circuit_id = :c")
                .param("c", circuitId).query((rs, n) -> Map.entry(rs.getLong("store_id"), ROW.mapRow(rs, n))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<NearbyStore> all = stores.all(circuitId).stream().map(s -> {
            GeoPoint at = GeoPoint.of(s);
            Long distance = from == null || at == null ? null : from.metresTo(at);
            return new NearbyStore(s, profiles.getOrDefault(s.id(), StoreProfile.empty()), distance);
        }).toList();
        if (from == null) {
            return all.stream().sorted(Comparator.comparing((NearbyStore n) -> n.store().name())).toList();
        }
        return all.stream().filter(n -> n.distanceMetres() != null && n.distanceMetres() <= radiusKm * 1000L)
                .sorted(Comparator.comparing(NearbyStore::distanceMetres)).toList();
    }

    @Override
    public StoreProfile profile(long circuitId, long storeId) {
        return jdbc.sql("select * from store_profile where circuit_id = :c and store_id = :s").param("c", circuitId)
                .param("s", storeId).query(ROW).optional().orElseGet(StoreProfile::empty);
    }

    @Override
    @Transactional
    public StoreProfile change(Caller caller, long storeId, StoreProfile p) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store store = tenancy.visibleStore(caller, storeId);
        jdbc.sql("""
                        insert into store_profile (circuit_id, store_id, phone, opening_hours, checkin_radius_m,
                                                   google_review_url, tripadvisor_url)
                        values (:c, :s, :phone, :hours, :radius, :google, :tripadvisor)
                        on conflict (circuit_id, store_id) do update set phone = excluded.phone,
                        opening_hours = excluded.opening_hours, checkin_radius_m = excluded.checkin_radius_m,
                        google_review_url = excluded.google_review_url, tripadvisor_url = excluded.tripadvisor_url,
                        updated_at = now()""")
                .param("c", store.circuitId()).param("s", store.id()).param("phone", p.phone())
                .param("hours", p.openingHours()).param("radius", p.checkinRadiusMetres())
                .param("google", p.googleReviewUrl()).param("tripadvisor", p.tripadvisorUrl()).update();
        return profile(store.circuitId(), store.id());
    }
}
