<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** An event waiting in the outbox, with how many attempts it has had. */
final class QueuedEvent
{
    public function __construct(
        public readonly int $id,
        public readonly Event $event,
        public readonly int $attempts
    ) {
    }
}
