package org.loyaltyhub.passes.internal;

import java.time.Instant;

/**
 * What a circuit configured for wallet passes, without its secrets: its colours, its Apple pass type and team (set
 * when a certificate is uploaded, with the certificate's expiry), the key id of its APNs authentication key when pushes
 * go with provider tokens rather than the certificate, and its Google issuer and service account.
 */
public record PassSetup(long circuitId, CardFace.Colour background, CardFace.Colour foreground, String passTypeId,
                        String teamId, Instant appleExpiresAt, String pushKeyId, String googleIssuerId,
                        String googleClientEmail) {

    public boolean apple() {
        return passTypeId != null;
    }

    /** Pushes to APNs are authenticated by a provider token signed with the .p8 key, not by the certificate. */
    public boolean pushesByToken() {
        return pushKeyId != null;
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
                null, null, null, null);
    }
}
