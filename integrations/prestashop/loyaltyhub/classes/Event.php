<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * One thing that happened in the shop, ready to send. The id is created once and kept through
 * every retry, so LoyaltyHub can drop duplicate deliveries.
 */
final class Event
{
    public function __construct(
        public readonly string $id,
        public readonly string $topic,
        public readonly string $body,
        public readonly string $shopUrl
    ) {
    }

    public static function create(string $topic, array $payload, string $shopUrl): self
    {
        return new self(Uuid::v4(), $topic, Json::encode($payload), rtrim($shopUrl, '/'));
    }

    public static function ping(string $shopUrl): self
    {
        return self::create('ping', ['ping' => true], $shopUrl);
    }
}
