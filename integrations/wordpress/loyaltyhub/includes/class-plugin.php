<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

final class Plugin
{
    public static function boot(): void
    {
        (new Settings())->register();
        (new Widget())->register();
        (new TokenRoute())->register();
        // WooCommerce is known to be loaded (or not) only once every plugin is.
        add_action('plugins_loaded', [self::class, 'registerReviews']);
    }

    public static function registerReviews(): void
    {
        if (class_exists('WooCommerce') && Settings::reportsReviews()) {
            (new Reviews(new Webhook()))->register();
        }
    }
}
