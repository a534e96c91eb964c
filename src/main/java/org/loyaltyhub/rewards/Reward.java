package org.loyaltyhub.rewards;

import java.time.Instant;

/** A reward of a circuit's catalogue, as it stands: its details, whether it has an image, when it was made. */
public record Reward(long id, long circuitId, RewardDetails details, boolean hasImage, Instant createdAt) {

    public String title(java.util.Locale locale) {
        return details.title().in(locale);
    }

    /** Whether one more can be claimed as far as stock goes. */
    public boolean inStock() {
        return details.stock() == null || details.stock() > 0;
    }
}
