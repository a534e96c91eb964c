package org.loyaltyhub.passes.internal;

import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;

/**
 * What a member's card shows in a phone's wallet, in the member's language: the circuit (name, colours, logo), the
 * holder, the card number and what its code encodes, the points available and the tier (null: the circuit has none
 * or the member holds none). {@code labels} are the field labels already translated.
 */
record CardFace(long circuitId, String circuitName, Colour background, Colour foreground, byte[] logo,
                String holder, String cardNumber, String codePayload, long points, String tier, Labels labels) {

    record Labels(String points, String holder, String card, String tier, String description) {
    }

    /** A colour as {@code #rrggbb}, refused otherwise. */
    record Colour(String hex) {

        Colour {
            if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
                throw new PassCredentialRefused("colour", Reason.COLOUR);
            }
            hex = hex.toLowerCase(java.util.Locale.ROOT);
        }

        /** As pass.json writes colours: {@code rgb(r, g, b)}. */
        String rgb() {
            int v = Integer.parseInt(hex.substring(1), 16);
            return "rgb(" + (v >> 16 & 0xff) + ", " + (v >> 8 & 0xff) + ", " + (v & 0xff) + ")";
        }

        java.awt.Color awt() {
            return new java.awt.Color(Integer.parseInt(hex.substring(1), 16));
        }
    }
}
