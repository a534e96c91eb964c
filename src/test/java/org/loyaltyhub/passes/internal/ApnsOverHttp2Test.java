package org.loyaltyhub.passes.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loyaltyhub.support.Api;
import tools.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APNs client against a local HTTP/2 server over TLS (Jetty in WireMock, ALPN "h2") whose self-signed certificate
 * is generated here and trusted through {@code loyaltyhub.passes.apns-trusted-certificates}: one stub demands the
 * pass certificate as the TLS client certificate, the other is reached with a provider token (.p8). Each checks the
 * request APNs expects (POST /3/device/&lt;token&gt;, apns-topic, authorization) and that it came over HTTP/2.
 */
class ApnsOverHttp2Test {

    @TempDir
    static Path files;

    static WireMockServer wantsTheCertificate;
    static WireMockServer wantsAToken;
    static Path trusted;

    @BeforeAll
    static void startTheStubs() throws Exception {
        KeyPair serverKeys = rsa();
        X509Certificate server = localhostCertificate(serverKeys);
        Path keystore = files.resolve("stub.p12");
        store(keystore, s -> s.setKeyEntry("stub", serverKeys.getPrivate(), "stub-pw".toCharArray(),
                new X509Certificate[] {server}));
        Path clients = files.resolve("clients.p12");
        store(clients, s -> s.setCertificateEntry("pass", TestWalletKeys.PASS_CERTIFICATE));
        trusted = files.resolve("stub.pem");
        Files.writeString(trusted, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(server.getEncoded()) + "\n-----END CERTIFICATE-----\n");

        wantsTheCertificate = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort()
                .bindAddress("127.0.0.1").keystorePath(keystore.toString()).keystoreType("PKCS12")
                .keystorePassword("stub-pw").keyManagerPassword("stub-pw")
                .needClientAuth(true).trustStorePath(clients.toString()).trustStoreType("PKCS12")
                .trustStorePassword("clients-pw"));
        wantsAToken = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(keystore.toString()).keystoreType("PKCS12").keystorePassword("stub-pw")
                .keyManagerPassword("stub-pw"));
        wantsTheCertificate.start();
        wantsAToken.start();
    }

    @AfterAll
    static void stopTheStubs() {
        wantsTheCertificate.stop();
        wantsAToken.stop();
    }

    @Test
    void aPushWithThePassCertificateIsAnHttp2PostToTheDeviceWithThePassTypeAsTopic() {
        wantsTheCertificate.stubFor(post(urlEqualTo("/3/device/feedc0ffee")).willReturn(aResponse().withStatus(200)));
        wantsTheCertificate.stubFor(post(urlEqualTo("/3/device/0ld")).willReturn(aResponse().withStatus(410)
                .withBody("{\"reason\": \"Unregistered\"}")));
        Apns apns = new Apns(settings(wantsTheCertificate, trusted));
        ApnsAuth.Certificate auth = new ApnsAuth.Certificate(passCertificate());

        assertThat(apns.push(auth, TestWalletKeys.PASS_TYPE, "feedc0ffee")).isEqualTo(Apns.Outcome.DELIVERED);
        assertThat(apns.push(auth, TestWalletKeys.PASS_TYPE, "0ld")).isEqualTo(Apns.Outcome.DEVICE_GONE);

        LoggedRequest push = only(wantsTheCertificate, "/3/device/feedc0ffee");
        assertThat(push.getProtocol()).isEqualTo("HTTP/2.0");
        assertThat(push.getHeader("apns-topic")).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(push.getHeader("apns-push-type")).isEqualTo("background");
        assertThat(push.getBodyAsString()).isEqualTo("{}");
        assertThat(push.containsHeader("authorization")).as("the certificate is the authorisation").isFalse();
    }

    @Test
    void aPushWithAProviderTokenCarriesItAsBearerOverHttp2WithoutAClientCertificate() throws Exception {
        wantsAToken.stubFor(post(urlEqualTo("/3/device/beefcafe")).willReturn(aResponse().withStatus(200)));
        KeyPair p256 = ApnsKeyTest.p256();
        ApnsKey key = ApnsKey.read(ApnsKeyTest.pem(p256), "ABC123DEFG", TestWalletKeys.TEAM);
        String jwt = key.token(Instant.now());

        assertThat(new Apns(settings(wantsAToken, trusted)).push(new ApnsAuth.ProviderToken(jwt),
                TestWalletKeys.PASS_TYPE, "beefcafe")).isEqualTo(Apns.Outcome.DELIVERED);

        LoggedRequest push = only(wantsAToken, "/3/device/beefcafe");
        assertThat(push.getProtocol()).isEqualTo("HTTP/2.0");
        assertThat(push.getHeader("apns-topic")).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(push.getHeader("authorization")).isEqualTo("bearer " + jwt);
        String[] parts = jwt.split("\\.");
        JsonNode header = Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asString()).isEqualTo("ES256");
        assertThat(header.path("kid").asString()).isEqualTo("ABC123DEFG");
        assertThat(Api.JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("iss").asString())
                .isEqualTo(TestWalletKeys.TEAM);
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(p256.getPublic());
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the .p8 key").isTrue();
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsNotTalkedTo() {
        wantsAToken.stubFor(post(urlEqualTo("/3/device/untrusted")).willReturn(aResponse().withStatus(200)));

        assertThat(new Apns(settings(wantsAToken, null)).push(new ApnsAuth.ProviderToken("t"),
                TestWalletKeys.PASS_TYPE, "untrusted")).isEqualTo(Apns.Outcome.FAILED);

        assertThat(wantsAToken.findAll(anyRequestedFor(urlEqualTo("/3/device/untrusted")))).isEmpty();
    }

    @Test
    void withoutThePassCertificateTheStubThatDemandsItRefusesTheConnection() {
        wantsTheCertificate.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));

        assertThat(new Apns(settings(wantsTheCertificate, trusted)).push(new ApnsAuth.ProviderToken("t"),
                TestWalletKeys.PASS_TYPE, "nocert")).isEqualTo(Apns.Outcome.FAILED);
    }

    private static LoggedRequest only(WireMockServer stub, String path) {
        List<LoggedRequest> requests = stub.findAll(anyRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().getMethod().getName()).isEqualTo("POST");
        return requests.getFirst();
    }

    private static PassSettings settings(WireMockServer stub, Path trust) {
        return new PassSettings(null, null, "https://localhost:" + stub.httpsPort(), null, null,
                trust == null ? null : trust.toString(), null, null, null);
    }

    private static AppleCertificate passCertificate() {
        return AppleCertificate.read(TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr(),
                Instant.now());
    }

    private static X509Certificate localhostCertificate(KeyPair keys) throws Exception {
        X500Name name = new X500Name("CN=localhost, O=APNs stub");
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minus(Duration.ofDays(1))), Date.from(Instant.now().plus(Duration.ofDays(2))),
                name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private interface Filling {
        void fill(KeyStore store) throws Exception;
    }

    private static void store(Path file, Filling filling) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        filling.fill(store);
        String password = file.getFileName().toString().startsWith("stub") ? "stub-pw" : "clients-pw";
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
