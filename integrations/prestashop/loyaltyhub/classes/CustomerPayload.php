<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** The customer object of the wire contract, from a row of the customer table. */
final class CustomerPayload
{
    /**
     * @param array{id_customer: int|string, email: string, firstname: string, lastname: string,
     *              newsletter: mixed, optin: mixed, is_guest: mixed, birthday?: ?string} $customer
     */
    public static function of(array $customer): array
    {
        return [
            'id' => (int) $customer['id_customer'],
            'email' => (string) $customer['email'],
            'firstname' => (string) $customer['firstname'],
            'lastname' => (string) $customer['lastname'],
            'newsletter' => (bool) $customer['newsletter'],
            'optin' => (bool) $customer['optin'],
            'is_guest' => (bool) $customer['is_guest'],
        ];
    }

    /** Body of topic customer.created. */
    public static function created(array $customer): array
    {
        return [
            'event' => 'customer.created',
            'customer' => self::of($customer) + ['birthday' => ShopDate::birthday($customer['birthday'] ?? null)],
        ];
    }
}
