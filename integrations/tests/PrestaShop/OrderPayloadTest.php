<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\CustomerPayload;
use LoyaltyHub\PrestaShop\Json;
use LoyaltyHub\PrestaShop\OrderPayload;
use LoyaltyHub\PrestaShop\OrderStates;
use PHPUnit\Framework\TestCase;

final class OrderPayloadTest extends TestCase
{
    private const CANCELED = 6;
    private const REFUND = 7;
    private const ERROR = 8;

    private array $order;

    protected function setUp(): void
    {
        $this->order = require __DIR__ . '/../fixtures/prestashop-order.php';
    }

    private function build(string $topic = 'order.status', string $timeZone = 'Europe/Rome'): array
    {
        return (new OrderPayload(new OrderStates(self::CANCELED, self::REFUND, self::ERROR), $timeZone))->build($topic, $this->order);
    }

    private function withState(array $state): void
    {
        $this->order['state'] = $state + ['name' => 'Some state', 'paid' => '0', 'logable' => '0', 'shipped' => '0', 'delivery' => '0'];
    }

    public function testAPaidOrderIsSentAsTheContractJson(): void
    {
        self::assertSame(
            '{"event":"order.status","order":{"id":123,"reference":"XKBKNABJK","currency":"EUR",'
            . '"total_paid_tax_incl":"59.90","total_products_wt":"50.00","total_shipping_tax_incl":"9.90",'
            . '"date_add":"2026-11-20T10:00:00+01:00","date_upd":"2026-11-21T09:15:00+01:00",'
            . '"customer":{"id":7,"email":"a@b.it","firstname":"Anna","lastname":"Rossi","newsletter":true,"optin":false,"is_guest":false},'
            . '"state":{"id":2,"name":"Payment accepted","paid":true,"logable":true,"shipped":false,"delivery":false,"cancelled":false,"refunded":false,"failed":false},'
            . '"lines":[{"product_id":"10","product_reference":"SKU-1","quantity":"2","unit_price_tax_incl":"25.00","total_price_tax_incl":"50.00","unit_price_tax_excl":"20.491803","total_price_tax_excl":"40.983607"}],'
            . '"slips":[{"id":4,"amount":"10.00","total_products_tax_incl":"10.00","date_add":"2026-11-22T18:30:00+01:00"}],'
            . '"refunded_total":"10.00",'
            . '"cart_rules":[{"code":"LH-ABC123","value":"5.00","value_tax_excl":"4.098361"}]}}',
            Json::encode($this->build())
        );
    }

    public function testTheEventNamesTheTopicItWasBuiltFor(): void
    {
        self::assertSame('order.validated', $this->build('order.validated')['event']);
        self::assertSame('order.slip', $this->build('order.slip')['event']);
    }

    public function testAnUnknownTopicIsRefused(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        $this->build('order.deleted');
    }

    public function testACancelledOrderIsFlaggedCancelledWhateverItsId(): void
    {
        $this->withState(['id_order_state' => (string) self::CANCELED, 'name' => 'Annullato']);
        $state = $this->build()['order']['state'];

        self::assertTrue($state['cancelled']);
        self::assertFalse($state['refunded']);
        self::assertFalse($state['paid']);
    }

    public function testTheRefundStateIsFlaggedBothCancelledAndRefunded(): void
    {
        $this->withState(['id_order_state' => (string) self::REFUND, 'paid' => '1', 'logable' => '0']);
        $state = $this->build()['order']['state'];

        self::assertTrue($state['cancelled']);
        self::assertTrue($state['refunded']);
    }

    public function testThePaymentErrorStateIsFlaggedFailed(): void
    {
        $this->withState(['id_order_state' => (string) self::ERROR, 'name' => 'Payment error']);
        $state = $this->build()['order']['state'];

        self::assertTrue($state['failed']);
        self::assertFalse($state['cancelled']);
        self::assertFalse($state['paid']);
    }

