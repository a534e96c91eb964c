<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** A signed, short-lived proof of who the logged-in customer is, handed to the storefront widget. */
final class CustomerToken
{
    public function __construct(
        public readonly string $value,
        public readonly int $expiresAt
    ) {
    }
}
