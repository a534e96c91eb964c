<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\Shared;

use PHPUnit\Framework\TestCase;

/**
 * Each plugin ships on its own, so the signing classes exist twice. This keeps the copies from
 * drifting apart: apart from namespace, guard and messages they must be the same file.
 */
final class SharedCopiesTest extends TestCase
{
    public function copies(): array
    {
        return [
            'signature' => ['Signature.php', 'class-signature.php'],
            'missing secret' => ['MissingSecret.php', 'class-missing-secret.php'],
            'customer token' => ['CustomerToken.php', 'class-customer-token.php'],
            'customer tokens' => ['CustomerTokens.php', 'class-customer-tokens.php'],
            'json' => ['Json.php', 'class-json.php'],
        ];
    }

    /** @dataProvider copies */
    public function testTheWordPressCopyMatchesThePrestaShopOriginal(string $original, string $copy): void
    {
        $root = __DIR__ . '/../..';
        $normalise = static fn (string $source): string => preg_replace(
            ['/namespace LoyaltyHub\\\\\w+;/', "/defined\\('\\w+'\\)/", "/'LoyaltyHub secret is not configured[^']*'/", '/"platform":"\w+"/'],
            ['namespace X;', "defined('X')", "'message'", '"platform":"x"'],
            $source
        );

        self::assertSame(
            $normalise((string) file_get_contents($root . '/prestashop/loyaltyhub/classes/' . $original)),
            $normalise((string) file_get_contents($root . '/wordpress/loyaltyhub/includes/' . $copy))
        );
    }
}
