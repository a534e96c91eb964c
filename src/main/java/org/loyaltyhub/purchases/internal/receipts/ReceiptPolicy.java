package org.loyaltyhub.purchases.internal.receipts;

import org.loyaltyhub.purchases.ReceiptRefusal;
import org.loyaltyhub.purchases.ReceiptSettings;
import org.loyaltyhub.shared.Money;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a genuine, unclaimed receipt is recorded now, waits for review or is refused: too old, in the future (a
 * till's clock may run up to five minutes ahead), over the member's daily amount; above the review amount it waits.
 */
public record ReceiptPolicy(ReceiptSettings settings) {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What to do with a claim. */
    public sealed interface Decision {
    }

    public record Record() implements Decision {
    }

    public record Review() implements Decision {
    }

    public record Refuse(ReceiptRefusal reason) implements Decision {
    }

    /** {@code claimedToday}: what the member claimed today (recorded or pending), in the receipt's currency. */
    public Decision decide(Money amount, Instant issuedAt, Instant now, Money claimedToday) {
        if (!settings.enabled()) {
            return new Refuse(ReceiptRefusal.NOT_ACCEPTED);
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return new Refuse(ReceiptRefusal.IN_THE_FUTURE);
        }
        if (issuedAt.isBefore(now.minus(Duration.ofDays(settings.maxAgeDays())))) {
            return new Refuse(ReceiptRefusal.TOO_OLD);
        }
        if (claimedToday.plus(amount).amount().compareTo(settings.dailyLimit()) > 0) {
            return new Refuse(ReceiptRefusal.DAILY_LIMIT);
        }
        if (settings.reviewAbove() != null && amount.amount().compareTo(settings.reviewAbove()) > 0) {
            return new Review();
        }
        return new Record();
    }
}
