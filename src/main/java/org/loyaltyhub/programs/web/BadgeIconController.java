package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.badges.BadgeCatalog;
import org.loyaltyhub.programs.internal.badges.IconType;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

import java.time.Duration;

/**
 * Badge icons at a stable public address beside the circuit's loyalty space (customers and operators both show
 * them). Served with their checked type, never sniffed; an SVG also with a policy that lets it run and load nothing,
 * even when opened on its own. The address carries the image's hash, so it may be cached for good.
 */
@Controller
class BadgeIconController {

    /** Nothing loads or runs inside an icon; inline styles only, as drawing programs write them. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final BadgeCatalog catalog;

    BadgeIconController(BadgeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/c/{circuitId}/badges/{badgeId}/icon")
    ResponseEntity<byte[]> icon(@PathVariable long circuitId, @PathVariable long badgeId,
                                @RequestHeader(name = "If-None-Match", required = false) String etag) {
        return catalog.icon(circuitId, badgeId).map(icon -> {
            String tag = "\"" + icon.sha256() + "\"";
            boolean same = tag.equals(etag);
            ResponseEntity.BodyBuilder answer = (same ? ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    : ResponseEntity.ok()).eTag(tag)
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                    .header("X-Content-Type-Options", "nosniff")
                    .contentType(MediaType.parseMediaType(icon.type().contentType()));
            if (icon.type() == IconType.SVG) {
                answer.header("Content-Security-Policy", SVG_POLICY);
            }
            return answer.body(same ? null : icon.bytes());
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
