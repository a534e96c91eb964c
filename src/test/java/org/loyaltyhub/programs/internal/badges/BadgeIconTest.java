package org.loyaltyhub.programs.internal.badges;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BadgeIconTest {

    static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String svg(String inside) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "viewBox=\"0 0 10 10\">" + inside + "</svg>";
    }

    private static String clean(String svg) {
        return new String(BadgeIcon.of(svg.getBytes(StandardCharsets.UTF_8)).bytes(), StandardCharsets.UTF_8);
    }

    private static String refusal(String svg) {
        try {
            BadgeIcon.of(svg.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInput e) {
            return e.fieldErrors().get("icon");
        }
        throw new AssertionError("accepted: " + svg);
    }

    @Test
    void aPngThatDecodesIsKeptAsItIs() {
        byte[] png = png(64, 48);
        BadgeIcon icon = BadgeIcon.of(png);
        assertThat(icon.type()).isEqualTo(IconType.PNG);
        assertThat(icon.bytes()).isEqualTo(png);
        assertThat(PngImage.check("icon", png)).containsExactly(64, 48);
    }

    @Test
    void aPngWithTheRightFirstBytesButNothingDecodableIsRefused() {
        byte[] broken = Arrays.copyOf(png(16, 16), 40);
        assertThatThrownBy(() -> BadgeIcon.of(broken)).isInstanceOf(InvalidInput.class);
        byte[] fake = Arrays.copyOf(png(16, 16), 200);
        Arrays.fill(fake, 33, 200, (byte) 7);
        assertThatThrownBy(() -> BadgeIcon.of(fake)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void aPngDeclaringHugeDimensionsIsRefusedBeforeDecoding() {
        byte[] png = png(8, 8);
        png[16] = 0x7F; // width's high byte in the IHDR chunk
        assertThat(refusalOf(png)).contains("2048");
    }

    @Test
    void anIconTooBigOrNotAnImageIsRefused() {
        assertThat(refusalOf(new byte[100 * 1024 + 1])).contains("100 KB");
        assertThat(refusalOf("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains("PNG or SVG");
        assertThat(refusalOf(new byte[0])).contains("choose");
    }

    private static String refusalOf(byte[] bytes) {
        try {
            BadgeIcon.of(bytes);
        } catch (InvalidInput e) {
            return e.fieldErrors().get("icon");
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aPlainSvgKeepsItsDrawingAndLosesEditorsExtras() {
        String out = clean("<?xml version=\"1.0\"?><!-- made by hand -->" + svg(
                "<metadata><rdf xmlns=\"urn:x\">me</rdf></metadata>"
                        + "<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#fc0\"/></linearGradient></defs>"
                        + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\" data-x=\"1\"/>"
                        + "<use xlink:href=\"#g\"/><title>Gold</title>"));
        assertThat(out).contains("<circle", "fill=\"url(#g)\"", "<linearGradient", "<title>Gold</title>",
                "xlink:href=\"#g\"", "xmlns=\"http://www.w3.org/2000/svg\"");
        assertThat(out).doesNotContain("metadata", "made by hand", "data-x", "<?xml");
    }

    @Test
    void scriptsAndForeignObjectsAreRefused() {
        assertThat(refusal(svg("<script>alert(1)</script>"))).contains("<script>");
        assertThat(refusal(svg("<g><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></g>")))
                .contains("foreignObject");
        assertThat(refusal(svg("<a href=\"#x\"><script>alert(1)</script></a>"))).contains("<script>");
    }

    @Test
    void eventHandlersAreRefused() {
        assertThat(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")).contains("onload");
        assertThat(refusal(svg("<rect width=\"1\" height=\"1\" onClick=\"x()\"/>"))).contains("onClick");
    }

    @Test
    void linksAndReferencesOutsideTheImageAreRefused() {
        assertThat(refusal(svg("<use href=\"https://evil.test/x.svg#a\"/>"))).contains("links outside");
        assertThat(refusal(svg("<use xlink:href=\"javascript:alert(1)\"/>"))).contains("script");
        assertThat(refusal(svg("<rect fill=\"url(https://evil.test/p)\"/>"))).contains("outside the image");
        assertThat(refusal(svg("<rect style=\"fill:url( 'http://evil.test/p' )\"/>"))).contains("outside the image");
        assertThat(refusal(svg("<rect style=\"@import 'http://evil.test/c.css'\"/>"))).contains("import");
    }

    @Test
    void doctypesAndEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + svg("<text>&x;</text>");
        assertThat(refusal(xxe)).contains("without DOCTYPE or entities");
        String laughs = "<!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>" + svg("<text>&b;</text>");
        assertThat(refusal(laughs)).contains("without DOCTYPE or entities");
    }

    @Test
    void anythingButAnSvgRootIsRefused() {
        assertThat(refusal("<html><body>hi</body></html>")).contains("not an SVG");
        assertThat(refusal("<svg>no namespace</svg>")).contains("not an SVG");
        assertThat(refusal("<svg xmlns=\"http://www.w3.org/2000/svg\"><g>")).contains("well-formed");
    }
}
