<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\WordPress;

use LoyaltyHub\WordPress\Connection;
use LoyaltyHub\WordPress\HookRequest;
use LoyaltyHub\WordPress\ReviewEvent;
use PHPUnit\Framework\TestCase;

final class ReviewEventTest extends TestCase
{
    private static function approved(?int $rating = 5, string $at = '2026-11-20T10:00:00+00:00'): \LoyaltyHub\WordPress\Event
    {
        return ReviewEvent::approved('https://Shop.Example.com/', 55, 10, 3, 'a@b.it', $rating, new \DateTimeImmutable($at));
    }

    public function testAnApprovedReviewIsSentAsTheContractJson(): void
    {
        $event = self::approved();

        self::assertSame('review.approved', $event->topic);
        self::assertSame(
            '{"event":"review.approved","review":{"id":55,"product_id":10,"user_id":"3","email":"a@b.it","rating":5,"approved_at":"2026-11-20T10:00:00+00:00"}}',
            $event->body
        );
        self::assertSame('https://Shop.Example.com', $event->shopUrl);
    }

    public function testTheEventIdIsTheSameEachTimeTheReviewIsApproved(): void
    {
        $first = self::approved(5, '2026-11-20T10:00:00+00:00');
        $again = self::approved(4, '2026-11-21T08:00:00+00:00');

        self::assertSame('wp-review-shop.example.com-55', $first->id);
        self::assertSame($first->id, $again->id);
        self::assertNotSame($first->id, ReviewEvent::eventId('https://other.example.com', 55));
    }

    public function testTheApprovalTimeIsWrittenInUtc(): void
    {
        $body = json_decode(self::approved(5, '2026-11-20T11:30:00+01:00')->body, true, 512, JSON_THROW_ON_ERROR);

        self::assertSame('2026-11-20T10:30:00+00:00', $body['review']['approved_at']);
    }

    public function testAReviewWithoutRatingSendsNull(): void
    {
        $body = json_decode(self::approved(null)->body, true, 512, JSON_THROW_ON_ERROR);

        self::assertArrayHasKey('rating', $body['review']);
        self::assertNull($body['review']['rating']);
    }

    public function testAReviewIsPostedToTheWordPressHookWithTheContractHeaders(): void
    {
        $event = self::approved();
        $request = HookRequest::for(new Connection('https://lh.example.com', 42, 'lh-test-secret'), $event);

        self::assertSame('https://lh.example.com/api/v1/hooks/wordpress/42', $request->url);
        self::assertSame([
            'Content-Type' => 'application/json',
            'X-LoyaltyHub-Topic' => 'review.approved',
            'X-LoyaltyHub-Event-Id' => 'wp-review-shop.example.com-55',
            'X-LoyaltyHub-Signature' => base64_encode(hash_hmac('sha256', $event->body, 'lh-test-secret', true)),
            'X-LoyaltyHub-Shop' => 'https://Shop.Example.com',
        ], $request->headers);
    }
}
