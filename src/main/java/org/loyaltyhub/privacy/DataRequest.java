package org.loyaltyhub.privacy;

import java.time.Instant;

/** A shop asked for a customer's data (Shopify customers/data_request): the export waits in the back office. */
public record DataRequest(long id, long circuitId, Long companyId, long memberId, String requestedBy,
                          Instant requestedAt, Instant dueAt, Instant downloadedAt) {
}
