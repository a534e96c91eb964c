package org.loyaltyhub.passes.internal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;

/**
 * A circuit's Pass Type ID certificate with its private key (from the PKCS#12 it uploads) and Apple's WWDR
 * intermediate: what signs its passes and authenticates its pushes to APNs. Refused when built from a file that is
 * not PKCS#12, a wrong password, a certificate outside its validity or one that names no pass type and team.
 */
record AppleCertificate(PrivateKey key, X509Certificate certificate, X509Certificate wwdr, String passTypeId,
                        String teamId) {

    static AppleCertificate read(byte[] pkcs12, String password, byte[] wwdrFile, Instant now) {
        KeyStore store = open(pkcs12, password);
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, chars(password));
                    valid(cert, now);
                    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
                    String passType = first(subject, BCStyle.UID);
                    String team = first(subject, BCStyle.OU);
                    if (passType == null || team == null) {
                        throw new PassCredentialRefused("certificate", Reason.NO_PASS_TYPE_ID);
                    }
                    return new AppleCertificate(key, cert, wwdr(wwdrFile, now), passType, team);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new PassCredentialRefused("password", Reason.WRONG_PASSWORD);
        }
        throw new PassCredentialRefused("certificate", Reason.NOT_PKCS12);
    }

    /** Apple's intermediate, as uploaded (DER or PEM); its own validity is checked like the pass certificate's. */
    static X509Certificate wwdr(byte[] file, Instant now) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(file == null ? new byte[0] : file));
            if (cert.getNotAfter().toInstant().isBefore(now)) {
                throw new PassCredentialRefused("wwdr", Reason.EXPIRED);
            }
            return cert;
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof PassCredentialRefused refused) {
                throw refused;
            }
            throw new PassCredentialRefused("wwdr", Reason.NOT_WWDR);
        }
    }

    Instant expiresAt() {
        return certificate.getNotAfter().toInstant();
    }

    private static KeyStore open(byte[] pkcs12, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12 == null ? new byte[0] : pkcs12), chars(password));
            if (!store.aliases().hasMoreElements()) {
                throw new PassCredentialRefused("certificate", Reason.NOT_PKCS12);
            }
            return store;
        } catch (IOException e) {
            throw e.getCause() instanceof UnrecoverableKeyException
                    ? new PassCredentialRefused("password", Reason.WRONG_PASSWORD)
                    : new PassCredentialRefused("certificate", Reason.NOT_PKCS12);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof PassCredentialRefused refused) {
                throw refused;
            }
            throw new PassCredentialRefused("certificate", Reason.NOT_PKCS12);
        }
    }

    private static void valid(X509Certificate cert, Instant now) {
        if (cert.getNotAfter().toInstant().isBefore(now)) {
            throw new PassCredentialRefused("certificate", Reason.EXPIRED);
        }
        if (cert.getNotBefore().toInstant().isAfter(now)) {
            throw new PassCredentialRefused("certificate", Reason.NOT_YET_VALID);
        }
    }

    private static String first(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    @Override
    public String toString() {
        return "AppleCertificate[" + passTypeId + ", team " + teamId + "]"; // never the key
    }
}
