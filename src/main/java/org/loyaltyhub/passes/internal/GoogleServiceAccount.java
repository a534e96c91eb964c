package org.loyaltyhub.passes.internal;

import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The Google service account a circuit uploads (its JSON key file): who signs the "Add to Google Wallet" links and
 * asks for the OAuth2 tokens of the Wallet REST API. Refused without {@code client_email} or an RSA
 * {@code private_key}.
 */
record GoogleServiceAccount(String clientEmail, RSAPrivateKey privateKey, String tokenUri) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

    static GoogleServiceAccount read(String keyFile) {
        JsonNode json;
        try {
            json = JSON.readTree(keyFile == null ? "" : keyFile);
        } catch (RuntimeException e) {
            throw new PassCredentialRefused("key", Reason.NOT_A_KEY_FILE);
        }
        if (json == null || !json.isObject()) {
            throw new PassCredentialRefused("key", Reason.NOT_A_KEY_FILE);
        }
        String email = json.path("client_email").asString("");
        if (email.isBlank() || !email.contains("@")) {
            throw new PassCredentialRefused("key", Reason.NO_CLIENT_EMAIL);
        }
        String tokenUri = json.path("token_uri").asString("");
        return new GoogleServiceAccount(email.strip(), rsaKey(json.path("private_key").asString("")),
                tokenUri.isBlank() ? GOOGLE_TOKEN_URI : tokenUri.strip());
    }

    private static RSAPrivateKey rsaKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        if (body.isEmpty()) {
            throw new PassCredentialRefused("key", Reason.NO_PRIVATE_KEY);
        }
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new PassCredentialRefused("key", Reason.NO_PRIVATE_KEY);
        }
    }

    @Override
    public String toString() {
        return "GoogleServiceAccount[" + clientEmail + "]"; // never the key
    }
}
