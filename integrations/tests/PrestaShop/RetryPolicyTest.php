<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\RetryPolicy;
use PHPUnit\Framework\TestCase;

final class RetryPolicyTest extends TestCase
{
    public function testRetriesWaitOneMinuteThenTwiceAsLongEachTime(): void
    {
        $policy = new RetryPolicy();
        $delays = array_map(static fn (int $attempts): int => $policy->nextAttemptAt($attempts, 1000) - 1000, range(1, 9));

        self::assertSame([60, 120, 240, 480, 960, 1920, 3840, 7680, 15360], $delays);
    }

    public function testAnEventIsGivenUpAfterItsTenthAttempt(): void
    {
        $policy = new RetryPolicy();

        self::assertNotNull($policy->nextAttemptAt(9, 1000));
        self::assertNull($policy->nextAttemptAt(10, 1000));
        self::assertNull($policy->nextAttemptAt(11, 1000));
    }

    public function testThereIsNoRetryWithoutAFirstAttempt(): void
    {
        $this->expectException(\InvalidArgumentException::class);
        (new RetryPolicy())->nextAttemptAt(0, 1000);
    }
}
