package org.loyaltyhub.passes;

import org.loyaltyhub.shared.InvalidInput;

/** An uploaded certificate or key that cannot sign passes, with the field it came in and why; nothing is saved. */
public class PassCredentialRefused extends InvalidInput {

    /** Why an upload was refused; the pages show {@code passes.error.<name>}. */
    public enum Reason {
        NOT_PKCS12("is not a PKCS#12 file (.p12) with a certificate and its private key"),
        WRONG_PASSWORD("does not open with this password"),
        EXPIRED("has expired: renew the Pass Type ID certificate in the Apple Developer account"),
        NOT_YET_VALID("is not valid yet"),
        NO_PASS_TYPE_ID("is not a Pass Type ID certificate (its subject has no UID pass.… and no OU team id)"),
        NOT_WWDR("is not an X.509 certificate (Apple WWDR intermediate, .cer or .pem)"),
        NOT_A_KEY_FILE("is not a service account JSON key file"),
        NO_PRIVATE_KEY("has no private_key (or it is not an RSA key in PEM)"),
        NO_CLIENT_EMAIL("has no client_email"),
        NOT_P8("is not an APNs authentication key (.p8): a P-256 private key in PKCS#8, as the Apple Developer account "
                + "downloads it"),
        KEY_ID("must be the 10-character Key ID shown with the key in the Apple Developer account"),
        TEAM_ID("must be the 10-character Team ID of the Apple Developer account"),
        ISSUER_ID("must be the numeric issuer id of the Google Pay & Wallet Console"),
        COLOUR("must be a colour as #rrggbb");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final String field;
    private final Reason reason;

    public PassCredentialRefused(String field, Reason reason) {
        super(field, "The " + field + " " + reason.text);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
