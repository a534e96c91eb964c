package org.loyaltyhub.passes.internal;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.passes.PhonePasses;
import org.loyaltyhub.passes.WalletLinks;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's card as an Apple Wallet pass: signed as Apple documents, and kept current by the pass web service. */
class AppleWalletPassTest extends IntegrationTest {

    @Autowired
    WalletPasses passes;

    @Autowired
    PhonePasses phonePasses;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    record Member(World world, long id, String till) {
    }

    Member memberWithPoints() {
        World w = fixtures.world(api);
        long[] shop = w.company("Bottega");
        String till = w.apiKey(shop[0], shop[1]);
        long m = w.enrol(api.withKey(till), Map.of("firstName", "Anna", "lastName", "Rossi",
                "email", org.loyaltyhub.support.Fixtures.unique("anna") + "@member.test")).path("id").asLong();
        w.purchase(api.withKey(till), "P-" + System.nanoTime(), m, "25.00", "PAID");
        return new Member(w, m, till);
    }

    static Caller admin(World w) {
        return new Caller(Role.CIRCUIT_ADMIN, w.circuitId, null, null, null, null, "test");
    }

    static String path(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void withoutACertificateThereIsNoAppleLink() {
        Member m = memberWithPoints();
        assertThat(phonePasses.links(m.world().circuitId, m.id())).isEqualTo(WalletLinks.NONE);
    }

    @Test
    void theMembersCardIsASignedStoreCardWhoseManifestHashesAndSignatureCheckOut() throws Exception {
        Member m = memberWithPoints();
        passes.saveApple(admin(m.world()), TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        WalletLinks links = phonePasses.links(m.world().circuitId, m.id());
        assertThat(links.google()).isNull();

        Api.Download download = api.download(path(links.apple()));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).isEqualTo("application/vnd.apple.pkpass");
        Map<String, byte[]> files = unzip(download.bytes());
        assertThat(files).containsKeys("pass.json", "manifest.json", "signature", "icon.png", "icon@2x.png", "logo.png");

        JsonNode manifest = Api.JSON.readTree(files.get("manifest.json"));
        assertThat(manifest.propertyNames()).containsExactlyInAnyOrderElementsOf(files.keySet().stream()
                .filter(f -> !f.equals("manifest.json") && !f.equals("signature")).toList());
        for (String file : manifest.propertyNames()) {
            assertThat(manifest.path(file).asString()).as(file).isEqualTo(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(files.get(file))));
        }

        CMSSignedData signature = new CMSSignedData(new CMSProcessableByteArray(files.get("manifest.json")),
                files.get("signature"));
        SignerInformation signer = signature.getSignerInfos().getSigners().iterator().next();
        assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(TestWalletKeys.PASS_CERTIFICATE)))
                .as("the detached PKCS#7 signature of the manifest verifies with the pass certificate").isTrue();
        assertThat(signature.getCertificates().getMatches(null)).extracting(X509CertificateHolder::getSubject)
                .extracting(Object::toString).anyMatch(s -> s.contains("Apple Worldwide Developer Relations"));

        JsonNode pass = Api.JSON.readTree(files.get("pass.json"));
        assertThat(pass.path("passTypeIdentifier").asString()).isEqualTo(TestWalletKeys.PASS_TYPE);
        assertThat(pass.path("teamIdentifier").asString()).isEqualTo(TestWalletKeys.TEAM);
        assertThat(pass.path("webServiceURL").asString()).endsWith("/passes/apple");
        assertThat(pass.path("authenticationToken").asString()).hasSizeGreaterThanOrEqualTo(16);
        JsonNode card = pass.path("storeCard");
        assertThat(card.path("headerFields").get(0).path("value").asLong()).isEqualTo(m.world().available(m.id()))
                .isPositive();
        assertThat(card.path("primaryFields").get(0).path("value").asString()).isEqualTo("Anna Rossi");
        String number = m.world().asAdmin().get("/api/v1/members/" + m.id()).json().path("card").path("number").asString();
        assertThat(card.path("auxiliaryFields").get(0).path("value").asString()).isEqualTo(number);
        assertThat(pass.path("barcodes").valueStream().map(b -> b.path("format").asString()))
                .containsExactly("PKBarcodeFormatQR", "PKBarcodeFormatCode128");
        assertThat(api.download(path(links.apple()).replaceAll("key=[^&]+", "key=wrong")).status()).isEqualTo(401);
    }

    @Test
    void aTieredMembersPassShowsTheirTierInTheCircuitsColours() throws Exception {
        World w = fixtures.world(api);
        assertThat(w.asAdmin().put("/api/v1/tiers/policy", Map.of("basis", "POINTS_EARNED", "window", "LIFETIME",
                "downgrade", "NEVER", "graceDays", 0)).status()).isEqualTo(200);
        assertThat(w.asAdmin().post("/api/v1/tiers", Map.of("nameEn", "Silver", "nameIt", "Argento", "colour", "#c0c0c0",
                "threshold", 10)).status()).isEqualTo(201);
        long[] shop = w.company("Bottega");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long m = w.enrol(till, Map.of("firstName", "Anna", "lastName", "Rossi", "email",
                org.loyaltyhub.support.Fixtures.unique("tiered") + "@member.test")).path("id").asLong();
        w.purchase(till, "P-" + System.nanoTime(), m, "25.00", "PAID");
        passes.saveApple(admin(w), TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        passes.saveColours(admin(w), "#C9A227", "#101820");

        JsonNode pass = Api.JSON.readTree(unzip(api.download(path(phonePasses.links(w.circuitId, m).apple())).bytes())
                .get("pass.json"));

        assertThat(pass.path("backgroundColor").asString()).isEqualTo("rgb(201, 162, 39)");
        assertThat(pass.path("foregroundColor").asString()).isEqualTo("rgb(16, 24, 32)");
        assertThat(pass.path("labelColor").asString()).isEqualTo("rgb(16, 24, 32)");
        JsonNode tier = pass.path("storeCard").path("secondaryFields").get(0);
        assertThat(tier.path("key").asString()).isEqualTo("tier");
        assertThat(tier.path("label").asString() + ": " + tier.path("value").asString()).isEqualTo("Livello: Argento");
    }

    @Test
    void theWebServiceRegistersListsServesAndUnregistersADeviceWithApplesStatusCodes() {
        Member m = memberWithPoints();
        passes.saveApple(admin(m.world()), TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        URI link = URI.create(phonePasses.links(m.world().circuitId, m.id()).apple());
        String serial = link.getPath().split("/")[2];
        String token = link.getQuery().substring("key=".length());
        String device = "device" + System.nanoTime();
        String registration = "/passes/apple/v1/devices/" + device + "/registrations/" + TestWalletKeys.PASS_TYPE;
        Api phone = api.header("Authorization", "ApplePass " + token);

        assertThat(api.post(registration + "/" + serial, Map.of("pushToken", "abc123")).status()).isEqualTo(401);
        assertThat(api.header("Authorization", "ApplePass wrong").post(registration + "/" + serial,
                Map.of("pushToken", "abc123")).status()).isEqualTo(401);
        assertThat(phone.post(registration + "/" + serial, Map.of("pushToken", "abc123")).status()).isEqualTo(201);
        assertThat(phone.post(registration + "/" + serial, Map.of("pushToken", "abc123")).status()).isEqualTo(200);

        Api.Response all = api.get(registration);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("serialNumbers").valueStream().map(JsonNode::asString)).containsExactly(serial);
        String tag = all.json().path("lastUpdated").asString();
        assertThat(api.get(registration + "?passesUpdatedSince=" + tag).status()).isEqualTo(204);

        clock.advance(Duration.ofMinutes(5));
        m.world().purchase(api.withKey(m.till()), "P-later", m.id(), "10.00", "PAID");
        Api.Response changed = api.get(registration + "?passesUpdatedSince=" + tag);
        assertThat(changed.status()).as("the balance changed: the pass is listed again").isEqualTo(200);
        assertThat(changed.json().path("serialNumbers").get(0).asString()).isEqualTo(serial);

        String latest = "/passes/apple/v1/passes/" + TestWalletKeys.PASS_TYPE + "/" + serial;
        Api.Download pass = phone.download(latest);
        assertThat(pass.status()).isEqualTo(200);
        assertThat(pass.contentType()).isEqualTo("application/vnd.apple.pkpass");
        String lastModified = phone.get(latest).header("Last-Modified");
        assertThat(lastModified).isNotBlank();
        assertThat(phone.header("If-Modified-Since", lastModified).get(latest).status()).isEqualTo(304);
        assertThat(api.get(latest).status()).isEqualTo(401);

        assertThat(api.post("/passes/apple/v1/log", Map.of("logs", java.util.List.of("a device's complaint")))
                .status()).isEqualTo(200);
        assertThat(phone.delete(registration + "/" + serial).status()).isEqualTo(200);
        assertThat(api.get(registration).status()).isEqualTo(204);
    }

    @Test
    void theExportShowsThePassAndItsDevicesAndAnErasureRemovesThemWithTheQueuedUpdates() throws IOException {
        Member m = memberWithPoints();
        passes.saveApple(admin(m.world()), TestWalletKeys.passPkcs12(), TestWalletKeys.PASSWORD, TestWalletKeys.wwdr());
        URI link = URI.create(phonePasses.links(m.world().circuitId, m.id()).apple());
        String serial = link.getPath().split("/")[2];
        assertThat(api.header("Authorization", "ApplePass " + link.getQuery().substring(4)).post(
                "/passes/apple/v1/devices/erased-phone/registrations/" + TestWalletKeys.PASS_TYPE + "/" + serial,
                Map.of("pushToken", "cafe01")).status()).isEqualTo(201);
        m.world().purchase(api.withKey(m.till()), "P-erased", m.id(), "10.00", "PAID");
        Map<String, byte[]> export = unzip(m.world().asAdmin().download("/api/v1/members/" + m.id() + "/export").bytes());
        assertThat(new String(export.get("csv/wallet_passes.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .contains(serial).contains("erased-phone");

        assertThat(m.world().asAdmin().post("/api/v1/members/" + m.id() + "/erasure", Map.of("reason", "asked"))
                .status()).isEqualTo(200);
        assertThat(jdbc.sql("select (select count(*) from member_pass where member_id = :m) "
                + "+ (select count(*) from pass_push where member_id = :m) "
                + "+ (select count(*) from pass_device_registration where serial = :s)")
                .param("m", m.id()).param("s", serial).query(Long.class).single()).isZero();
        assertThat(api.download(path(link.toString())).status()).isEqualTo(401);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
