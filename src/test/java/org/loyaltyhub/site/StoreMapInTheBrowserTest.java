package org.loyaltyhub.site;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.World;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores' map switched on (issue 18 §1, {@code loyaltyhub.customers.map.tile-url}): the tiles come from a local
 * stand-in for a tile server (WireMock over https, serving one 256x256 PNG), the page's policy allows that origin for
 * images, Leaflet draws a marker per store with coordinates, and the browser reports no error. The map is off in every
 * other test (the default), so this class runs an application of its own, closed after it.
 */
@TestPropertySource(properties = "loyaltyhub.db.data-dir=target/test-postgres-map")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreMapInTheBrowserTest extends BrowserTest {

    private static final WireMockServer TILES = tileServer();

    private static WireMockServer tileServer() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().dynamicHttpsPort()
                .bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(get(urlPathMatching("/tiles/[0-9]+/[0-9]+/[0-9]+\\.png")).willReturn(aResponse()
                .withHeader("Content-Type", "image/png").withBody(tile())));
        return server;
    }

    private static byte[] tile() {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0xe8, 0xf0, 0xe0));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tileOrigin() {
        return "https://localhost:" + TILES.httpsPort();
    }

    @DynamicPropertySource
    static void map(DynamicPropertyRegistry registry) {
        registry.add("loyaltyhub.customers.map.tile-url", () -> tileOrigin() + "/tiles/{z}/{x}/{y}.png");
        registry.add("loyaltyhub.customers.map.attribution", () -> "Test tiles");
    }

    @AfterAll
    static void stopTiles() {
        TILES.stop();
    }

    @Test
    void theMapDrawsAMarkerPerStoreOnTilesFromTheConfiguredServerWhichThePagesPolicyAllows() {
        World w = fixtures.world(api);
        EngagementInTheBrowserTest.place(w, w.company("Duomo")[1], "Bar Duomo", "45.464211", "9.191383");
        EngagementInTheBrowserTest.place(w, w.company("Castello")[1], "Bar Castello", "45.470532", "9.179279");
        w.company("Senza posto"); // a store without coordinates: in the list, not on the map

        // the stand-in tile server's certificate is its own (self-signed): this browser trusts it
        Page desk = browser.open(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-GB").setIgnoreHTTPSErrors(true));
        Response answer = desk.navigate(url("/c/" + w.circuitId + "/stores"));
        assertThat(answer.headerValue("content-security-policy")).contains("img-src 'self' data: " + tileOrigin() + ";");
        assertThat(desk.locator("#store-map")).isVisible();
        assertThat(desk.locator("#store-map .leaflet-marker-icon")).hasCount(2);
        assertThat(desk.locator("#store-map .leaflet-marker-icon[title='Bar Duomo']")).hasCount(1);
        assertThat(desk.locator("#store-map img.leaflet-tile-loaded").first()).isVisible();
        assertThat(desk.locator("#store-map .leaflet-control-attribution")).containsText("Test tiles");
        assertThat(TILES.findAll(getRequestedFor(urlPathMatching("/tiles/.*")))).isNotEmpty();
        Browser.screenshot(desk, "store-map-desktop-en");
        assertThat(browser.errors()).isEmpty();
    }
}
