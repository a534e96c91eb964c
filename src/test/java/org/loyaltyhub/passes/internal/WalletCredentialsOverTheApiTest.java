package org.loyaltyhub.passes.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circuit administrator uploads the wallets' certificates and keys over the API (multipart), as on the settings
 * page: a file that cannot sign is refused with a problem naming the field and why, and nothing changes; the answers
 * never carry a secret.
 */
class WalletCredentialsOverTheApiTest extends IntegrationTest {

    @Test
    void theAdministratorUploadsTheAppleCertificateAnApnsKeyAndTheGoogleAccountAndBadFilesChangeNothing() {
        World w = fixtures.world(api);
        Api admin = w.asAdmin();
        assertThat(admin.get("/api/v1/wallet-settings").json().path("passTypeId").isNull()).isTrue();

        Api.Response junk = admin.multipart("PUT", "/api/v1/wallet-settings/apple", Map.of("certificate",
                "not a certificate".getBytes(StandardCharsets.UTF_8), "password", TestWalletKeys.PASSWORD,
                "wwdr", TestWalletKeys.wwdr()));
        assertProblem(junk, "certificate", "PKCS#12");
        assertThat(admin.get("/api/v1/wallet-settings").json().path("passTypeId").isNull()).as("nothing saved").isTrue();

        Api.Response apple = admin.multipart("PUT", "/api/v1/wallet-settings/apple", Map.of("certificate",
                TestWalletKeys.passPkcs12(), "password", TestWalletKeys.PASSWORD, "wwdr", TestWalletKeys.wwdr()));
        assertThat(apple.status()).as(apple.toString()).isEqualTo(200);
        assertThat(apple.json().path("passTypeId").asString()).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(apple.json().path("teamId").asString()).isEqualTo(TestWalletKeys.TEAM);
        assertThat(apple.body()).doesNotContain(TestWalletKeys.PASSWORD);

        assertProblem(admin.multipart("PUT", "/api/v1/wallet-settings/apple", Map.of("certificate",
                TestWalletKeys.passPkcs12(), "password", "wrong", "wwdr", TestWalletKeys.wwdr())), "password", "password");
        assertProblem(admin.multipart("PUT", "/api/v1/wallet-settings/apple/push-key", Map.of("key",
                TestWalletKeys.passPkcs12(), "keyId", "KEY1234567")), "pushKey", "P-256");
        assertProblem(admin.multipart("PUT", "/api/v1/wallet-settings/apple/push-key", Map.of("key",
                ApnsKeyTest.pem(ApnsKeyTest.p256()), "keyId", "short")), "keyId", "Key ID");
        assertProblem(admin.multipart("PUT", "/api/v1/wallet-settings/google", Map.of("issuerId",
                WalletPassUpdatesTest.ISSUER, "key", "{not json".getBytes(StandardCharsets.UTF_8))), "key", "JSON");
        JsonNode unchanged = admin.get("/api/v1/wallet-settings").json();
        assertThat(unchanged.path("pushKeyId").isNull()).isTrue();
        assertThat(unchanged.path("googleIssuerId").isNull()).isTrue();
        assertThat(unchanged.path("certificateExpiresAt").asString())
                .isEqualTo(apple.json().path("certificateExpiresAt").asString());

        Api.Response pushKey = admin.multipart("PUT", "/api/v1/wallet-settings/apple/push-key", Map.of("key",
                ApnsKeyTest.pem(ApnsKeyTest.p256()), "keyId", "KEY1234567"));
        assertThat(pushKey.status()).as(pushKey.toString()).isEqualTo(200);
        assertThat(pushKey.json().path("pushKeyId").asString()).isEqualTo("KEY1234567");
        assertThat(pushKey.body()).doesNotContain("PRIVATE KEY");
        Api.Response google = admin.multipart("PUT", "/api/v1/wallet-settings/google", Map.of("issuerId",
                WalletPassUpdatesTest.ISSUER, "key", TestWalletKeys.serviceAccountJson(true).getBytes(StandardCharsets.UTF_8)));
        assertThat(google.status()).as(google.toString()).isEqualTo(200);
        assertThat(google.json().path("googleClientEmail").asString()).isEqualTo("wallet@test.iam.gserviceaccount.com");
        assertThat(google.body()).doesNotContain("PRIVATE KEY");
        Api.Response colours = admin.put("/api/v1/wallet-settings/colours",
                Map.of("background", "#102030", "foreground", "#FFFFFF"));
        assertThat(colours.json().path("background").asString()).isEqualTo("#102030");
        assertThat(colours.json().path("foreground").asString()).isEqualTo("#ffffff");
        assertProblem(admin.put("/api/v1/wallet-settings/colours", Map.of("background", "red", "foreground", "#000000")),
                "colour", "#rrggbb");

        assertThat(admin.delete("/api/v1/wallet-settings/apple/push-key").status()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/wallet-settings/google").status()).isEqualTo(204);
        JsonNode after = admin.get("/api/v1/wallet-settings").json();
        assertThat(after.path("pushKeyId").isNull()).isTrue();
        assertThat(after.path("googleIssuerId").isNull()).isTrue();
        assertThat(after.path("passTypeId").asString()).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(admin.delete("/api/v1/wallet-settings/apple").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/wallet-settings").json().path("passTypeId").isNull()).isTrue();
    }

    @Test
    void theUploadsAreDocumentedAsMultipartFormsInTheOpenApiDocument() {
        JsonNode paths = api.get("/v3/api-docs").json().path("paths");
        for (var upload : Map.of("/api/v1/wallet-settings/apple", new String[] {"certificate", "password", "wwdr"},
                "/api/v1/wallet-settings/apple/push-key", new String[] {"key", "keyId", "teamId"},
                "/api/v1/wallet-settings/google", new String[] {"issuerId", "key"}).entrySet()) {
            JsonNode form = paths.path(upload.getKey()).path("put").path("requestBody").path("content")
                    .path("multipart/form-data").path("schema");
            JsonNode properties = form.has("$ref") ? api.get("/v3/api-docs").json().path("components").path("schemas")
                    .path(form.path("$ref").asString().substring("#/components/schemas/".length())).path("properties")
                    : form.path("properties");
            for (String part : upload.getValue()) {
                assertThat(properties.has(part)).as(upload.getKey() + " documents " + part + ": " + form).isTrue();
            }
        }
        assertThat(paths.path("/api/v1/wallet-settings").path("get").path("summary").asString())
                .contains("circuit administrator");
    }

    private static void assertProblem(Api.Response r, String field, String explanation) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode error = r.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo(field);
        assertThat(error.path("message").asString()).contains(explanation);
    }
}
