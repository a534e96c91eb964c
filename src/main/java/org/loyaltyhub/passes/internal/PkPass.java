package org.loyaltyhub.passes.internal;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import tools.jackson.databind.json.JsonMapper;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A signed Apple Wallet store card (Wallet Developer Guide, "Building a pass"): pass.json, the images, manifest.json
 * with the SHA-1 of every file, and signature, the PKCS#7 detached signature of the manifest by the pass type
 * certificate with Apple's WWDR intermediate included.
 */
final class PkPass {

    static final String CONTENT_TYPE = "application/vnd.apple.pkpass";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PkPass() {
    }

    /** The pass's JSON: a store card with the points, the holder, the tier and the card's QR and Code 128 codes. */
    static Map<String, Object> passJson(CardFace face, AppleCertificate cert, String serial, String authToken,
                                        String webServiceUrl) {
        Map<String, Object> pass = new LinkedHashMap<>();
        pass.put("formatVersion", 1);
        pass.put("passTypeIdentifier", cert.passTypeId());
        pass.put("teamIdentifier", cert.teamId());
        pass.put("serialNumber", serial);
        pass.put("organizationName", face.circuitName());
        pass.put("description", face.labels().description());
        pass.put("logoText", face.circuitName());
        pass.put("backgroundColor", face.background().rgb());
        pass.put("foregroundColor", face.foreground().rgb());
        pass.put("labelColor", face.foreground().rgb());
        pass.put("webServiceURL", webServiceUrl);
        pass.put("authenticationToken", authToken);
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("headerFields", List.of(field("points", face.labels().points(), face.points(), "PKPointsChanged")));
        card.put("primaryFields", List.of(field("holder", face.labels().holder(), face.holder(), null)));
        card.put("secondaryFields", face.tier() == null ? List.of()
                : List.of(field("tier", face.labels().tier(), face.tier(), "%@")));
        card.put("auxiliaryFields", List.of(field("card", face.labels().card(), face.cardNumber(), null)));
        pass.put("storeCard", card);
        pass.put("barcodes", List.of(barcode("PKBarcodeFormatQR", face), barcode("PKBarcodeFormatCode128", face)));
        return pass;
    }

    /** The .pkpass archive. */
    static byte[] build(CardFace face, AppleCertificate cert, String serial, String authToken, String webServiceUrl) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pass.json", JSON.writeValueAsBytes(passJson(face, cert, serial, authToken, webServiceUrl)));
        byte[] icon = square(face, 29);
        files.put("icon.png", icon);
        files.put("icon@2x.png", square(face, 58));
        byte[] logo = face.logo() == null ? null : png(face.logo(), 160, 50);
        files.put("logo.png", logo != null ? logo : icon);
        Map<String, String> manifest = new LinkedHashMap<>();
        files.forEach((name, bytes) -> manifest.put(name, sha1(bytes)));
        byte[] manifestJson = JSON.writeValueAsBytes(manifest);
        files.put("manifest.json", manifestJson);
        files.put("signature", sign(manifestJson, cert));
        return zip(files);
    }

    static byte[] sign(byte[] manifest, AppleCertificate cert) {
        try {
            String algorithm = "EC".equals(cert.key().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder(algorithm).build(cert.key()), cert.certificate()));
            generator.addCertificates(new JcaCertStore(List.of(cert.certificate(), cert.wwdr())));
            return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded();
        } catch (OperatorCreationException | CMSException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign the pass manifest", e);
        }
    }

    private static Map<String, Object> field(String key, String label, Object value, String changeMessage) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("key", key);
        f.put("label", label);
        f.put("value", value);
        if (changeMessage != null) {
            f.put("changeMessage", "PKPointsChanged".equals(changeMessage) ? label + ": %@" : changeMessage);
        }
        return f;
    }

    private static Map<String, Object> barcode(String format, CardFace face) {
        return Map.of("format", format, "message", face.codePayload(), "messageEncoding", "iso-8859-1",
                "altText", face.cardNumber());
    }

    private static String sha1(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain square in the circuit's colour, for the icon Apple requires (and the logo when there is none). */
    private static byte[] square(CardFace face, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(face.background().awt());
        g.fillRect(0, 0, size, size);
        g.dispose();
        return encode(image);
    }

    /** The circuit's logo fitted in width × height as PNG; null when the JDK cannot read it (e.g. WebP). */
    private static byte[] png(byte[] image, int width, int height) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
            if (source == null) {
                return null;
            }
            double scale = Math.min(1.0, Math.min((double) width / source.getWidth(), (double) height / source.getHeight()));
            int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
            BufferedImage fitted = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = fitted.createGraphics();
            g.drawImage(source, 0, 0, w, h, null);
            g.dispose();
            return encode(fitted);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
