package org.loyaltyhub.purchases.internal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.purchases.ReceiptClaimStatus;
import org.loyaltyhub.purchases.Receipts;
import org.loyaltyhub.purchases.internal.receipts.ReceiptCode;
import org.loyaltyhub.shared.SecretBox;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stores' receipt-signing keys are sealed at rest; keys stored in the clear before are sealed and keep working. */
class StoreKeysSealedAtRestTest extends IntegrationTest {

    @Autowired
    StoreKeys keys;
    @Autowired
    StoreKeySealing sealing;
    @Autowired
    Receipts receipts;
    @Autowired
    JdbcClient jdbc;

    private World world;
    private long[] shop;

    @BeforeEach
    void aShopThatTakesReceipts() {
        world = fixtures.world(api);
        shop = world.company("Sealed");
        world.asAdmin().put("/api/v1/receipts/settings", Map.of("enabled", true, "maxAgeDays", 7, "dailyLimit", "500"));
    }

    private byte[][] row(long storeId) {
        return jdbc.sql("select secret, sealed from store_key where circuit_id = :c and store_id = :s")
                .param("c", world.circuitId).param("s", storeId)
                .query((rs, n) -> new byte[][]{rs.getBytes(1), rs.getBytes(2)}).single();
    }

    @Test
    void aNewStoreKeyIsStoredSealedAndItsCodesVerify() {
        Api till = api.withKey(world.apiKey(shop[0], shop[1]));
        Api.Response code = till.post("/api/v1/stores/" + shop[1] + "/receipt-codes", Map.of("receiptNumber", 7,
                "currency", "EUR", "amount", "10.00", "issuedAt", clock.instant().minusSeconds(600).toString()));
        assertThat(code.status()).as(code.toString()).isEqualTo(200);

        byte[][] stored = row(shop[1]);
        byte[] key = keys.existing(world.circuitId, shop[1]).orElseThrow();
        assertThat(stored[0]).as("nothing in the clear").isNull();
        assertThat(stored[1]).hasSize(12 + 32 + 16);
        assertThat(indexOf(stored[1], key)).as("the key's bytes are not in the sealed value").isEqualTo(-1);
        long member = world.enrol(world.asAdmin(), "sealed").path("id").asLong();
        assertThat(receipts.claim(world.circuitId, member, code.json().path("code").asString()).status())
                .isEqualTo(ReceiptClaimStatus.RECORDED);
    }

    @Test
    void aKeyStoredInTheClearBeforeIsSealedWithTheSameBytesSoItsPrintedCodesStillVerify() {
        byte[] legacy = SecretBox.randomBytes(32);
        jdbc.sql("insert into store_key (circuit_id, store_id, secret) values (:c, :s, :k)")
                .param("c", world.circuitId).param("s", shop[1]).param("k", legacy).update();
        String printed = new ReceiptCode(shop[1], 2500, clock.instant().minusSeconds(3600).truncatedTo(ChronoUnit.MINUTES),
                42).signed(legacy);
        assertThat(keys.existing(world.circuitId, shop[1])).as("read in the clear until sealed").hasValue(legacy);

        assertThat(sealing.sealAll()).isPositive();
        assertThat(sealing.sealAll()).as("nothing left to do").isZero();

        byte[][] stored = row(shop[1]);
        assertThat(stored[0]).isNull();
        assertThat(stored[1]).isNotNull();
        assertThat(keys.existing(world.circuitId, shop[1])).hasValueSatisfying(k -> assertThat(k).isEqualTo(legacy));
        assertThat(keys.key(world.circuitId, shop[1])).as("no new key made").isEqualTo(legacy);
        long member = world.enrol(world.asAdmin(), "legacy").path("id").asLong();
        assertThat(receipts.claim(world.circuitId, member, printed).status()).isEqualTo(ReceiptClaimStatus.RECORDED);
    }

    @Test
    void aSealedKeyMovedToAnotherStoresRowDoesNotOpen() {
        long[] other = world.company("Other");
        keys.key(world.circuitId, shop[1]);
        byte[] sealed = row(shop[1])[1];
        jdbc.sql("insert into store_key (circuit_id, store_id, sealed) values (:c, :s, :k)")
                .param("c", world.circuitId).param("s", other[1]).param("k", sealed).update();
        assertThatThrownBy(() -> keys.existing(world.circuitId, other[1])).isInstanceOf(IllegalStateException.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
