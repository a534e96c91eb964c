<?php
declare(strict_types=1);

namespace LoyaltyHub\PrestaShop;

if (!defined('_PS_VERSION_')) {
    exit;
}

/**
 * A money amount held as an integer count of millionths (PrestaShop stores decimal(20,6)), so
 * nothing ever passes through a float. Written on the wire as a string with at least two
 * decimals: "59.900000" becomes "59.90", "1.234500" stays "1.2345".
 */
final class Amount
{
    private const SCALE = 6;
    private const UNIT = 1000000;

    private function __construct(private readonly int $micros)
    {
    }

    public static function zero(): self
    {
        return new self(0);
    }

    /** Accepts what the database returns ("59.900000", "12", "-3.5") or an int; floats are refused by type. */
    public static function of(string|int $value): self
    {
        if (is_int($value)) {
            return new self($value * self::UNIT);
        }
        $value = trim($value);
        if (!preg_match('/^(-?)(\d+)(?:\.(\d{1,' . self::SCALE . '}))?$/', $value, $parts)) {
            throw new \InvalidArgumentException(sprintf('Not a decimal amount: "%s"', $value));
        }
        $whole = (int) $parts[2];
        $fraction = (int) str_pad($parts[3] ?? '', self::SCALE, '0');
        $micros = $whole * self::UNIT + $fraction;

        return new self($parts[1] === '-' ? -$micros : $micros);
    }

    public function plus(self $other): self
    {
        return new self($this->micros + $other->micros);
    }

    public function toString(): string
    {
        $sign = $this->micros < 0 ? '-' : '';
        $absolute = abs($this->micros);
        $fraction = str_pad((string) ($absolute % self::UNIT), self::SCALE, '0', STR_PAD_LEFT);
        $fraction = rtrim($fraction, '0');

        return $sign . intdiv($absolute, self::UNIT) . '.' . str_pad($fraction, 2, '0');
    }
}
