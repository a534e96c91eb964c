<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Reads an order straight from the database as the plain rows OrderPayload expects. Rows rather
 * than ObjectModel objects: their decimal columns arrive as exact strings, never as floats.
 */
final class OrderSnapshots
{
    /**
     * @param int|null $stateId the state to report; hooks pass the new state because the order row
     *                          is updated only after actionOrderStatusPostUpdate has run
     */
    public function load(int $orderId, ?int $stateId, int $languageId): array
    {
        $db = \Db::getInstance();
        $order = $db->getRow(
            'SELECT o.id_order, o.id_shop, o.id_customer, o.reference, o.current_state, c.iso_code AS currency,'
            . ' o.total_paid_tax_incl, o.total_products_wt, o.total_shipping_tax_incl, o.date_add, o.date_upd'
            . ' FROM `' . _DB_PREFIX_ . 'orders` o'
            . ' LEFT JOIN `' . _DB_PREFIX_ . 'currency` c ON c.id_currency = o.id_currency'
            . ' WHERE o.id_order = ' . $orderId,
            false
        );
        if (!is_array($order)) {
            throw new \RuntimeException(sprintf('Order %d not found.', $orderId));
        }

        return [
            'order' => $order,
            'customer' => $this->customer((int) $order['id_customer']),
            'state' => $this->state($stateId ?: (int) $order['current_state'], $languageId),
            'lines' => $this->rows(
                'SELECT product_id, product_reference, product_quantity, unit_price_tax_incl, total_price_tax_incl,'
                . ' unit_price_tax_excl, total_price_tax_excl'
                . ' FROM `' . _DB_PREFIX_ . 'order_detail` WHERE id_order = ' . $orderId . ' ORDER BY id_order_detail'
            ),
            'slips' => $this->rows(
                'SELECT id_order_slip, amount, total_products_tax_incl, date_add'
                . ' FROM `' . _DB_PREFIX_ . 'order_slip` WHERE id_order = ' . $orderId . ' ORDER BY id_order_slip'
            ),
            'cart_rules' => $this->rows(
                'SELECT IFNULL(cr.code, \'\') AS code, ocr.value, ocr.value_tax_excl FROM `' . _DB_PREFIX_ . 'order_cart_rule` ocr'
                . ' LEFT JOIN `' . _DB_PREFIX_ . 'cart_rule` cr ON cr.id_cart_rule = ocr.id_cart_rule'
                . ' WHERE ocr.id_order = ' . $orderId . ' ORDER BY ocr.id_order_cart_rule'
            ),
        ];
    }

    public function customer(int $customerId): array
    {
        $row = \Db::getInstance()->getRow(
            'SELECT id_customer, email, firstname, lastname, newsletter, optin, is_guest, birthday'
            . ' FROM `' . _DB_PREFIX_ . 'customer` WHERE id_customer = ' . $customerId,
            false
        );
        if (!is_array($row)) {
            throw new \RuntimeException(sprintf('Customer %d not found.', $customerId));
        }

        return $row;
    }

    private function state(int $stateId, int $languageId): array
    {
        $row = \Db::getInstance()->getRow(
            'SELECT os.id_order_state, os.paid, os.logable, os.shipped, os.delivery, osl.name'
            . ' FROM `' . _DB_PREFIX_ . 'order_state` os'
            . ' LEFT JOIN `' . _DB_PREFIX_ . 'order_state_lang` osl'
            . ' ON osl.id_order_state = os.id_order_state AND osl.id_lang = ' . $languageId
            . ' WHERE os.id_order_state = ' . $stateId,
            false
        );

        return is_array($row) ? $row : ['id_order_state' => $stateId];
    }

    private function rows(string $sql): array
    {
        $rows = \Db::getInstance()->executeS($sql, true, false);

        return is_array($rows) ? $rows : [];
    }
}
