<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Events that could not be delivered yet. An event given up on stays with no next attempt, so the
 * configuration page can show it.
 */
interface Outbox
{
    public function add(Event $event, int $attempts, int $nextAttemptAt, string $lastError): void;

    /** @return list<QueuedEvent> events whose next attempt is due, oldest first */
    public function due(int $now, int $limit): array;

    public function reschedule(int $id, int $attempts, ?int $nextAttemptAt, string $lastError): void;

    public function remove(int $id): void;
}
