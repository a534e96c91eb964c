<?php
declare(strict_types=1);

namespace LoyaltyHub\WordPress;

if (!defined('ABSPATH')) {
    exit;
}

/**
 * Posts an event to LoyaltyHub once. There is no queue on WordPress: a failure is written to the
 * PHP error log, and the deterministic event id makes a later manual re-approval safe.
 */
final class Webhook
{
    public const TIMEOUT_SECONDS = 3;

    public function send(Event $event): bool
    {
        try {
            $request = HookRequest::for(Settings::connection(), $event);
        } catch (\Throwable $e) {
            return $this->fail($event, $e->getMessage());
        }
        $response = wp_remote_post($request->url, [
            'timeout' => self::TIMEOUT_SECONDS,
            'blocking' => true,
            'redirection' => 0,
            'headers' => $request->headers,
            'body' => $request->body,
            'data_format' => 'body',
        ]);
        if (is_wp_error($response)) {
            return $this->fail($event, $response->get_error_message());
        }
        $status = (int) wp_remote_retrieve_response_code($response);

        return $status >= 200 && $status < 300 ? true : $this->fail($event, 'HTTP ' . $status);
    }

    private function fail(Event $event, string $reason): bool
    {
        error_log(sprintf('LoyaltyHub: %s %s was not delivered: %s', $event->topic, $event->id, $reason));

        return false;
    }
}
