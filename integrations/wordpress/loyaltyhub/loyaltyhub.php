<?php
/**
 * Plugin Name:       LoyaltyHub
 * Description:       Shows customers their LoyaltyHub points with a shortcode or block, and reports approved WooCommerce product reviews to LoyaltyHub.
 * Version:           0.1.0
 * Requires at least: 6.3
 * Requires PHP:      8.1
 * Author:            LoyaltyHub
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       loyaltyhub
 *
 * Wire contract (documented in docs/integrations/wordpress.md):
 *   Widget token: b64url(payload_json) . "." . b64url(HMAC-SHA256(b64url(payload_json), secret)),
 *     payload {"v":1,"platform":"wordpress","connection":<id>,"shop":"<home url>","user_id":"<WP user id>",
 *     "email":"<email>","exp":<now+600>}, base64url without padding.
 *   Review events: POST {base_url}/api/v1/hooks/wordpress/{connection_id}, topic review.approved,
 *     headers X-LoyaltyHub-Topic, X-LoyaltyHub-Event-Id (wp-review-<site host>-<comment id>),
 *     X-LoyaltyHub-Signature (base64(HMAC-SHA256(raw body, secret))), X-LoyaltyHub-Shop.
 */
declare(strict_types=1);

if (!defined('ABSPATH')) {
    exit;
}

const LOYALTYHUB_VERSION = '0.1.0';
const LOYALTYHUB_PLUGIN_FILE = __FILE__;

foreach ([
    'missing-secret', 'json', 'signature', 'customer-token', 'customer-tokens', 'settings-input', 'connection',
    'event', 'hook-request', 'review-event', 'widget-markup', 'site', 'settings', 'widget', 'token-route',
    'webhook', 'reviews', 'plugin',
] as $loyaltyhub_class) {
    require_once __DIR__ . '/includes/class-' . $loyaltyhub_class . '.php';
}
unset($loyaltyhub_class);

LoyaltyHub\WordPress\Plugin::boot();
