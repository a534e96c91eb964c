<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\Shared;

use LoyaltyHub\PrestaShop;
use LoyaltyHub\WordPress;
use PHPUnit\Framework\TestCase;

/**
 * The vectors below are published in docs/integrations/*.md for LoyaltyHub's own tests; they were
 * computed with Python's hmac module, not with the code under test.
 */
final class CustomerTokenTest extends TestCase
{
    private const NOW = 1794999400;

    public const WORDPRESS_PAYLOAD = '{"v":1,"platform":"wordpress","connection":42,"shop":"https://shop.example.com","user_id":"3","email":"anna.rossi@example.com","exp":1795000000}';
    public const WORDPRESS_TOKEN = 'eyJ2IjoxLCJwbGF0Zm9ybSI6IndvcmRwcmVzcyIsImNvbm5lY3Rpb24iOjQyLCJzaG9wIjoiaHR0cHM6Ly9zaG9wLmV4YW1wbGUuY29tIiwidXNlcl9pZCI6IjMiLCJlbWFpbCI6ImFubmEucm9zc2lAZXhhbXBsZS5jb20iLCJleHAiOjE3OTUwMDAwMDB9.1Wr54JudUo31yH-X6zRH5Yxng7Umo0-Nzzg0dcFNa7g';

    public function testTheWordPressTokenMatchesThePublishedVector(): void
    {
        $token = (new WordPress\CustomerTokens('lh-test-secret', 'wordpress', 42, 'https://shop.example.com'))
            ->issue('3', 'anna.rossi@example.com', self::NOW);

        self::assertSame(self::WORDPRESS_TOKEN, $token->value);
    }

    public function testThePrestaShopTokenMatchesThePublishedVector(): void
    {
        $token = (new PrestaShop\CustomerTokens('ps-secret', 'prestashop', 7, 'https://boutique.example.fr'))
            ->issue('15', 'marie+test@example.fr', self::NOW);

        self::assertSame(
            'eyJ2IjoxLCJwbGF0Zm9ybSI6InByZXN0YXNob3AiLCJjb25uZWN0aW9uIjo3LCJzaG9wIjoiaHR0cHM6Ly9ib3V0aXF1ZS5leGFtcGxlLmZyIiwidXNlcl9pZCI6IjE1IiwiZW1haWwiOiJtYXJpZSt0ZXN0QGV4YW1wbGUuZnIiLCJleHAiOjE3OTUwMDAwMDB9.JLxe_BD0eXdcZ4ARasiY_sqZGYmw-Um6gXgr3ITaZR0',
            $token->value
        );
    }

    public function testThePayloadIsTheContractJsonInContractOrder(): void
    {
        $token = (new WordPress\CustomerTokens('lh-test-secret', 'wordpress', 42, 'https://shop.example.com'))
            ->issue('3', 'anna.rossi@example.com', self::NOW);
        [$head] = explode('.', $token->value);

        self::assertSame(self::WORDPRESS_PAYLOAD, base64_decode(strtr($head, '-_', '+/'), true));
    }

    public function testATokenExpiresTenMinutesAfterItIsIssued(): void
    {
        $token = (new PrestaShop\CustomerTokens('s', 'prestashop', 1, 'https://a.example'))->issue('1', 'a@b.it', 1700000000);
        [$head] = explode('.', $token->value);
        $payload = json_decode(base64_decode(strtr($head, '-_', '+/')), true, 512, JSON_THROW_ON_ERROR);

        self::assertSame(1700000600, $token->expiresAt);
        self::assertSame(1700000600, $payload['exp']);
    }

    public function testATokenIsTwoUnpaddedBase64UrlSegments(): void
    {
        $tokens = new WordPress\CustomerTokens('lh-test-secret', 'wordpress', 42, 'https://shop.example.com');
        $token = $tokens->issue('9', 'zoë.müller@example.com', self::NOW);
        [$head] = explode('.', $token->value);
        $standard = base64_encode(base64_decode(strtr($head, '-_', '+/')));

        self::assertMatchesRegularExpression('/[+\/=]/', $standard, 'the payload needs characters that differ in base64url');
        self::assertMatchesRegularExpression('/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/', $token->value);
    }

    public function testTheMacCoversTheEncodedPayloadSoAnEditedPayloadFails(): void
    {
        [$head, $mac] = explode('.', self::WORDPRESS_TOKEN);
        $forged = WordPress\CustomerTokens::base64Url(str_replace('"user_id":"3"', '"user_id":"4"', self::WORDPRESS_PAYLOAD));

        self::assertSame($mac, WordPress\CustomerTokens::base64Url(hash_hmac('sha256', $head, 'lh-test-secret', true)));
        self::assertNotSame($mac, WordPress\CustomerTokens::base64Url(hash_hmac('sha256', $forged, 'lh-test-secret', true)));
    }

    public function testNoTokenIsIssuedWithAnEmptySecret(): void
    {
        $this->expectException(PrestaShop\MissingSecret::class);
        new PrestaShop\CustomerTokens('', 'prestashop', 1, 'https://a.example');
    }
}
