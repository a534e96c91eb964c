<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** One thing that happened on the site, ready to send, with the id LoyaltyHub deduplicates on. */
final class Event
{
    public function __construct(
        public readonly string $id,
        public readonly string $topic,
        public readonly string $body,
        public readonly string $shopUrl
    ) {
    }
}
