<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * The HTTP request for one event: POST {base_url}/api/v1/hooks/wordpress/{connection_id} with
 * Content-Type, X-LoyaltyHub-Topic, X-LoyaltyHub-Event-Id, X-LoyaltyHub-Signature, X-LoyaltyHub-Shop,
 * the same headers the PrestaShop module sends.
 */
final class HookRequest
{
    /** @param array<string, string> $headers */
    private function __construct(
        public readonly string $url,
        public readonly array $headers,
        public readonly string $body
    ) {
    }

    public static function for(Connection $connection, Event $event): self
    {
        return new self($connection->hookUrl(), [
            'Content-Type' => 'application/json',
            'X-LoyaltyHub-Topic' => $event->topic,
            'X-LoyaltyHub-Event-Id' => $event->id,
            Signature::HEADER => (new Signature($connection->secret))->of($event->body),
            'X-LoyaltyHub-Shop' => $event->shopUrl,
        ], $event->body);
    }
}
