<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** What one delivery attempt got: an HTTP status (0 when no response came) and why it failed. */
final class Outcome
{
    private function __construct(
        public readonly int $status,
        public readonly string $error
    ) {
    }

    public static function status(int $status): self
    {
        return new self($status, $status >= 200 && $status < 300 ? '' : 'HTTP ' . $status);
    }

    public static function failure(string $error): self
    {
        return new self(0, $error);
    }

    public function delivered(): bool
    {
        return $this->error === '';
    }
}
