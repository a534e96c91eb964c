<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Wire contract: X-LoyaltyHub-Signature = base64(HMAC-SHA256(raw body bytes, secret)),
 * standard base64 with padding, computed over exactly the bytes that are sent.
 */
final class Signature
{
    public const HEADER = 'X-LoyaltyHub-Signature';

    private string $secret;

    public function __construct(string $secret)
    {
        if ($secret === '') {
            throw MissingSecret::forSigning();
        }
        $this->secret = $secret;
    }

    public function of(string $body): string
    {
        return base64_encode(hash_hmac('sha256', $body, $this->secret, true));
    }

    public function matches(string $body, string $signature): bool
    {
        return hash_equals($this->of($body), $signature);
    }
}
