package org.loyaltyhub.tenancy;

import java.util.List;

/**
 * The circuit's stores as customers find them: with their profile, ordered by distance from a position when one is
 * given (within a radius), else by name; and the profile each company keeps up.
 */
public interface StoreDirectory {

    /** The farthest a search reaches. */
    int MAX_RADIUS_KM = 500;

    /** {@code from} null: every store by name; else the stores within {@code radiusKm} (1 to 500), nearest first. */
    List<NearbyStore> nearby(long circuitId, GeoPoint from, int radiusKm);

    StoreProfile profile(long circuitId, long storeId);

    /** The store's administrators (circuit, its company) change its profile. */
    StoreProfile change(Caller caller, long storeId, StoreProfile profile);

    /** A store as customers see it; {@code distanceMetres} null without a position (the customer's or the store's). */
    record NearbyStore(Store store, StoreProfile profile, Long distanceMetres) {

        /** A directions link a phone opens in its maps app; null when the store has no coordinates. */
        public String directionsUrl() {
            return store.latitude() == null || store.longitude() == null ? null
                    : "https://www.openstreetmap.org/directions?route=%3B" + store.latitude().toPlainString() + "%2C"
                    + store.longitude().toPlainString();
        }

        public String address() {
            return String.join(", ", java.util.stream.Stream.of(store.address(), store.postcode(), store.city())
                    .filter(s -> s != null && !s.isBlank()).toList());
        }
    }
}
