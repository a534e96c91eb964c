package org.loyaltyhub.passes.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.loyaltyhub.passes.internal.WalletPasses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "add to wallet" links of the customer area, the counter and the e-mails: the signed .pkpass, and a redirect to
 * Google's save page with a JWT signed now. The pass's token in the link is the authorisation.
 */
@Hidden
@RestController
class PassDownloads {

    static final String PKPASS = "application/vnd.apple.pkpass";
    private static final String SERIAL = "/passes/{serial:[A-Za-z0-9_\\-]{1,40}}";

    private final WalletPasses passes;

    PassDownloads(WalletPasses passes) {
        this.passes = passes;
    }

    @GetMapping(SERIAL + "/apple")
    ResponseEntity<byte[]> apple(@PathVariable String serial, @RequestParam(required = false) String key) {
        var pass = passes.applePass(serial, key);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PKPASS))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"card.pkpass\"")
                .cacheControl(CacheControl.noStore()).lastModified(pass.lastModified()).body(pass.bytes());
    }

    @GetMapping(SERIAL + "/google")
    ResponseEntity<Void> google(@PathVariable String serial, @RequestParam(required = false) String key) {
        return ResponseEntity.status(303).location(java.net.URI.create(passes.googleSaveLink(serial, key)))
                .cacheControl(CacheControl.noStore()).build();
    }
}
