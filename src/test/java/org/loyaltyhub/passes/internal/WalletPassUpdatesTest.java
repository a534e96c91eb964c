package org.loyaltyhub.passes.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.passes.PhonePasses;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestWallets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balance changes reach the phones: APNs is told for every device that keeps the Apple pass, Google's object is
 * patched, through the push outbox (a failed push stays queued and is sent again). The shared stub is WireMock over
 * HTTP/1.1 (the JDK client asks for HTTP/2 and falls back), so these check the requests and outcomes;
 * {@link ApnsOverHttp2Test} checks the client over HTTP/2 and TLS.
 */
class WalletPassUpdatesTest extends IntegrationTest {

    static final String ISSUER = "3388000000012345678";

    @Autowired
    WalletPasses passes;

    @Autowired
    PhonePasses phonePasses;

    @Autowired
    PassPushes pushes;

    @Autowired
    JdbcClient jdbc;

    final WireMockServer stub = TestWallets.server();

    @Test
    void aBalanceChangePushesToTheDevicesThatKeepTheApplePassAndAFailedPushIsSentAgainLater() {
        AppleWalletPassTest.Member member = memberWithPoints();
        passes.saveApple(AppleWalletPassTest.admin(member.world()), TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD,
                TestWalletKeys.wwdr());
        String pushToken = registerDevice(member);
        stub.stubFor(post(urlEqualTo("/3/device/" + pushToken)).willReturn(aResponse().withStatus(503)));

        member.world().purchase(api.withKey(member.till()), "P-push", member.id(), "10.00", "PAID");
        pushes.sendDue();
        stub.verify(1, postRequestedFor(urlEqualTo("/3/device/" + pushToken))
                .withHeader("apns-topic", equalTo(TestWalletKeys.PASS_TYPE)).withRequestBody(equalTo("{}")));
        assertThat(queued(member)).as("APNs failed: the push stays queued").isEqualTo(1);

        stub.stubFor(post(urlEqualTo("/3/device/" + pushToken)).willReturn(aResponse().withStatus(200)));
        pushes.sendDue();
        stub.verify(1, postRequestedFor(urlEqualTo("/3/device/" + pushToken)));
        clock.advance(Duration.ofMinutes(3));
        pushes.sendDue();
        stub.verify(2, postRequestedFor(urlEqualTo("/3/device/" + pushToken)));
        assertThat(queued(member)).as("sent: nothing left").isZero();

        stub.stubFor(post(urlEqualTo("/3/device/" + pushToken)).willReturn(aResponse().withStatus(410)));
        member.world().purchase(api.withKey(member.till()), "P-gone", member.id(), "10.00", "PAID");
        pushes.sendDue();
        assertThat(jdbc.sql("select count(*) from pass_device_registration where push_token = :t")
                .param("t", pushToken).query(Long.class).single()).as("APNs said the device is gone").isZero();
    }

    @Test
    void withAnApnsKeyPushesCarryAProviderTokenThatIsReusedForFortyMinutesThenReplaced() {
        AppleWalletPassTest.Member member = memberWithPoints();
        var admin = AppleWalletPassTest.admin(member.world());
        passes.saveApple(admin, TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        byte[] p8 = ApnsKeyTest.pem(ApnsKeyTest.p256());
        passes.saveApplePushKey(admin, p8, "KEY1234567", null);
        assertThat(passes.setup(admin).pushKeyId()).isEqualTo("KEY1234567");
        String pushToken = registerDevice(member);
        stub.stubFor(post(urlEqualTo("/3/device/" + pushToken)).willReturn(aResponse().withStatus(200)));

        member.world().purchase(api.withKey(member.till()), "P-token-1", member.id(), "10.00", "PAID");
        pushes.sendDue();
        String first = lastAuthorization(pushToken);
        assertThat(first).startsWith("bearer ey");
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(first.split("\\.")[1]));
        assertThat(claims.path("iss").asString()).as("the certificate's team").isEqualTo(TestWalletKeys.TEAM);

        passes.saveApplePushKey(admin, p8, "KEY1234567", null); // a retried upload
        clock.advance(Duration.ofMinutes(25));
        member.world().purchase(api.withKey(member.till()), "P-token-2", member.id(), "10.00", "PAID");
        pushes.sendDue();
        assertThat(lastAuthorization(pushToken)).as("not replaced within 20 minutes, nor by the same key again")
                .isEqualTo(first);

        clock.advance(Duration.ofMinutes(16));
        member.world().purchase(api.withKey(member.till()), "P-token-3", member.id(), "10.00", "PAID");
        pushes.sendDue();
        assertThat(lastAuthorization(pushToken)).as("replaced after 40 minutes").startsWith("bearer ey")
                .isNotEqualTo(first);

        passes.removeApplePushKey(admin);
        member.world().purchase(api.withKey(member.till()), "P-token-4", member.id(), "10.00", "PAID");
        pushes.sendDue();
        assertThat(lastAuthorization(pushToken)).as("the certificate again").isNull();
        assertThat(queued(member)).isZero();
    }

