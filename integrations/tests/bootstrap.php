<?php
/**
 * Loads the pure classes of both integrations and stands in for the few platform functions they
 * call. Only the WordPress escaping and translation functions are needed; they behave like
 * WordPress's for the inputs the tests use.
 */
declare(strict_types=1);

define('ABSPATH', __DIR__ . '/');
define('_PS_VERSION_', '8.1.0');

function __(string $text, string $domain = 'default'): string
{
    return $text;
}

function esc_html(string $text): string
{
    return htmlspecialchars($text, ENT_QUOTES, 'UTF-8');
}

function esc_html__(string $text, string $domain = 'default'): string
{
    return esc_html(__($text, $domain));
}

function esc_attr(string $text): string
{
    return htmlspecialchars($text, ENT_QUOTES, 'UTF-8');
}

/** Like WordPress: only allowed protocols survive, and the result is safe inside an attribute. */
function esc_url(string $url): string
{
    $scheme = strtolower((string) parse_url($url, PHP_URL_SCHEME));
    if ($url === '' || !in_array($scheme, ['http', 'https'], true)) {
        return '';
    }
    $url = str_replace(' ', '%20', $url);

    return str_replace(['&', "'", '"', '<', '>'], ['&#038;', '&#039;', '&quot;', '%3C', '%3E'], $url);
}

require __DIR__ . '/../prestashop/loyaltyhub/classes/autoload.php';

foreach ([
    'missing-secret', 'json', 'signature', 'customer-token', 'customer-tokens', 'settings-input', 'connection',
    'event', 'hook-request', 'review-event', 'widget-markup',
] as $class) {
    require __DIR__ . '/../wordpress/loyaltyhub/includes/class-' . $class . '.php';
}

require __DIR__ . '/PrestaShop/Fakes.php';
