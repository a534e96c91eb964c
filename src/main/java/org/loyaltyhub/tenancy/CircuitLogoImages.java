package org.loyaltyhub.tenancy;

import java.util.Optional;

/** A circuit's logo image as uploaded in its settings, for documents that print it (pro-forma invoices). */
public interface CircuitLogoImages {

    /** The image's bytes (PNG, JPEG or WebP), or empty when the circuit has no logo. */
    Optional<byte[]> image(long circuitId);
}
