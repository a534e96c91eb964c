<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\WordPress;

use LoyaltyHub\WordPress\SettingsInput;
use PHPUnit\Framework\TestCase;

final class SettingsInputTest extends TestCase
{
    private const STORED = ['url' => 'https://lh.example.com', 'connection_id' => 42, 'secret' => 'stored-secret', 'report_reviews' => true];

    public function testABlankSecretKeepsTheStoredOne(): void
    {
        $result = SettingsInput::clean(['url' => 'https://lh.example.com', 'connection_id' => '42', 'secret' => '  '], self::STORED);

        self::assertSame('stored-secret', $result['settings']['secret']);
        self::assertSame([], $result['errors']);
    }

    public function testANewSecretReplacesTheStoredOne(): void
    {
        $result = SettingsInput::clean(['url' => 'https://lh.example.com', 'connection_id' => '42', 'secret' => 'new-secret'], self::STORED);

        self::assertSame('new-secret', $result['settings']['secret']);
    }

    public function testAFirstSaveWithoutSecretAsksForIt(): void
    {
        $result = SettingsInput::clean(['url' => 'https://lh.example.com', 'connection_id' => '42', 'secret' => ''], []);

        self::assertSame(['secret'], $result['errors']);
    }

    public function testInvalidValuesAreReportedAndTheStoredOnesKept(): void
    {
        $result = SettingsInput::clean(['url' => 'javascript:alert(1)', 'connection_id' => '-3', 'secret' => ''], self::STORED);

        self::assertSame(['url', 'connection_id'], $result['errors']);
        self::assertSame('https://lh.example.com', $result['settings']['url']);
        self::assertSame(42, $result['settings']['connection_id']);
    }

    public function testTheUrlIsStoredWithoutTrailingSlashAndTheIdAsANumber(): void
    {
        $result = SettingsInput::clean(['url' => ' https://loyalty.example.org/ ', 'connection_id' => '7', 'report_reviews' => '1'], self::STORED);

        self::assertSame(
            ['url' => 'https://loyalty.example.org', 'connection_id' => 7, 'secret' => 'stored-secret', 'report_reviews' => true],
            $result['settings']
        );
    }

    public function testReviewReportingIsOffUnlessTicked(): void
    {
        $result = SettingsInput::clean(['url' => 'https://lh.example.com', 'connection_id' => '42'], self::STORED);

        self::assertFalse($result['settings']['report_reviews']);
    }
}
