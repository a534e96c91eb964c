<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/** This site as LoyaltyHub knows it: the home URL, without trailing slash. */
final class Site
{
    public static function url(): string
    {
        return untrailingslashit(home_url());
    }

    public static function tokenFor(\WP_User $user, Connection $connection): CustomerToken
    {
        $tokens = new CustomerTokens($connection->secret, 'wordpress', $connection->id, self::url());

        return $tokens->issue((string) $user->ID, (string) $user->user_email, time());
    }
}
