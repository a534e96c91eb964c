package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.programs.SegmentUsers.SegmentUse;
import org.loyaltyhub.shared.LoyaltyException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A segment that campaigns target is kept: problem {@code segment-in-use} (409) listing them in {@code usedBy}
 * ({@code kind}, {@code id}, {@code name}); the page shows the same list.
 */
public class SegmentInUse extends LoyaltyException {

    private final List<SegmentUse> usedBy;

    public SegmentInUse(long segmentId, List<SegmentUse> usedBy) {
        super("segment-in-use", Failure.CONFLICT, "Segment " + segmentId + " is the target of " + usedBy.stream()
                .map(u -> u.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + u.id() + " \"" + u.name() + "\"")
                .collect(Collectors.joining(", ")) + ": change their target first");
        if (usedBy.isEmpty()) {
            throw new IllegalArgumentException("a segment in use is used by something");
        }
        this.usedBy = List.copyOf(usedBy);
        with("usedBy", this.usedBy.stream()
                .map(u -> Map.<String, Object>of("kind", u.kind().name(), "id", u.id(), "name", u.name())).toList());
    }

    public List<SegmentUse> usedBy() {
        return usedBy;
    }
}
