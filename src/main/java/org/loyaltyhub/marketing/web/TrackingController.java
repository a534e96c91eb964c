package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.internal.OpensAndClicks;
import org.loyaltyhub.shared.NotFound;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.Base64;

/** The signed links of campaign e-mails: the open pixel and the click redirect (see {@code TrackingLinks}). */
@Controller
class TrackingController {

    /** A transparent 1×1 GIF. */
    private static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    private final OpensAndClicks tracking;

    TrackingController(OpensAndClicks tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/track/open/{campaignId}/{memberId}/{signature}")
    ResponseEntity<byte[]> open(@PathVariable long campaignId, @PathVariable long memberId,
                                @PathVariable String signature) {
        tracking.opened(campaignId, memberId, signature);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore()).body(PIXEL);
    }

    @GetMapping("/track/click/{campaignId}/{memberId}/{signature}")
    ResponseEntity<Void> click(@PathVariable long campaignId, @PathVariable long memberId,
                               @PathVariable String signature, @RequestParam(required = false) String url) {
        String target = tracking.clicked(campaignId, memberId, signature, url);
        URI location;
        try {
            location = URI.create(target);
        } catch (IllegalArgumentException notAnAddress) {
            throw new NotFound("Link", campaignId); // signed, but not a web address a browser could follow
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(location).build();
    }

    /** A link that is not one of ours (a wrong signature, an unknown campaign) counts nothing and leads nowhere. */
    @org.springframework.web.bind.annotation.ExceptionHandler(NotFound.class)
    ResponseEntity<Void> notOurs() {
        return ResponseEntity.notFound().build();
    }
}
