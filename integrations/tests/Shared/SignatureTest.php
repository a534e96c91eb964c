<?php
declare(strict_types=1);

namespace LoyaltyHub\Tests\Shared;

use LoyaltyHub\PrestaShop;
use LoyaltyHub\WordPress;
use PHPUnit\Framework\TestCase;

/** Both plugins carry their own copy of the signer; both must honour the one wire contract. */
final class SignatureTest extends TestCase
{
    public function signers(): array
    {
        return [
            'prestashop' => [static fn (string $secret) => new PrestaShop\Signature($secret), PrestaShop\MissingSecret::class],
            'wordpress' => [static fn (string $secret) => new WordPress\Signature($secret), WordPress\MissingSecret::class],
        ];
    }

    /** @dataProvider signers */
    public function testShopifysPublishedVectorIsReproduced(\Closure $signer): void
    {
        self::assertSame('yCGX/RrK4fcuNtr3ztk5tQGsOBjcAzHpGLdMUrbV8yI=', $signer('secret')->of('foo=anything'));
    }

    /** @dataProvider signers */
    public function testASignatureIsStandardBase64WithPaddingOverTheRawBody(\Closure $signer): void
    {
        self::assertSame('7DFGQyz57KVRMvNFkwIJ2b/Eq7To/sCUbaxtgIw+cDA=', $signer('lh-test-secret')->of('{"ping":true}'));
    }

    /** @dataProvider signers */
    public function testAnEmptySecretIsRefusedRatherThanSigningWithAnEmptyKey(\Closure $signer, string $failure): void
    {
        // HMAC itself would happily sign with an empty key (WooCommerce's own vector does).
        self::assertSame('GBDo00G55h6IiV+6CxqivQPLbI//KzaOZm747971tPs=', base64_encode(hash_hmac('sha256', 'secret', '', true)));

        $this->expectException($failure);
        $this->expectExceptionMessage('LoyaltyHub secret is not configured: refusing to sign or send.');
        $signer('');
    }

    /** @dataProvider signers */
    public function testOnlyTheUntouchedBodyMatchesItsSignature(\Closure $signer): void
    {
        $signature = $signer('lh-test-secret');
        $body = '{"event":"order.status","order":{"id":123}}';

        self::assertTrue($signature->matches($body, $signature->of($body)));
        self::assertFalse($signature->matches('{"event":"order.status","order":{"id":124}}', $signature->of($body)));
        self::assertFalse($signature->matches($body, $signer('another-secret')->of($body)));
    }
}
