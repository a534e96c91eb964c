<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** Where and as whom this site talks to LoyaltyHub, from the plugin settings. */
final class Connection
{
    public readonly string $baseUrl;

    public function __construct(
        string $baseUrl,
        public readonly int $id,
        public readonly string $secret
    ) {
        if ($secret === '') {
            throw MissingSecret::forSigning();
        }
        if ($id <= 0) {
            throw new \InvalidArgumentException('LoyaltyHub connection id must be a positive number.');
        }
        if (!SettingsInput::isHttpUrl($baseUrl)) {
            throw new \InvalidArgumentException('LoyaltyHub URL must start with https:// or http://.');
        }
        $this->baseUrl = rtrim($baseUrl, '/');
    }

    public function hookUrl(): string
    {
        return sprintf('%s/api/v1/hooks/wordpress/%d', $this->baseUrl, $this->id);
    }

    public function widgetScriptUrl(): string
    {
        return $this->baseUrl . '/widget/loyaltyhub.js';
    }
}
