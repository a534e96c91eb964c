<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * What the shortcode and the block print. For a customer: LoyaltyHub's script and a placeholder
 * carrying their token, plus where the widget can fetch a fresh token (the REST route needs the
 * wp_rest nonce for cookie authentication). For a visitor: a link to log in.
 */
final class WidgetMarkup
{
    public static function forCustomer(Connection $connection, CustomerToken $token, string $refreshUrl, string $nonce): string
    {
        return sprintf(
            '<script src="%s" defer></script>' . "\n"
            . '<div class="loyaltyhub-widget" data-loyaltyhub-token="%s" data-loyaltyhub-url="%s"'
            . ' data-loyaltyhub-refresh-url="%s" data-loyaltyhub-refresh-nonce="%s"></div>',
            esc_url($connection->widgetScriptUrl()),
            esc_attr($token->value),
            esc_url($connection->baseUrl),
            esc_url($refreshUrl),
            esc_attr($nonce)
        );
    }

    public static function forVisitor(string $loginUrl): string
    {
        return sprintf(
            '<p class="loyaltyhub-widget loyaltyhub-widget--logged-out"><a href="%s">%s</a></p>',
            esc_url($loginUrl),
            esc_html__('Log in to see your points', 'loyaltyhub')
        );
    }
}