    public function testAStateNamedCanceledIsNotCancelledUnlessItIsTheConfiguredOne(): void
    {
        $this->withState(['id_order_state' => '99', 'name' => 'Canceled']);
        $state = $this->build()['order']['state'];

        self::assertFalse($state['cancelled']);
        self::assertFalse($state['refunded']);
    }

    public function testACustomStateIsDescribedByItsFlagsNotItsId(): void
    {
        $this->withState(['id_order_state' => '42', 'name' => 'Ritirato in negozio', 'paid' => '1', 'logable' => '1', 'shipped' => '1', 'delivery' => '1']);

        self::assertSame(
            ['id' => 42, 'name' => 'Ritirato in negozio', 'paid' => true, 'logable' => true, 'shipped' => true, 'delivery' => true, 'cancelled' => false, 'refunded' => false, 'failed' => false],
            $this->build()['order']['state']
        );
    }

    public function testAShopWithoutConfiguredStatesFlagsNothingAsCancelled(): void
    {
        $this->withState(['id_order_state' => '0']);
        $payload = (new OrderPayload(new OrderStates(0, 0), 'UTC'))->build('order.status', $this->order);

        self::assertFalse($payload['order']['state']['cancelled']);
    }

    public function testCreditSlipsAddUpToTheRefundedTotalExactly(): void
    {
        $this->order['slips'] = [
            ['id_order_slip' => '4', 'amount' => '10.100000', 'total_products_tax_incl' => '10.100000', 'date_add' => '2026-11-22 18:30:00'],
            ['id_order_slip' => '5', 'amount' => '0.200000', 'total_products_tax_incl' => '0.000000', 'date_add' => '2026-11-23 09:00:00'],
            ['id_order_slip' => '6', 'amount' => '19.604500', 'total_products_tax_incl' => '19.604500', 'date_add' => '2026-11-23 09:05:00'],
        ];
        $order = $this->build()['order'];

        self::assertSame(['10.10', '0.20', '19.6045'], array_column($order['slips'], 'amount'));
        self::assertSame('29.9045', $order['refunded_total']);
    }

    public function testAnOrderWithoutSlipsHasNothingRefunded(): void
    {
        $this->order['slips'] = [];
        $order = $this->build()['order'];

        self::assertSame([], $order['slips']);
        self::assertSame('0.00', $order['refunded_total']);
        self::assertSame('[]', Json::encode($order['slips']));
    }

    public function testDatesCarryTheShopsOffsetForThatDay(): void
    {
        $this->order['order']['date_add'] = '2026-07-01 10:00:00';

        self::assertSame('2026-07-01T10:00:00+02:00', $this->build()['order']['date_add']);
        self::assertSame('2026-07-01T10:00:00-04:00', $this->build('order.status', 'America/New_York')['order']['date_add']);
    }

    public function testTheLastModificationIsSentWithTheShopsOffsetSoAnOlderRetryCanBeRecognised(): void
    {
        $this->order['order']['date_upd'] = '2026-07-02 18:45:10';

        self::assertSame('2026-07-02T18:45:10+02:00', $this->build()['order']['date_upd']);
        self::assertSame('2026-07-02T18:45:10-04:00', $this->build('order.status', 'America/New_York')['order']['date_upd']);
    }

    public function testAFloatInTheSnapshotIsRefusedRatherThanRounded(): void
    {
        $this->order['order']['total_paid_tax_incl'] = 59.9;

        $this->expectException(\TypeError::class);
        $this->build();
    }

    public function testANewCustomerIsSentWithBirthdayOrNull(): void
    {
        self::assertSame(
            '{"event":"customer.created","customer":{"id":7,"email":"a@b.it","firstname":"Anna","lastname":"Rossi","newsletter":true,"optin":false,"is_guest":false,"birthday":"1990-01-01"}}',
            Json::encode(CustomerPayload::created($this->order['customer']))
        );

        $unknown = ['birthday' => '0000-00-00'] + $this->order['customer'];
        self::assertNull(CustomerPayload::created($unknown)['customer']['birthday']);
    }
}
