package org.loyaltyhub.site;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Static files: fingerprinted addresses kept for a year, plain ones revalidated, text compressed. */
class StaticFilesTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MessageSource messages;

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String page(String path) throws Exception {
        return new String(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void pagesLinkStylesAndScriptsAtFingerprintedAddressesKeptForAYearAndCompressed() throws Exception {
        String login = page("/login");
        Matcher css = Pattern.compile("href=\"(/css/app-[0-9a-f]{32}\\.css)\"").matcher(login);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/\\d[^/\"]*/dist/htmx\\.min\\.js)\"").matcher(login);
        assertThat(css.find()).as("the stylesheet's address carries its content hash: " + login).isTrue();
        assertThat(htmx.find()).as("htmx's carries its version: " + login.lines().filter(l -> l.contains("<script")).toList())
                .isTrue();
        for (String path : new String[]{css.group(1), htmx.group(1)}) {
            HttpResponse<byte[]> file = get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(path)
                    .hasValue("public, max-age=31536000, immutable");
            assertThat(file.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
        }
    }

    @Test
    void plainAddressesAreRevalidatedNotForbiddenToCache() throws Exception {
        for (String path : new String[]{"/css/app.css", "/widget/loyaltyhub.js", "/img/icon-192.png"}) {
            HttpResponse<byte[]> file = get(path);
            assertThat(file.statusCode()).as(path).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            String modified = file.headers().firstValue("Last-Modified").orElseThrow();
            HttpResponse<byte[]> again = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("If-Modified-Since", modified).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(again.statusCode()).as(path + " unchanged").isEqualTo(304);
        }
    }

    @Test
    void anEnglishPageStaysEnglishOnAServerWhoseOwnLanguageIsItalian() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ITALY);
            assertThat(messages.getMessage("nav.companies", null, Locale.ENGLISH)).isEqualTo("Companies");
            assertThat(messages.getMessage("nav.companies", null, Locale.GERMAN)).isEqualTo("Companies");
            assertThat(messages.getMessage("nav.companies", null, Locale.ITALIAN)).isEqualTo("Aziende");
        } finally {
            Locale.setDefault(before);
        }
    }
}
