<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Topic review.approved. The event id is derived from the site and the comment
 * (wp-review-<site host>-<comment id>), so approving the same review again, or unapproving and
 * re-approving it, reports one event that LoyaltyHub counts once.
 */
final class ReviewEvent
{
    public const TOPIC = 'review.approved';

    public static function eventId(string $siteUrl, int $commentId): string
    {
        return sprintf('wp-review-%s-%d', strtolower((string) parse_url($siteUrl, PHP_URL_HOST)), $commentId);
    }

    public static function approved(
        string $siteUrl,
        int $commentId,
        int $productId,
        int $userId,
        string $email,
        ?int $rating,
        \DateTimeImmutable $approvedAt
    ): Event {
        $body = Json::encode([
            'event' => self::TOPIC,
            'review' => [
                'id' => $commentId,
                'product_id' => $productId,
                'user_id' => (string) $userId,
                'email' => $email,
                'rating' => $rating,
                'approved_at' => $approvedAt->setTimezone(new \DateTimeZone('UTC'))->format(\DateTimeInterface::ATOM),
            ],
        ]);

        return new Event(self::eventId($siteUrl, $commentId), self::TOPIC, $body, rtrim($siteUrl, '/'));
    }
}
