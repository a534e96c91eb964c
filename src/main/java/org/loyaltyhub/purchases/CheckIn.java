package org.loyaltyhub.purchases;

import java.time.Instant;
import java.time.LocalDate;

/** A member's visit to a store without a purchase: checked in by position or with the poster's code. */
public record CheckIn(long id, long storeId, LocalDate day, Method method, Instant at) {

    public enum Method {
        POSITION, POSTER_CODE
    }
}
