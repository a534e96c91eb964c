package org.loyaltyhub.tenancy;

import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;

/** A position on Earth in degrees (WGS 84), as a browser or a store's coordinates give it. */
public record GeoPoint(double latitude, double longitude) {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new InvalidInput("lat", "must be a latitude from -90 to 90");
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new InvalidInput("lon", "must be a longitude from -180 to 180");
        }
    }

    /** The store's position; null when it has no coordinates. */
    public static GeoPoint of(Store store) {
        return store.latitude() == null || store.longitude() == null ? null
                : new GeoPoint(store.latitude().doubleValue(), store.longitude().doubleValue());
    }

    public static GeoPoint of(BigDecimal latitude, BigDecimal longitude) {
        return new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
    }

    /** The great-circle distance (haversine), rounded to the metre. */
    public long metresTo(GeoPoint other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.pow(Math.sin(dLon / 2), 2);
        return Math.round(2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a))));
    }
}
