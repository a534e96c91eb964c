package org.loyaltyhub.tenancy;

import java.time.Instant;

/** A person who signs in to the back office or the counter. Never carries the password hash. */
public record Operator(long id, Long circuitId, Role role, Long companyId, Long storeId, String email,
                       String displayName, boolean enabled, Instant createdAt) {
}
