<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** Where and as whom this shop talks to LoyaltyHub: the three settings of the configuration page. */
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
        if (!self::isHttpUrl($baseUrl)) {
            throw new \InvalidArgumentException('LoyaltyHub URL must start with https:// or http://.');
        }
        $this->baseUrl = rtrim($baseUrl, '/');
    }

    /** Scheme, host, optional port and path: no query, fragment or credentials to confuse the URLs built on it. */
    public static function isHttpUrl(string $url): bool
    {
        return preg_match('#^https?://[a-z0-9.-]+(:[0-9]{1,5})?(/[a-z0-9._~%/-]*)?$#i', $url) === 1;
    }

    public function hookUrl(): string
    {
        return sprintf('%s/api/v1/hooks/prestashop/%d', $this->baseUrl, $this->id);
    }

    public function widgetScriptUrl(): string
    {
        return $this->baseUrl . '/widget/loyaltyhub.js';
    }
}
