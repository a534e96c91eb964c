package org.loyaltyhub.tenancy;

import java.time.Instant;

/**
 * A merchant in a circuit, with one or more stores. An inactive company keeps its members and history, but its
 * operators cannot sign in and its API keys are refused.
 */
public record Company(long id, long circuitId, String name, String vatNumber, Instant createdAt, boolean active) {
}
