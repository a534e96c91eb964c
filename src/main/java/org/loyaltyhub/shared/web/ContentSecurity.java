package org.loyaltyhub.shared.web;

/** The Content-Security-Policy of every page: only the server's own scripts, styles and images. */
public final class ContentSecurity {

    /** The one hash allows only an empty style attribute, which htmx sets while swapping. */
    public static final String POLICY = "default-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; manifest-src 'self'; worker-src 'self'; "
            + "style-src 'self' 'unsafe-hashes' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    private ContentSecurity() {
    }
}
