<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** PrestaShop stores local "Y-m-d H:i:s" in the shop's time zone; the wire carries ISO 8601 with offset. */
final class ShopDate
{
    public static function toIso(?string $local, string $timeZone): ?string
    {
        if ($local === null || $local === '' || str_starts_with($local, '0000-00-00')) {
            return null;
        }
        $date = \DateTimeImmutable::createFromFormat('!Y-m-d H:i:s', $local, new \DateTimeZone($timeZone));
        if ($date === false) {
            throw new \InvalidArgumentException(sprintf('Not a shop date: "%s"', $local));
        }

        return $date->format(\DateTimeInterface::ATOM);
    }

    public static function birthday(?string $date): ?string
    {
        return $date === null || $date === '' || str_starts_with($date, '0000') ? null : $date;
    }
}
