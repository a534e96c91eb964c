package org.loyaltyhub.marketing;

import java.time.Instant;

/** A saved segment of a circuit's members. */
public record Segment(long id, long circuitId, String name, String description, SegmentDefinition definition,
                      String createdBy, Instant createdAt, Instant updatedAt) {
}
