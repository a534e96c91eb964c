package org.loyaltyhub.passes.internal;

import java.time.Instant;

/**
 * What a circuit configured for wallet passes, without its secrets: its colours, its Apple pass type and team (set
 * when a certificate is uploaded, with the certificate's expiry) and its Google issuer and service account.
 */
public record PassSetup(long circuitId, CardFace.Colour background, CardFace.Colour foreground, String passTypeId,
                        String teamId, Instant appleExpiresAt, String googleIssuerId, String googleClientEmail) {

    public boolean apple() {
        return passTypeId != null;
    }

    public boolean google() {
        return googleIssuerId != null;
    }

    public String backgroundHex() {
        return background.hex();
    }

    public String foregroundHex() {
        return foreground.hex();
    }

    static PassSetup none(long circuitId) {
        return new PassSetup(circuitId, new CardFace.Colour("#1f4e79"), new CardFace.Colour("#ffffff"), null, null,
                null, null, null);
    }
}
