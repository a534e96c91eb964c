/** Reservations: what a store offers to book, its slots, the members' bookings and the counter's attendance. */
@org.springframework.modulith.NamedInterface("reservations")
package org.loyaltyhub.marketing.reservations;
