<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Builds the body of order.validated, order.status and order.slip: always the full current state of
 * the order, so LoyaltyHub can compute the target state whatever order events arrive in.
 *
 * The snapshot is plain database rows (see OrderSnapshots), so this class runs without PrestaShop:
 *   order: id_order, reference, currency (ISO code), total_paid_tax_incl, total_products_wt,
 *          total_shipping_tax_incl, date_add, date_upd (the last modification, which lets LoyaltyHub
 *          recognise a retried older snapshot)
 *   customer: a customer row; state: an order_state row with its name
 *   lines: order_detail rows (product_id, product_reference, product_quantity, unit_price_tax_incl,
 *          total_price_tax_incl); slips: order_slip rows (id_order_slip, amount,
 *          total_products_tax_incl, date_add); cart_rules: rows of code and value
 */
final class OrderPayload
{
    public const TOPICS = ['order.validated', 'order.status', 'order.slip'];

    public function __construct(
        private readonly OrderStates $states,
        private readonly string $timeZone
    ) {
    }

    public function build(string $topic, array $snapshot): array
    {
        if (!in_array($topic, self::TOPICS, true)) {
            throw new \InvalidArgumentException(sprintf('Not an order topic: "%s"', $topic));
        }
        $order = $snapshot['order'];
        $slips = array_map(fn (array $slip): array => $this->slip($slip), $snapshot['slips'] ?? []);

        return [
            'event' => $topic,
            'order' => [
                'id' => (int) $order['id_order'],
                'reference' => (string) $order['reference'],
                'currency' => (string) $order['currency'],
                'total_paid_tax_incl' => Amount::of($order['total_paid_tax_incl'])->toString(),
                'total_products_wt' => Amount::of($order['total_products_wt'])->toString(),
                'total_shipping_tax_incl' => Amount::of($order['total_shipping_tax_incl'])->toString(),
                'date_add' => ShopDate::toIso($order['date_add'], $this->timeZone),
                'date_upd' => ShopDate::toIso($order['date_upd'], $this->timeZone),
                'customer' => CustomerPayload::of($snapshot['customer']),
                'state' => $this->states->describe($snapshot['state']),
                'lines' => array_map([self::class, 'line'], $snapshot['lines'] ?? []),
                'slips' => $slips,
                'refunded_total' => self::refundedTotal($snapshot['slips'] ?? []),
                'cart_rules' => array_map([self::class, 'cartRule'], $snapshot['cart_rules'] ?? []),
            ],
        ];
    }

    private static function line(array $line): array
    {
        return [
            'product_id' => (string) $line['product_id'],
            'product_reference' => (string) $line['product_reference'],
            'quantity' => (string) (int) $line['product_quantity'],
            'unit_price_tax_incl' => Amount::of($line['unit_price_tax_incl'])->toString(),
            'total_price_tax_incl' => Amount::of($line['total_price_tax_incl'])->toString(),
            'unit_price_tax_excl' => Amount::of($line['unit_price_tax_excl'] ?? $line['unit_price_tax_incl'])->toString(),
            'total_price_tax_excl' => Amount::of($line['total_price_tax_excl'] ?? $line['total_price_tax_incl'])->toString(),
        ];
    }

    private function slip(array $slip): array
    {
        return [
            'id' => (int) $slip['id_order_slip'],
            'amount' => Amount::of($slip['amount'])->toString(),
            'total_products_tax_incl' => Amount::of($slip['total_products_tax_incl'])->toString(),
            'date_add' => ShopDate::toIso($slip['date_add'], $this->timeZone),
        ];
    }

    private static function refundedTotal(array $slips): string
    {
        $total = Amount::zero();
        foreach ($slips as $slip) {
            $total = $total->plus(Amount::of($slip['amount']));
        }

        return $total->toString();
    }

    private static function cartRule(array $rule): array
    {
        return [
            'code' => (string) $rule['code'],
            'value' => Amount::of($rule['value'])->toString(),
            'value_tax_excl' => Amount::of($rule['value_tax_excl'] ?? $rule['value'])->toString(),
        ];
    }
}
