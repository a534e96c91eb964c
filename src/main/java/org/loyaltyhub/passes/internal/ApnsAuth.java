package org.loyaltyhub.passes.internal;

/**
 * How a circuit proves to Apple's push service that it may push to its passes: the Pass Type ID certificate as the
 * TLS client certificate, or a provider token (an ES256 JWT signed with the APNs authentication key, {@code .p8})
 * in the {@code authorization} header.
 */
sealed interface ApnsAuth {

    /** The pass certificate and its key, presented in the TLS handshake. */
    record Certificate(AppleCertificate certificate) implements ApnsAuth {
    }

    /** A provider token, reused for a while (Apple refuses a new one more often than every 20 minutes). */
    record ProviderToken(String jwt) implements ApnsAuth {

        @Override
        public String toString() {
            return "ProviderToken[…]"; // a bearer credential: never in a log line
        }
    }
}
