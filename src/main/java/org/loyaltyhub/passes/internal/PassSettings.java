package org.loyaltyhub.passes.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the wallet passes ({@code loyaltyhub.passes.*}): the key that encrypts the circuits' certificates and
 * service-account keys (base64, 32 bytes; generated into {@code keyFile} when absent), where APNs, Google's Wallet
 * API and its token endpoint answer (tests point them at stubs; {@code googleTokenUri} null: the key file's
 * {@code token_uri}), the certificates the APNs client trusts instead of the JDK's ({@code apnsTrustedCertificates}, a
 * PEM or DER file: a test stub's self-signed certificate, a company proxy; none: the JDK's), how often pending pushes are retried and how many times, and whether a push starts right after
 * the balance changed ({@code pushAfterCommit}; otherwise only the sweep sends).
 */
@ConfigurationProperties("loyaltyhub.passes")
public record PassSettings(String key, String keyFile, String apnsUrl, String googleApiUrl, String googleTokenUri,
                           String apnsTrustedCertificates, Duration sweepInterval, Integer maxAttempts, Boolean pushAfterCommit) {

    public PassSettings {
        keyFile = keyFile == null || keyFile.isBlank() ? "./data/passes.key" : keyFile;
        apnsUrl = apnsUrl == null || apnsUrl.isBlank() ? "https://api.push.apple.com" : apnsUrl.strip();
        googleApiUrl = googleApiUrl == null || googleApiUrl.isBlank() ? "https://walletobjects.googleapis.com"
                : googleApiUrl.strip();
        googleTokenUri = googleTokenUri == null || googleTokenUri.isBlank() ? null : googleTokenUri.strip();
        apnsTrustedCertificates = apnsTrustedCertificates == null || apnsTrustedCertificates.isBlank() ? null
                : apnsTrustedCertificates.strip();
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        maxAttempts = maxAttempts == null ? 8 : maxAttempts;
        pushAfterCommit = pushAfterCommit == null || pushAfterCommit;
    }
}
