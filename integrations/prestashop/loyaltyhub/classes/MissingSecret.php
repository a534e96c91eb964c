<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Raised instead of signing with an empty secret: an empty HMAC key would produce signatures
 * anyone can forge, and LoyaltyHub refuses them anyway.
 */
final class MissingSecret extends \RuntimeException
{
    public static function forSigning(): self
    {
        return new self('LoyaltyHub secret is not configured: refusing to sign or send. Set it in the module configuration.');
    }
}
