<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\WordPress;

use LoyaltyHub\WordPress\Connection;
use LoyaltyHub\WordPress\CustomerToken;
use LoyaltyHub\WordPress\WidgetMarkup;
use PHPUnit\Framework\TestCase;

final class WidgetMarkupTest extends TestCase
{
    public function testACustomerGetsTheScriptAndAPlaceholderWithTokenAndRefreshRoute(): void
    {
        $markup = WidgetMarkup::forCustomer(
            new Connection('https://lh.example.com/', 42, 's'),
            new CustomerToken('eyJ2IjoxfQ.abc-_', 1790000600),
            'https://shop.example.com/wp-json/loyaltyhub/v1/token',
            'a1b2c3d4e5'
        );

        self::assertSame(
            '<script src="https://lh.example.com/widget/loyaltyhub.js" defer></script>' . "\n"
            . '<div class="loyaltyhub-widget" data-loyaltyhub-token="eyJ2IjoxfQ.abc-_" data-loyaltyhub-url="https://lh.example.com"'
            . ' data-loyaltyhub-refresh-url="https://shop.example.com/wp-json/loyaltyhub/v1/token" data-loyaltyhub-refresh-nonce="a1b2c3d4e5"></div>',
            $markup
        );
    }

    public function testEveryValueIsEscapedForItsAttribute(): void
    {
        $markup = WidgetMarkup::forCustomer(
            new Connection('https://lh.example.com', 42, 's'),
            new CustomerToken('t" onclick="x', 0),
            'https://shop.example.com/?rest_route=/loyaltyhub/v1/token&x="y',
            "n'><script>"
        );

        self::assertStringContainsString('data-loyaltyhub-token="t&quot; onclick=&quot;x"', $markup);
        self::assertStringContainsString('data-loyaltyhub-refresh-url="https://shop.example.com/?rest_route=/loyaltyhub/v1/token&#038;x=&quot;y"', $markup);
        self::assertStringContainsString('data-loyaltyhub-refresh-nonce="n&#039;&gt;&lt;script&gt;"', $markup);
        self::assertSame(4, substr_count($markup, '<'), 'no tags but the script and div ones');
    }

    public function testAVisitorIsInvitedToLogIn(): void
    {
        self::assertSame(
            '<p class="loyaltyhub-widget loyaltyhub-widget--logged-out"><a href="https://shop.example.com/wp-login.php?redirect_to=https%3A%2F%2Fshop.example.com%2Fpoints&#038;reauth=1">Log in to see your points</a></p>',
            WidgetMarkup::forVisitor('https://shop.example.com/wp-login.php?redirect_to=https%3A%2F%2Fshop.example.com%2Fpoints&reauth=1')
        );
    }
}
