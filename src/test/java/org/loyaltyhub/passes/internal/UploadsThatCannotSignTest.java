package org.loyaltyhub.passes.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A certificate or key that cannot sign passes is refused with its field and reason, and nothing is saved. */
class UploadsThatCannotSignTest extends IntegrationTest {

    @Autowired
    WalletPasses passes;

    @Test
    void aFileThatIsNotPkcs12AWrongPasswordAnExpiredCertificateAndAKeyWithoutPrivateKeyAreRefused() {
        World w = fixtures.world(api);
        Caller admin = AppleWalletPassTest.admin(w);
        byte[] wwdr = TestWalletKeys.wwdr();

        assertRefused(() -> passes.saveApple(admin, "not a certificate".getBytes(StandardCharsets.UTF_8),
                TestWalletKeys.PASSWORD, wwdr), "certificate", Reason.NOT_PKCS12);
        assertRefused(() -> passes.saveApple(admin, TestWalletKeys.passPkcs12(), "wrong", wwdr), "password",
                Reason.WRONG_PASSWORD);
        assertRefused(() -> passes.saveApple(admin, TestWalletKeys.expiredPkcs12(), TestWalletKeys.PASSWORD, wwdr),
                "certificate", Reason.EXPIRED);
        assertRefused(() -> passes.saveApple(admin, TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD,
                "junk".getBytes(StandardCharsets.UTF_8)), "wwdr", Reason.NOT_WWDR);
        assertRefused(() -> passes.saveGoogle(admin, "3388000000012345678", TestWalletKeys.serviceAccountJson(false)),
                "key", Reason.NO_PRIVATE_KEY);
        assertRefused(() -> passes.saveGoogle(admin, "3388000000012345678", "{not json"), "key",
                Reason.NOT_A_KEY_FILE);
        assertRefused(() -> passes.saveGoogle(admin, "my issuer", TestWalletKeys.serviceAccountJson(true)),
                "issuerId", Reason.ISSUER_ID);

        assertRefused(() -> passes.saveApplePushKey(admin, TestWalletKeys.passPkcs12(), "KEY1234567", "TEAM123456"),
                "pushKey", Reason.NOT_P8);
        assertRefused(() -> passes.saveApplePushKey(admin, ApnsKeyTest.pem(ApnsKeyTest.p256()), "KEY1234567", null),
                "teamId", Reason.TEAM_ID); // no certificate to take the team from

        PassSetup setup = passes.setup(admin);
        assertThat(setup.pushesByToken()).as("nothing saved").isFalse();
        assertThat(setup.apple()).as("nothing saved").isFalse();
        assertThat(setup.google()).as("nothing saved").isFalse();
    }

    @Test
    void theSetupNeverShowsTheSecretsItKeeps() {
        World w = fixtures.world(api);
        Caller admin = AppleWalletPassTest.admin(w);
        passes.saveApple(admin, TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        passes.saveGoogle(admin, "3388000000012345678", TestWalletKeys.serviceAccountJson(true));
        PassSetup setup = passes.setup(admin);
        assertThat(setup.passTypeId()).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(setup.googleClientEmail()).isEqualTo("wallet@test.iam.gserviceaccount.com");
        assertThat(setup.toString()).doesNotContain(TestWalletKeys.PASSWORD).doesNotContain("PRIVATE KEY");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable upload, String field,
                                      Reason reason) {
        PassCredentialRefused refused = catchThrowableOfType(PassCredentialRefused.class, upload);
        assertThat(refused).as(field + " " + reason).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.reason()).isEqualTo(reason);
    }
}
