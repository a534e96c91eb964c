<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Sends events to LoyaltyHub at least once. A failed event goes to the outbox and is retried by
 * the cron controller, or right after a later event got through (LoyaltyHub is evidently up then).
 */
final class Deliveries
{
    public const RETRIES_AFTER_SUCCESS = 5;

    public function __construct(
        private readonly Connection $connection,
        private readonly Transport $transport,
        private readonly Outbox $outbox,
        private readonly RetryPolicy $policy
    ) {
    }

    /** One attempt, nothing queued: for the "send test event" button. */
    public function attempt(Event $event): Outcome
    {
        try {
            return $this->transport->post(HookRequest::for($this->connection, $event));
        } catch (\Throwable $e) {
            return Outcome::failure($e->getMessage());
        }
    }

    public function send(Event $event, int $now): Outcome
    {
        $outcome = $this->attempt($event);
        if ($outcome->delivered()) {
            $this->retryDue($now, self::RETRIES_AFTER_SUCCESS);
        } else {
            $this->outbox->add($event, 1, (int) $this->policy->nextAttemptAt(1, $now), $outcome->error);
        }

        return $outcome;
    }

    /** @return int how many queued events were delivered */
    public function retryDue(int $now, int $limit): int
    {
        $delivered = 0;
        foreach ($this->outbox->due($now, $limit) as $queued) {
            $outcome = $this->attempt($queued->event);
            if ($outcome->delivered()) {
                $this->outbox->remove($queued->id);
                ++$delivered;
                continue;
            }
            $attempts = $queued->attempts + 1;
            $this->outbox->reschedule($queued->id, $attempts, $this->policy->nextAttemptAt($attempts, $now), $outcome->error);
        }

        return $delivered;
    }
}
