<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Reports WooCommerce product reviews when they become approved: posted already approved, or
 * approved later by a moderator. Registered only when WooCommerce is active and the option is on.
 */
final class Reviews
{
    public function __construct(private readonly Webhook $webhook)
    {
    }

    public function register(): void
    {
        // After WooCommerce (priority 1) has stored the review's rating meta.
        add_action('comment_post', [$this, 'onPosted'], 20, 2);
        add_action('transition_comment_status', [$this, 'onStatusChanged'], 20, 3);
    }

    public function onPosted(mixed $commentId, mixed $approved): void
    {
        if ((string) $approved === '1') {
            $this->report(get_comment((int) $commentId));
        }
    }

    public function onStatusChanged(mixed $newStatus, mixed $oldStatus, mixed $comment): void
    {
        if ($newStatus === 'approved' && $oldStatus !== 'approved') {
            $this->report($comment);
        }
    }

    private function report(mixed $comment): void
    {
        if (!$comment instanceof \WP_Comment || $comment->comment_type !== 'review'
            || get_post_type((int) $comment->comment_post_ID) !== 'product') {
            return;
        }
        $userId = (int) $comment->user_id;
        $user = $userId > 0 ? get_userdata($userId) : false;
        $rating = (int) get_comment_meta((int) $comment->comment_ID, 'rating', true);
        $this->webhook->send(ReviewEvent::approved(
            Site::url(),
            (int) $comment->comment_ID,
            (int) $comment->comment_post_ID,
            $userId,
            $user instanceof \WP_User ? (string) $user->user_email : (string) $comment->comment_author_email,
            $rating > 0 ? $rating : null,
            new \DateTimeImmutable('now', new \DateTimeZone('UTC'))
        ));
    }
}
