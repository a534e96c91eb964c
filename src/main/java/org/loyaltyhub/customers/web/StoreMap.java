package org.loyaltyhub.customers.web;

import org.loyaltyhub.shared.web.ContentSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;

/**
 * The map of stores ({@code loyaltyhub.customers.map.*}): off unless a tile URL is set, because a map of OpenStreetMap
 * tiles makes every visitor's browser call the tile server, and the product promises no external calls by default.
 * {@code tile-url} is a Leaflet template such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png} (https only);
 * {@code attribution} is the credit the tile provider asks for.
 */
@ConfigurationProperties("loyaltyhub.customers.map")
public record StoreMap(String tileUrl, String attribution) {

    public StoreMap {
        tileUrl = tileUrl == null || tileUrl.isBlank() || !tileUrl.strip().startsWith("https://") ? null : tileUrl.strip();
        attribution = attribution == null || attribution.isBlank() ? "© OpenStreetMap contributors" : attribution.strip();
    }

    public boolean on() {
        return tileUrl != null;
    }

    /** The pages' policy with the tile server's origin allowed for images (only on pages that show the map). */
    String contentSecurityPolicy() {
        URI uri = URI.create(tileUrl.replace("{s}", "a").replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                .replace("{r}", ""));
        String origin = uri.getScheme() + "://" + (tileUrl.contains("{s}.") ? "*." + uri.getHost().substring(2)
                : uri.getHost()) + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return ContentSecurity.POLICY.replace("img-src 'self' data:", "img-src 'self' data: " + origin);
    }
}
