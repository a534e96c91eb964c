<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\Event;
use LoyaltyHub\PrestaShop\HookRequest;
use LoyaltyHub\PrestaShop\Outbox;
use LoyaltyHub\PrestaShop\Outcome;
use LoyaltyHub\PrestaShop\QueuedEvent;
use LoyaltyHub\PrestaShop\Transport;

/** Answers each post with the next scripted outcome and remembers what was posted. */
final class ScriptedTransport implements Transport
{
    /** @var list<HookRequest> */
    public array $posted = [];

    /** @param list<Outcome|\Throwable> $answers */
    public function __construct(private array $answers)
    {
    }

    public function post(HookRequest $request): Outcome
    {
        $this->posted[] = $request;
        $answer = array_shift($this->answers) ?? throw new \LogicException('Unexpected post to ' . $request->url);
        if ($answer instanceof \Throwable) {
            throw $answer;
        }

        return $answer;
    }
}

final class InMemoryOutbox implements Outbox
{
    /** @var array<int, array{event: Event, attempts: int, next: ?int, error: string}> */
    public array $rows = [];
    private int $nextId = 1;

    public function add(Event $event, int $attempts, int $nextAttemptAt, string $lastError): void
    {
        $this->rows[$this->nextId++] = ['event' => $event, 'attempts' => $attempts, 'next' => $nextAttemptAt, 'error' => $lastError];
    }

    public function due(int $now, int $limit): array
    {
        $due = array_filter($this->rows, static fn (array $row): bool => $row['next'] !== null && $row['next'] <= $now);
        $queued = array_map(static fn (int $id, array $row) => new QueuedEvent($id, $row['event'], $row['attempts']), array_keys($due), $due);

        return array_slice($queued, 0, $limit);
    }

    public function reschedule(int $id, int $attempts, ?int $nextAttemptAt, string $lastError): void
    {
        $this->rows[$id] = ['event' => $this->rows[$id]['event'], 'attempts' => $attempts, 'next' => $nextAttemptAt, 'error' => $lastError];
    }

    public function remove(int $id): void
    {
        unset($this->rows[$id]);
    }
}
