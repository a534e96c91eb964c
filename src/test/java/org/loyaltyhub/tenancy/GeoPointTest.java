package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoPointTest {

    private static final GeoPoint DUOMO = new GeoPoint(45.464211, 9.191383);
    private static final GeoPoint CASTELLO = new GeoPoint(45.470532, 9.179279);
    private static final GeoPoint ROMA_TERMINI = new GeoPoint(41.901000, 12.501000);

    @Test
    void distancesAreGreatCircleMetres() {
        assertThat(DUOMO.metresTo(DUOMO)).isZero();
        assertThat(DUOMO.metresTo(CASTELLO)).isBetween(1150L, 1200L);
        assertThat(DUOMO.metresTo(ROMA_TERMINI)).isBetween(475_000L, 485_000L);
        assertThat(CASTELLO.metresTo(DUOMO)).isEqualTo(DUOMO.metresTo(CASTELLO));
    }

    @Test
    void latitudesAndLongitudesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new GeoPoint(90.5, 0)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new GeoPoint(0, -180.1)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void reviewLinksMustBeHttps() {
        assertThatThrownBy(() -> new StoreProfile(null, null, 100, "http://g.page/r/x", null))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new StoreProfile(null, null, 100, null, "javascript:alert(1)"))
                .isInstanceOf(InvalidInput.class);
        assertThat(new StoreProfile(" ", null, null, "https://g.page/r/abc/review", null))
                .isEqualTo(new StoreProfile(null, null, StoreProfile.DEFAULT_RADIUS, "https://g.page/r/abc/review", null));
    }
}