    private String registerDevice(AppleWalletPassTest.Member member) {
        URI link = URI.create(phonePasses.links(member.world().circuitId, member.id()).apple());
        String serial = link.getPath().split("/")[2];
        String pushToken = "feed" + System.nanoTime();
        assertThat(api.header("Authorization", "ApplePass " + link.getQuery().substring(4))
                .post("/passes/apple/v1/devices/d" + pushToken + "/registrations/" + TestWalletKeys.PASS_TYPE + "/"
                        + serial, Map.of("pushToken", pushToken)).status()).isEqualTo(201);
        return pushToken;
    }

    private String lastAuthorization(String pushToken) {
        var requests = stub.findAll(postRequestedFor(urlEqualTo("/3/device/" + pushToken)));
        assertThat(requests).isNotEmpty();
        var last = requests.stream().max(java.util.Comparator.comparing(
                com.github.tomakehurst.wiremock.verification.LoggedRequest::getLoggedDate)).orElseThrow();
        return last.containsHeader("authorization") ? last.getHeader("authorization") : null;
    }

    @Test
    void theGoogleLinkIsAJwtSignedWithTheServiceAccountKeyAndBalanceChangesPatchTheObject() throws Exception {
        AppleWalletPassTest.Member member = memberWithPoints();
        passes.saveGoogle(AppleWalletPassTest.admin(member.world()), ISSUER, TestWalletKeys.serviceAccountJson(true));
        String link = phonePasses.links(member.world().circuitId, member.id()).google();
        assertThat(phonePasses.links(member.world().circuitId, member.id()).apple()).isNull();

        Api.Response redirect = api.get(AppleWalletPassTest.path(link));
        assertThat(redirect.status()).isEqualTo(303);
        String location = redirect.header("Location");
        assertThat(location).startsWith("https://pay.google.com/gp/v/save/");
        String[] jwt = location.substring("https://pay.google.com/gp/v/save/".length()).split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(TestWalletKeys.GOOGLE_KEYS.getPublic());
        rs256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(jwt[2]))).as("signed by the service account").isTrue();
        JsonNode header = Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt[0]));
        assertThat(header.path("alg").asString()).isEqualTo("RS256");
        JsonNode claims = Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.path("iss").asString()).isEqualTo("wallet@test.iam.gserviceaccount.com");
        assertThat(claims.path("aud").asString()).isEqualTo("google");
        assertThat(claims.path("typ").asString()).isEqualTo("savetowallet");
        JsonNode object = claims.path("payload").path("loyaltyObjects").get(0);
        String serial = URI.create(link).getPath().split("/")[2];
        assertThat(object.path("id").asString()).isEqualTo(ISSUER + ".loyaltyhub-" + serial);
        assertThat(object.path("classId").asString()).isEqualTo(ISSUER + ".loyaltyhub-circuit-" + member.world().circuitId);
        assertThat(object.path("loyaltyPoints").path("balance").path("int").asLong())
                .isEqualTo(member.world().available(member.id()));
        assertThat(claims.path("payload").path("loyaltyClasses").get(0).path("id").asString())
                .isEqualTo(object.path("classId").asString());

        stub.stubFor(post(urlEqualTo("/google/token")).willReturn(aResponse().withHeader("Content-Type",
                "application/json").withBody("{\"access_token\": \"t0k3n\", \"expires_in\": 3600}")));
        String objectPath = "/google/walletobjects/v1/loyaltyObject/" + ISSUER + ".loyaltyhub-" + serial;
        stub.stubFor(patch(urlEqualTo(objectPath)).willReturn(aResponse().withStatus(200).withBody("{}")));
        member.world().purchase(api.withKey(member.till()), "P-google", member.id(), "10.00", "PAID");
        pushes.sendDue();
        stub.verify(postRequestedFor(urlEqualTo("/google/token"))
                .withRequestBody(containing("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer")));
        stub.verify(1, patchRequestedFor(urlEqualTo(objectPath)).withHeader("Authorization", equalTo("Bearer t0k3n"))
                .withRequestBody(WireMock.matchingJsonPath("$.loyaltyPoints.balance.int",
                        equalTo(String.valueOf(member.world().available(member.id()))))));
        assertThat(queued(member)).isZero();
    }

    private AppleWalletPassTest.Member memberWithPoints() {
        var w = fixtures.world(api);
        long[] shop = w.company("Bottega");
        String till = w.apiKey(shop[0], shop[1]);
        long m = w.enrol(api.withKey(till), "wallet").path("id").asLong();
        w.purchase(api.withKey(till), "P-first", m, "25.00", "PAID");
        return new AppleWalletPassTest.Member(w, m, till);
    }

    private long queued(AppleWalletPassTest.Member member) {
        return jdbc.sql("select count(*) from pass_push where circuit_id = :c and member_id = :m")
                .param("c", member.world().circuitId).param("m", member.id()).query(Long.class).single();
    }
}
