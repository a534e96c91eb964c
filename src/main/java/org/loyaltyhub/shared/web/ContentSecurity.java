package org.loyaltyhub.shared.web;

/** The Content-Security-Policy of every page: only the server's own scripts, styles and images; the Referrer-Policy. */
public final class ContentSecurity {

    /** The one hash allows only an empty style attribute, which htmx sets while swapping. */
    public static final String POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; manifest-src 'self'; worker-src 'self'; "
            + "style-src 'self' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /** API answers are data, never a document: nothing in them may load or run, nor be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

    /**
     * Other sites learn at most our origin, never a page's address (links carry tokens). HSTS is Spring Security's
     * default on secure requests: behind a TLS proxy a request is secure when a trusted proxy says so
     * ({@code server.forward-headers-strategy}).
     */
    public static final org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
            REFERRER_POLICY = org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
            .STRICT_ORIGIN_WHEN_CROSS_ORIGIN;

    private ContentSecurity() {
    }
}
