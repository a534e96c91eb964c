package org.loyaltyhub.marketing.landing;

import java.util.Map;

/** A landing page's visitors and conversions, each counted once per visitor and day. */
public record LandingStats(long visits, Map<CallToAction, Long> conversions) {

    public long conversionsTotal() {
        return conversions.values().stream().mapToLong(Long::longValue).sum();
    }
}
