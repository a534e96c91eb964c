<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\Connection;
use LoyaltyHub\PrestaShop\CustomerToken;
use LoyaltyHub\PrestaShop\WidgetMarkup;
use PHPUnit\Framework\TestCase;

final class WidgetMarkupTest extends TestCase
{
    public function testTheWidgetLoadsLoyaltyHubsScriptAndCarriesTheToken(): void
    {
        $markup = WidgetMarkup::render(new Connection('https://lh.example.com/', 3, 's'), new CustomerToken('eyJ2IjoxfQ.abc-_', 1790000600));

        self::assertSame(
            '<script src="https://lh.example.com/widget/loyaltyhub.js" defer></script>' . "\n"
            . '<div class="loyaltyhub-widget" data-loyaltyhub-token="eyJ2IjoxfQ.abc-_" data-loyaltyhub-url="https://lh.example.com"></div>',
            $markup
        );
    }

    public function testTheTokenCannotBreakOutOfItsAttribute(): void
    {
        $markup = WidgetMarkup::render(new Connection('https://lh.example.com', 3, 's'), new CustomerToken('x" onmouseover="alert(1)', 0));

        self::assertStringContainsString('data-loyaltyhub-token="x&quot; onmouseover=&quot;alert(1)"', $markup);
        self::assertStringNotContainsString('" onmouseover', $markup);
    }

    public function testALoyaltyHubUrlWithAQueryOrQuotesIsRefused(): void
    {
        self::assertTrue(Connection::isHttpUrl('https://lh.example.com:8443/loyalty'));
        self::assertFalse(Connection::isHttpUrl('https://lh.example.com/x?a=1'));
        self::assertFalse(Connection::isHttpUrl('https://lh.example.com/"><b>'));
        self::assertFalse(Connection::isHttpUrl('https://user:pass@lh.example.com'));
        self::assertFalse(Connection::isHttpUrl('javascript:alert(1)'));
    }
}
