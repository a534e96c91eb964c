<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\Connection;
use LoyaltyHub\PrestaShop\Deliveries;
use LoyaltyHub\PrestaShop\Event;
use LoyaltyHub\PrestaShop\Outcome;
use LoyaltyHub\PrestaShop\RetryPolicy;
use PHPUnit\Framework\TestCase;

final class DeliveriesTest extends TestCase
{
    private const NOW = 1790000000;

    private InMemoryOutbox $outbox;

    protected function setUp(): void
    {
        $this->outbox = new InMemoryOutbox();
    }

    private function deliveries(ScriptedTransport $transport): Deliveries
    {
        return new Deliveries(new Connection('https://lh.example.com', 5, 'lh-test-secret'), $transport, $this->outbox, new RetryPolicy());
    }

    private static function event(string $body = '{"n":1}'): Event
    {
        return new Event('9b2f4c1e-0000-4000-8000-000000000001', 'order.status', $body, 'https://shop.example.com');
    }

    public function testADeliveredEventIsNotQueued(): void
    {
        $outcome = $this->deliveries(new ScriptedTransport([Outcome::status(202)]))->send(self::event(), self::NOW);

        self::assertTrue($outcome->delivered());
        self::assertSame([], $this->outbox->rows);
    }

    public function testAFailedEventWaitsOneMinuteInTheOutboxWithItsError(): void
    {
        $outcome = $this->deliveries(new ScriptedTransport([Outcome::status(500)]))->send(self::event(), self::NOW);

        self::assertFalse($outcome->delivered());
        self::assertEquals(
            [1 => ['event' => self::event(), 'attempts' => 1, 'next' => self::NOW + 60, 'error' => 'HTTP 500']],
            $this->outbox->rows
        );
    }

    public function testARedirectOrClientErrorIsNotADelivery(): void
    {
        self::assertFalse(Outcome::status(301)->delivered());
        self::assertFalse(Outcome::status(401)->delivered());
        self::assertTrue(Outcome::status(204)->delivered());
    }

    public function testATransportErrorIsQueuedLikeAnyFailure(): void
    {
        $this->deliveries(new ScriptedTransport([new \RuntimeException('Connection refused')]))->send(self::event(), self::NOW);

        self::assertSame('Connection refused', $this->outbox->rows[1]['error']);
    }

    public function testARetryResendsTheSameEventIdAndBody(): void
    {
        $transport = new ScriptedTransport([Outcome::failure('timeout'), Outcome::status(200)]);
        $deliveries = $this->deliveries($transport);
        $deliveries->send(self::event(), self::NOW);

        self::assertSame(0, $deliveries->retryDue(self::NOW + 59, 10), 'not due before a minute has passed');
        self::assertSame(1, $deliveries->retryDue(self::NOW + 60, 10));
        self::assertSame([], $this->outbox->rows);
        [$first, $retry] = $transport->posted;
        self::assertSame($first->headers, $retry->headers);
        self::assertSame($first->body, $retry->body);
    }

    public function testAnEventIsGivenUpAfterTenAttemptsAndKeptForInspection(): void
    {
        $transport = new ScriptedTransport(array_fill(0, 10, Outcome::status(503)));
        $deliveries = $this->deliveries($transport);
        $deliveries->send(self::event(), self::NOW);

        $later = self::NOW;
        for ($retry = 1; $retry <= 9; ++$retry) {
            $later += 1000000;
            $deliveries->retryDue($later, 10);
        }
        self::assertCount(10, $transport->posted);
        self::assertSame(10, $this->outbox->rows[1]['attempts']);
        self::assertNull($this->outbox->rows[1]['next']);

        self::assertSame(0, $deliveries->retryDue($later + 100000000, 10));
        self::assertCount(10, $transport->posted, 'a given-up event is not posted again');
    }

    public function testBackoffGrowsBetweenRetries(): void
    {
        $deliveries = $this->deliveries(new ScriptedTransport([Outcome::status(500), Outcome::status(500)]));
        $deliveries->send(self::event(), self::NOW);
        $deliveries->retryDue(self::NOW + 60, 10);

        self::assertSame(2, $this->outbox->rows[1]['attempts']);
        self::assertSame(self::NOW + 60 + 120, $this->outbox->rows[1]['next']);
    }

    public function testASuccessfulSendAlsoDeliversEventsThatAreDue(): void
    {
        $transport = new ScriptedTransport([Outcome::status(500), Outcome::status(200), Outcome::status(200)]);
        $deliveries = $this->deliveries($transport);
        $deliveries->send(self::event('{"n":1}'), self::NOW);

        $deliveries->send(new Event('9b2f4c1e-0000-4000-8000-000000000002', 'order.status', '{"n":2}', 'https://shop.example.com'), self::NOW + 600);

        self::assertSame([], $this->outbox->rows);
        self::assertSame(['{"n":1}', '{"n":2}', '{"n":1}'], array_map(static fn ($request) => $request->body, $transport->posted));
    }

    public function testATestEventIsNeverQueued(): void
    {
        $outcome = $this->deliveries(new ScriptedTransport([Outcome::status(404)]))->attempt(Event::ping('https://shop.example.com/'));

        self::assertSame(404, $outcome->status);
        self::assertSame([], $this->outbox->rows);
    }
}
