package org.loyaltyhub.integrations.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.LoyaltyException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTokensTest {

    static final String VECTOR = "eyJ2IjoxLCJwbGF0Zm9ybSI6IndvcmRwcmVzcyIsImNvbm5lY3Rpb24iOjQyLCJzaG9wIjoiaHR0cHM6Ly9zaG9wLmV4YW1wbGUuY29tIiwidXNlcl9pZCI6IjMiLCJlbWFpbCI6ImFubmEucm9zc2lAZXhhbXBsZS5jb20iLCJleHAiOjE3OTUwMDAwMDB9.1Wr54JudUo31yH-X6zRH5Yxng7Umo0-Nzzg0dcFNa7g";
    static final Instant TEN_MINUTES_BEFORE = Instant.ofEpochSecond(1_795_000_000L - 600);

    private static Connection connection(long id, Platform platform, String secret) {
        return new Connection(id, 1, 1, 1, platform, "shop", "https://shop.example.com", "shop.example.com", null, null,
                secret, null, null, false, true, Instant.EPOCH, null);
    }

    private static final LongFunction<Optional<Connection>> SHOP_42 = id -> id == 42
            ? Optional.of(connection(42, Platform.WORDPRESS, "lh-test-secret")) : Optional.empty();

    private static String token(String payload, String secret) {
        String first = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return first + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Signatures.hmac(secret, first.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String reason(String token, LongFunction<Optional<Connection>> connections, Instant now) {
        try {
            CustomerTokens.verify(token, connections, now);
            return "accepted";
        } catch (LoyaltyException e) {
            assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UNAUTHENTICATED);
            return e.getMessage();
        }
    }

    @Test
    void theDocumentedTestVectorVerifiesAndNamesTheCustomer() {
        CustomerTokens.Claims claims = CustomerTokens.verify(VECTOR, SHOP_42, TEN_MINUTES_BEFORE);
        assertThat(claims.connection().id()).isEqualTo(42);
        assertThat(claims.userId()).isEqualTo("3");
        assertThat(claims.email()).isEqualTo("anna.rossi@example.com");
        assertThat(claims.expires()).isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
    }

    @Test
    void theVectorIsTheMacOfItsFirstSegment() {
        String payload = "{\"v\":1,\"platform\":\"wordpress\",\"connection\":42,\"shop\":\"https://shop.example.com\","
                + "\"user_id\":\"3\",\"email\":\"anna.rossi@example.com\",\"exp\":1795000000}";
        assertThat(token(payload, "lh-test-secret")).isEqualTo(VECTOR);
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(reason(VECTOR, SHOP_42, Instant.ofEpochSecond(1_795_000_000L))).contains("expired");
    }

    @Test
    void aTokenExpiringMoreThanFifteenMinutesAheadIsRefused() {
        assertThat(reason(VECTOR, SHOP_42, Instant.ofEpochSecond(1_795_000_000L - 16 * 60))).contains("too long");
    }

    @Test
    void aTokenOfAnotherConnectionIsRefused() {
        assertThat(reason(VECTOR, id -> Optional.empty(), TEN_MINUTES_BEFORE)).contains("no active connection");
        assertThat(reason(VECTOR, id -> Optional.of(connection(42, Platform.WORDPRESS, "another-secret")),
                TEN_MINUTES_BEFORE)).contains("signature");
    }

    @Test
    void aTamperedPayloadOrSignatureIsRefused() {
        String[] parts = VECTOR.split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8).replace("\"3\"", "\"4\"")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(reason(otherUser + "." + parts[1], SHOP_42, TEN_MINUTES_BEFORE)).contains("signature");
        assertThat(reason(parts[0] + ".AAAA", SHOP_42, TEN_MINUTES_BEFORE)).contains("signature");
        assertThat(reason(parts[0], SHOP_42, TEN_MINUTES_BEFORE)).contains("malformed");
        assertThat(reason("not base64!.x", SHOP_42, TEN_MINUTES_BEFORE)).contains("malformed");
    }

    @Test
    void aTokenSignedForAnotherPlatformIsRefused() {
        String presta = token("{\"v\":1,\"platform\":\"prestashop\",\"connection\":42,\"shop\":\"https://shop.example.com\","
                + "\"user_id\":\"3\",\"email\":\"a@b.it\",\"exp\":1795000000}", "lh-test-secret");
        assertThat(reason(presta, SHOP_42, TEN_MINUTES_BEFORE)).contains("another platform");
    }
}
