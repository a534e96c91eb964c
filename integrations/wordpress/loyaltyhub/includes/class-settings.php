<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** Settings → LoyaltyHub: one option, loyaltyhub_settings, edited through the Settings API. */
final class Settings
{
    public const OPTION = 'loyaltyhub_settings';
    private const PAGE = 'loyaltyhub';
    private const SECTION = 'loyaltyhub_connection';

    public static function stored(): array
    {
        $stored = get_option(self::OPTION, []);

        return (is_array($stored) ? $stored : []) + SettingsInput::DEFAULTS;
    }

    /** @throws MissingSecret|\InvalidArgumentException when the plugin is not configured yet */
    public static function connection(): Connection
    {
        $stored = self::stored();

        return new Connection((string) $stored['url'], (int) $stored['connection_id'], (string) $stored['secret']);
    }

    public static function reportsReviews(): bool
    {
        return (bool) self::stored()['report_reviews'];
    }

    public function register(): void
    {
        add_action('admin_menu', [$this, 'addPage']);
        add_action('admin_init', [$this, 'registerFields']);
    }

    public function addPage(): void
    {
        add_options_page(__('LoyaltyHub', 'loyaltyhub'), __('LoyaltyHub', 'loyaltyhub'), 'manage_options', self::PAGE, [$this, 'renderPage']);
    }

    public function registerFields(): void
    {
        register_setting(self::PAGE, self::OPTION, [
            'type' => 'array',
            'sanitize_callback' => [$this, 'sanitize'],
            'default' => SettingsInput::DEFAULTS,
            'show_in_rest' => false,
        ]);
        add_settings_section(self::SECTION, __('Connection to LoyaltyHub', 'loyaltyhub'), [$this, 'renderIntro'], self::PAGE);
        $fields = [
            'url' => __('LoyaltyHub URL', 'loyaltyhub'),
            'connection_id' => __('Connection id', 'loyaltyhub'),
            'secret' => __('Secret', 'loyaltyhub'),
            'report_reviews' => __('Product reviews', 'loyaltyhub'),
        ];
        foreach ($fields as $key => $label) {
            add_settings_field('loyaltyhub-' . $key, $label, [$this, 'renderField'], self::PAGE, self::SECTION, [
                'key' => $key,
                'label_for' => 'loyaltyhub-' . $key,
            ]);
        }
    }

    public function sanitize(mixed $input): array
    {
        $result = SettingsInput::clean(is_array($input) ? $input : [], self::stored());
        $messages = [
            'url' => __('The LoyaltyHub URL must start with https:// (or http:// for a test server).', 'loyaltyhub'),
            'connection_id' => __('The connection id must be a positive whole number.', 'loyaltyhub'),
            'secret' => __('Enter the secret from LoyaltyHub.', 'loyaltyhub'),
        ];
        foreach ($result['errors'] as $field) {
            add_settings_error(self::OPTION, 'loyaltyhub-' . $field, $messages[$field]);
        }

        return $result['settings'];
    }

    public function renderPage(): void
    {
        if (!current_user_can('manage_options')) {
            return;
        }
        echo '<div class="wrap"><h1>' . esc_html(get_admin_page_title()) . '</h1><form action="options.php" method="post">';
        settings_fields(self::PAGE);
        do_settings_sections(self::PAGE);
        submit_button();
        echo '</form></div>';
    }

    public function renderIntro(): void
    {
        echo '<p>' . esc_html__('Copy these values from the connection page in LoyaltyHub. Show the widget with the [loyaltyhub_widget] shortcode or the LoyaltyHub block.', 'loyaltyhub') . '</p>';
    }

    public function renderField(array $args): void
    {
        $key = $args['key'];
        $stored = self::stored();
        $name = self::OPTION . '[' . $key . ']';
        $id = 'loyaltyhub-' . $key;
        switch ($key) {
            case 'url':
                printf('<input type="url" id="%s" name="%s" value="%s" class="regular-text" placeholder="https://loyalty.example.com" required>', esc_attr($id), esc_attr($name), esc_attr((string) $stored['url']));
                break;
            case 'connection_id':
                printf('<input type="number" id="%s" name="%s" value="%s" min="1" step="1" class="small-text" required>', esc_attr($id), esc_attr($name), esc_attr($stored['connection_id'] > 0 ? (string) $stored['connection_id'] : ''));
                break;
            case 'secret':
                printf('<input type="password" id="%s" name="%s" value="" class="regular-text" autocomplete="new-password">', esc_attr($id), esc_attr($name));
                $hint = $stored['secret'] !== ''
                    ? __('A secret is stored. Leave blank to keep it.', 'loyaltyhub')
                    : __('No secret stored yet.', 'loyaltyhub');
                printf('<p class="description">%s</p>', esc_html($hint));
                break;
            case 'report_reviews':
                printf('<label><input type="checkbox" id="%s" name="%s" value="1"%s> %s</label>', esc_attr($id), esc_attr($name), checked((bool) $stored['report_reviews'], true, false), esc_html__('Report approved WooCommerce product reviews to LoyaltyHub', 'loyaltyhub'));
                if (!class_exists('WooCommerce')) {
                    printf('<p class="description">%s</p>', esc_html__('WooCommerce is not active: no reviews will be reported.', 'loyaltyhub'));
                }
                break;
        }
    }
}
