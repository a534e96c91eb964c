<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * Describes an order state by its flags, because shops rename, add and renumber states. The only
 * states recognised by id are the three the shop itself designates in its configuration:
 * PS_OS_CANCELED (cancelled), PS_OS_REFUND (cancelled and refunded) and PS_OS_ERROR ("Payment error": failed).
 * Those three have no flag of their own (all their flags are 0, like "Awaiting payment").
 * Note that `delivery` only means "show the delivery slip": the order has gone out when `shipped` is set.
 */
final class OrderStates
{
    public function __construct(
        private readonly int $canceledStateId,
        private readonly int $refundStateId,
        private readonly int $errorStateId = 0
    ) {
    }

    /**
     * @param array{id_order_state: int|string, name?: ?string, paid?: mixed, logable?: mixed,
     *              shipped?: mixed, delivery?: mixed} $state a row of order_state joined with its name
     */
    public function describe(array $state): array
    {
        $id = (int) $state['id_order_state'];
        $refunded = $this->refundStateId > 0 && $id === $this->refundStateId;
        $cancelled = $refunded || ($this->canceledStateId > 0 && $id === $this->canceledStateId);

        return [
            'id' => $id,
            'name' => (string) ($state['name'] ?? ''),
            'paid' => (bool) ($state['paid'] ?? false),
            'logable' => (bool) ($state['logable'] ?? false),
            'shipped' => (bool) ($state['shipped'] ?? false),
            'delivery' => (bool) ($state['delivery'] ?? false),
            'cancelled' => $cancelled,
            'refunded' => $refunded,
            'failed' => $this->errorStateId > 0 && $id === $this->errorStateId,
        ];
    }
}
