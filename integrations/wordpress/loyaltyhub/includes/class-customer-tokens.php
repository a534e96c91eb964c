<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Issues widget tokens. Wire contract:
 *   token = b64url(payload_json) . "." . b64url(HMAC-SHA256(b64url(payload_json), secret))
 * where b64url is base64url without padding and payload_json is
 *   {"v":1,"platform":"wordpress","connection":<int>,"shop":"<url>","user_id":"<id>","email":"<email>","exp":<unix>}
 * in that key order, slashes and unicode unescaped. LoyaltyHub verifies the MAC over the first
 * segment as received, so it never has to re-encode the JSON.
 */
final class CustomerTokens
{
    public const LIFETIME_SECONDS = 600;

    public function __construct(
        private readonly string $secret,
        private readonly string $platform,
        private readonly int $connectionId,
        private readonly string $shopUrl
    ) {
        if ($secret === '') {
            throw MissingSecret::forSigning();
        }
    }

    public function issue(string $userId, string $email, int $now): CustomerToken
    {
        $exp = $now + self::LIFETIME_SECONDS;
        $payload = Json::encode([
            'v' => 1,
            'platform' => $this->platform,
            'connection' => $this->connectionId,
            'shop' => $this->shopUrl,
            'user_id' => $userId,
            'email' => $email,
            'exp' => $exp,
        ]);
        $head = self::base64Url($payload);
        $mac = self::base64Url(hash_hmac('sha256', $head, $this->secret, true));

        return new CustomerToken($head . '.' . $mac, $exp);
    }

    public static function base64Url(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }
}
