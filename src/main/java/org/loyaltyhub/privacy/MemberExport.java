package org.loyaltyhub.privacy;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Everything held about a member, as a ZIP: {@code member.json}, one CSV per collection and {@code summary.html}. */
public record MemberExport(String fileName, byte[] zip) {

    /** The answer that downloads it: an attachment, never cached. */
    public ResponseEntity<byte[]> download() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(zip);
    }
}
