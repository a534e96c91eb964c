<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Cleans what the settings form submitted. The secret is write-only: the form never shows it, so a
 * blank secret means "keep the stored one".
 */
final class SettingsInput
{
    public const DEFAULTS = ['url' => '', 'connection_id' => 0, 'secret' => '', 'report_reviews' => false];

    /** @return array{settings: array, errors: list<string>} */
    public static function clean(array $input, array $stored): array
    {
        $stored += self::DEFAULTS;
        $settings = $stored;
        $errors = [];

        $url = rtrim(trim((string) ($input['url'] ?? '')), '/');
        if (self::isHttpUrl($url)) {
            $settings['url'] = $url;
        } else {
            $errors[] = 'url';
        }

        $connectionId = trim((string) ($input['connection_id'] ?? ''));
        if (ctype_digit($connectionId) && (int) $connectionId > 0) {
            $settings['connection_id'] = (int) $connectionId;
        } else {
            $errors[] = 'connection_id';
        }

        $secret = trim((string) ($input['secret'] ?? ''));
        if ($secret !== '') {
            $settings['secret'] = $secret;
        }

        if ($settings['secret'] === '') {
            $errors[] = 'secret';
        }

        $settings['report_reviews'] = !empty($input['report_reviews']);

        return ['settings' => $settings, 'errors' => $errors];
    }

    /** Scheme, host, optional port and path: no query, fragment or credentials to confuse the URLs built on it. */
    public static function isHttpUrl(string $url): bool
    {
        return preg_match('#^https?://[a-z0-9.-]+(:[0-9]{1,5})?(/[a-z0-9._~%/-]*)?$#i', $url) === 1;
    }
}
