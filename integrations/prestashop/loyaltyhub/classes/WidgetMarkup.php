<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** The storefront widget: LoyaltyHub's script plus a placeholder carrying the customer's token. */
final class WidgetMarkup
{
    public static function render(Connection $connection, CustomerToken $token): string
    {
        return sprintf(
            '<script src="%s" defer></script>' . "\n"
            . '<div class="loyaltyhub-widget" data-loyaltyhub-token="%s" data-loyaltyhub-url="%s"></div>',
            self::escape($connection->widgetScriptUrl()),
            self::escape($token->value),
            self::escape($connection->baseUrl)
        );
    }

    private static function escape(string $value): string
    {
        return htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }
}
