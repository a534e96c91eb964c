<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\Connection;
use LoyaltyHub\PrestaShop\Event;
use LoyaltyHub\PrestaShop\HookRequest;
use LoyaltyHub\PrestaShop\MissingSecret;
use PHPUnit\Framework\TestCase;

final class HookRequestTest extends TestCase
{
    public function testARequestCarriesEveryContractHeader(): void
    {
        $event = new Event('0f0e8a4c-6f53-4a5e-9a43-b5f1c1d0e9aa', 'ping', '{"ping":true}', 'https://shop.example.com');
        $request = HookRequest::for(new Connection('https://lh.example.com/', 42, 'lh-test-secret'), $event);

        self::assertSame('https://lh.example.com/api/v1/hooks/prestashop/42', $request->url);
        self::assertSame('{"ping":true}', $request->body);
        self::assertSame([
            'Content-Type' => 'application/json',
            'X-LoyaltyHub-Topic' => 'ping',
            'X-LoyaltyHub-Event-Id' => '0f0e8a4c-6f53-4a5e-9a43-b5f1c1d0e9aa',
            'X-LoyaltyHub-Signature' => '7DFGQyz57KVRMvNFkwIJ2b/Eq7To/sCUbaxtgIw+cDA=',
            'X-LoyaltyHub-Shop' => 'https://shop.example.com',
        ], $request->headers);
    }

    public function testATestEventIsAPingWithAFreshUuidAndNoTrailingSlashOnTheShop(): void
    {
        $first = Event::ping('https://shop.example.com/');
        $second = Event::ping('https://shop.example.com/');

        self::assertSame('ping', $first->topic);
        self::assertSame('{"ping":true}', $first->body);
        self::assertSame('https://shop.example.com', $first->shopUrl);
        self::assertMatchesRegularExpression('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $first->id);
        self::assertNotSame($first->id, $second->id);
    }

    public function testBodiesKeepSlashesAndUnicodeAsTheyAre(): void
    {
        $event = Event::create('customer.created', ['name' => 'Zoë', 'url' => 'https://a.example/x'], 'https://shop.example.com');

        self::assertSame('{"name":"Zoë","url":"https://a.example/x"}', $event->body);
    }

    public function testNothingIsSentWithoutASecret(): void
    {
        $this->expectException(MissingSecret::class);
        new Connection('https://lh.example.com', 42, '');
    }

    public function testTheLoyaltyHubUrlMustBeHttp(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        new Connection('ftp://lh.example.com', 42, 'lh-test-secret');
    }
}
