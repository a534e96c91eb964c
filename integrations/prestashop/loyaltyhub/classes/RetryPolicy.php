<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * When to try a failed event again: one minute after the first attempt, doubling after each
 * further failure (1, 2, 4 ... 256 minutes, about 8.5 hours in all), and never after the tenth.
 */
final class RetryPolicy
{
    public const MAX_ATTEMPTS = 10;
    private const FIRST_DELAY_SECONDS = 60;

    /** @return int|null the unix time of the next attempt, or null when the event is given up */
    public function nextAttemptAt(int $attemptsMade, int $now): ?int
    {
        if ($attemptsMade < 1) {
            throw new \InvalidArgumentException('A retry follows at least one attempt.');
        }
        if ($attemptsMade >= self::MAX_ATTEMPTS) {
            return null;
        }

        return $now + self::FIRST_DELAY_SECONDS * (2 ** ($attemptsMade - 1));
    }
}
