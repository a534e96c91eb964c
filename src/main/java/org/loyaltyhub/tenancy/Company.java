package org.loyaltyhub.tenancy;

import java.time.Instant;

/** A merchant in a circuit, with one or more stores. */
public record Company(long id, long circuitId, String name, String vatNumber, Instant createdAt) {
}
