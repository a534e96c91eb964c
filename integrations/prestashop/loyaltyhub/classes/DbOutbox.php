<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/** The outbox as table PREFIX_loyaltyhub_outbox; next_attempt_at is unix seconds, NULL once given up. */
final class DbOutbox implements Outbox
{
    public const TABLE = 'loyaltyhub_outbox';

    public static function createTable(): bool
    {
        return \Db::getInstance()->execute('CREATE TABLE IF NOT EXISTS `' . self::table() . '` (
            `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
            `event_id` VARCHAR(64) NOT NULL,
            `topic` VARCHAR(64) NOT NULL,
            `body` MEDIUMTEXT NOT NULL,
            `shop_url` VARCHAR(255) NOT NULL,
            `attempts` INT UNSIGNED NOT NULL DEFAULT 0,
            `next_attempt_at` INT UNSIGNED NULL,
            `last_error` VARCHAR(255) NOT NULL DEFAULT \'\',
            PRIMARY KEY (`id`),
            UNIQUE KEY `event_id` (`event_id`),
            KEY `next_attempt_at` (`next_attempt_at`)
        ) ENGINE=' . _MYSQL_ENGINE_ . ' DEFAULT CHARSET=utf8mb4');
    }

    public static function dropTable(): bool
    {
        return \Db::getInstance()->execute('DROP TABLE IF EXISTS `' . self::table() . '`');
    }

    public function add(Event $event, int $attempts, int $nextAttemptAt, string $lastError): void
    {
        \Db::getInstance()->execute(sprintf(
            'INSERT IGNORE INTO `%s` (event_id, topic, body, shop_url, attempts, next_attempt_at, last_error)'
            . ' VALUES (\'%s\', \'%s\', \'%s\', \'%s\', %d, %d, \'%s\')',
            self::table(),
            pSQL($event->id),
            pSQL($event->topic),
            pSQL($event->body, true),
            pSQL($event->shopUrl),
            $attempts,
            $nextAttemptAt,
            pSQL(self::clip($lastError))
        ));
    }

    public function due(int $now, int $limit): array
    {
        $rows = \Db::getInstance()->executeS(sprintf(
            'SELECT id, event_id, topic, body, shop_url, attempts FROM `%s`'
            . ' WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= %d ORDER BY id LIMIT %d',
            self::table(),
            $now,
            $limit
        ), true, false);

        return array_map(static fn (array $row): QueuedEvent => new QueuedEvent(
            (int) $row['id'],
            new Event((string) $row['event_id'], (string) $row['topic'], (string) $row['body'], (string) $row['shop_url']),
            (int) $row['attempts']
        ), is_array($rows) ? $rows : []);
    }

    public function reschedule(int $id, int $attempts, ?int $nextAttemptAt, string $lastError): void
    {
        \Db::getInstance()->execute(sprintf(
            'UPDATE `%s` SET attempts = %d, next_attempt_at = %s, last_error = \'%s\' WHERE id = %d',
            self::table(),
            $attempts,
            $nextAttemptAt === null ? 'NULL' : (string) $nextAttemptAt,
            pSQL(self::clip($lastError)),
            $id
        ));
    }

    public function remove(int $id): void
    {
        \Db::getInstance()->execute(sprintf('DELETE FROM `%s` WHERE id = %d', self::table(), $id));
    }

    /** @return array{pending: int, given_up: int} */
    public function counts(): array
    {
        $row = \Db::getInstance()->getRow(
            'SELECT SUM(next_attempt_at IS NOT NULL) AS pending, SUM(next_attempt_at IS NULL) AS given_up FROM `'
            . self::table() . '`',
            false
        );

        $row = is_array($row) ? $row : [];

        return ['pending' => (int) ($row['pending'] ?? 0), 'given_up' => (int) ($row['given_up'] ?? 0)];
    }

    private static function table(): string
    {
        return _DB_PREFIX_ . self::TABLE;
    }

    private static function clip(string $error): string
    {
        return mb_substr($error, 0, 255);
    }
}
