<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** GET /wp-json/loyaltyhub/v1/token: a fresh {token, exp} for the logged-in user, so the widget can renew it. */
final class TokenRoute
{
    public const NAMESPACE = 'loyaltyhub/v1';
    public const ROUTE = '/token';

    public function register(): void
    {
        add_action('rest_api_init', [$this, 'registerRoute']);
    }

    public function registerRoute(): void
    {
        register_rest_route(self::NAMESPACE, self::ROUTE, [
            'methods' => 'GET',
            'callback' => [$this, 'issue'],
            'permission_callback' => static fn (): bool => is_user_logged_in(),
        ]);
    }

    public function issue(): \WP_REST_Response|\WP_Error
    {
        try {
            $connection = Settings::connection();
        } catch (\Throwable $e) {
            return new \WP_Error('loyaltyhub_not_configured', __('LoyaltyHub is not configured on this site.', 'loyaltyhub'), ['status' => 503]);
        }
        $token = Site::tokenFor(wp_get_current_user(), $connection);
        $response = new \WP_REST_Response(['token' => $token->value, 'exp' => $token->expiresAt]);
        $response->header('Cache-Control', 'no-store, private');

        return $response;
    }
}
