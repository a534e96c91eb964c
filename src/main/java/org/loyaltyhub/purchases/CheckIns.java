package org.loyaltyhub.purchases;

import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.GeoPoint;

import java.util.List;

/**
 * Check-ins at stores from the customer area, at most one per store and day (the circuit's time zone): by the phone's
 * position within the store's radius, or with the rotating code on the store's poster screen (a new code every ten
 * minutes; the current and the previous one are accepted). Each is a visit in the member's history and a
 * {@code store_checkin} campaign event.
 */
public interface CheckIns {

    CheckIn byPosition(long circuitId, long memberId, long storeId, GeoPoint position);

    /** {@code storeId}: the store the member checks in at (null: the one the code names). */
    CheckIn byCode(long circuitId, long memberId, Long storeId, String code);

    /** The member's check-ins, newest first (the last 50). */
    List<CheckIn> ofMember(long circuitId, long memberId);

    /** The code the store's poster screen shows now, for an operator of the store. */
    String posterCode(Caller caller, long storeId);
}
