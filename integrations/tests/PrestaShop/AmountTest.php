<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\PrestaShop;

use LoyaltyHub\PrestaShop\Amount;
use PHPUnit\Framework\TestCase;

final class AmountTest extends TestCase
{
    public function written(): array
    {
        return [
            'database decimal' => ['59.900000', '59.90'],
            'whole number' => ['12', '12.00'],
            'integer' => [12, '12.00'],
            'zero' => ['0.000000', '0.00'],
            'more than two significant decimals are kept' => ['1.234500', '1.2345'],
            'negative' => ['-3.5', '-3.50'],
            'negative below one' => ['-0.050000', '-0.05'],
            'negative zero' => ['-0.000000', '0.00'],
            'large' => ['123456789.990000', '123456789.99'],
        ];
    }

    /** @dataProvider written */
    public function testAmountsAreWrittenAsStringsWithAtLeastTwoDecimals(string|int $stored, string $wire): void
    {
        self::assertSame($wire, Amount::of($stored)->toString());
    }

    public function testAddingIsExactWhereFloatsWouldDrift(): void
    {
        self::assertNotSame(0.3, 0.1 + 0.2);
        self::assertSame('0.30', Amount::of('0.1')->plus(Amount::of('0.2'))->toString());

        $total = Amount::zero();
        for ($i = 0; $i < 10; ++$i) {
            $total = $total->plus(Amount::of('0.100000'));
        }
        self::assertSame('1.00', $total->toString());
    }

    public function testAFloatIsRefusedByType(): void
    {
        $this->expectException(\TypeError::class);
        Amount::of(0.1);
    }

    public function notAmounts(): array
    {
        return [['1e3'], ['12,50'], ['1.2345678'], [''], ['.5'], ['abc'], ['1.']];
    }

    /** @dataProvider notAmounts */
    public function testAnythingButAPlainDecimalIsRefused(string $value): void
    {
        $this->expectException(\InvalidArgumentException::class);
        Amount::of($value);
    }
}
