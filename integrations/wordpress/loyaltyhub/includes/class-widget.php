<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** The points widget as shortcode [loyaltyhub_widget] and as dynamic block loyaltyhub/widget. */
final class Widget
{
    private const EDITOR_SCRIPT = 'loyaltyhub-widget-block';

    public function register(): void
    {
        add_shortcode('loyaltyhub_widget', [$this, 'shortcode']);
        add_action('init', [$this, 'registerBlock']);
    }

    public function registerBlock(): void
    {
        wp_register_script(
            self::EDITOR_SCRIPT,
            plugins_url('assets/widget-block.js', LOYALTYHUB_PLUGIN_FILE),
            ['wp-blocks', 'wp-element', 'wp-block-editor', 'wp-i18n'],
            LOYALTYHUB_VERSION,
            true
        );
        wp_set_script_translations(self::EDITOR_SCRIPT, 'loyaltyhub');
        register_block_type('loyaltyhub/widget', [
            'api_version' => 3,
            'editor_script' => self::EDITOR_SCRIPT,
            'render_callback' => [$this, 'block'],
            'supports' => ['html' => false],
        ]);
    }

    public function shortcode(mixed $attributes = [], ?string $content = null): string
    {
        return $this->markup();
    }

    public function block(array $attributes = [], string $content = ''): string
    {
        return $this->markup();
    }

    private function markup(): string
    {
        if (!is_user_logged_in()) {
            $here = get_permalink();

            return WidgetMarkup::forVisitor(wp_login_url(is_string($here) ? $here : home_url()));
        }
        try {
            $connection = Settings::connection();
        } catch (\Throwable $e) {
            return current_user_can('manage_options')
                ? '<p class="loyaltyhub-widget">' . esc_html__('LoyaltyHub is not configured yet: see Settings → LoyaltyHub.', 'loyaltyhub') . '</p>'
                : '';
        }

        return WidgetMarkup::forCustomer(
            $connection,
            Site::tokenFor(wp_get_current_user(), $connection),
            rest_url(TokenRoute::NAMESPACE . TokenRoute::ROUTE),
            wp_create_nonce('wp_rest')
        );
    }
}
