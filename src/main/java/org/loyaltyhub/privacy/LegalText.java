package org.loyaltyhub.privacy;

import java.time.Instant;

/**
 * One version of a circuit's privacy notice or program rules. Version 0 means none was published yet: pages then
 * show the built-in text, which the circuit administrator should replace.
 */
public record LegalText(long circuitId, Kind kind, int version, String body, Instant publishedAt) {

    public enum Kind { PRIVACY, TERMS }

    /** How the version is recorded on the member's consent, e.g. {@code terms-v3}. */
    public String tag() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "-v" + version;
    }

    public boolean published() {
        return version > 0;
    }
}
