package org.loyaltyhub.passes.internal;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google Wallet's side of the card: a loyalty class per circuit and an object per member, saved by the "Add to
 * Google Wallet" link (a JWT signed with the circuit's service account, carrying both) and patched with the new
 * balance through the Wallet REST API, with an OAuth2 token from the JWT bearer grant.
 */
@Component
class GoogleWallet {

    static final String SAVE_URL = "https://pay.google.com/gp/v/save/";
    static final String SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer";

    private final PassSettings settings;
    private final RestClient http;
    private final Clock clock;

    GoogleWallet(PassSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        var factory = new org.springframework.http.client.JdkClientHttpRequestFactory(java.net.http.HttpClient
                .newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        factory.setReadTimeout(Duration.ofSeconds(20));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    static String classId(String issuerId, long circuitId) {
        return issuerId + ".loyaltyhub-circuit-" + circuitId;
    }

    static String objectId(String issuerId, String serial) {
        return issuerId + ".loyaltyhub-" + serial;
    }

    /** The link that saves the member's card: {@code https://pay.google.com/gp/v/save/<jwt>}. */
    String saveLink(GoogleServiceAccount account, PassSetup setup, CardFace face, String serial, String origin) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", account.clientEmail());
        claims.put("aud", "google");
        claims.put("typ", "savetowallet");
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("origins", List.of(origin));
        claims.put("payload", Map.of("loyaltyClasses", List.of(loyaltyClass(setup, face)),
                "loyaltyObjects", List.of(loyaltyObject(setup, face, serial))));
        return SAVE_URL + SignedJwt.rs256(claims, account.privateKey());
    }

    /** Sends the member's balance to their object; false when the member never saved it (Google answers 404). */
    boolean updateBalance(GoogleServiceAccount account, PassSetup setup, CardFace face, String serial) {
        String token = accessToken(account);
        return http.patch().uri(settings.googleApiUrl() + "/walletobjects/v1/loyaltyObject/{id}",
                        objectId(setup.googleIssuerId(), serial))
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("loyaltyPoints", points(face), "secondaryLoyaltyPoints", tier(face)))
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.value() == 404) {
                        return false;
                    }
                    if (status.isError()) {
                        throw new IllegalStateException("Google Wallet answered " + status.value());
                    }
                    return true;
                });
    }

    private String accessToken(GoogleServiceAccount account) {
        String tokenUri = settings.googleTokenUri() != null ? settings.googleTokenUri() : account.tokenUri();
        long now = clock.instant().getEpochSecond();
        String assertion = SignedJwt.rs256(Map.of("iss", account.clientEmail(), "scope", SCOPE, "aud", tokenUri,
                "iat", now, "exp", now + 3600), account.privateKey());
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.add("assertion", assertion);
        JsonNode answer = http.post().uri(tokenUri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                .retrieve().body(JsonNode.class);
        String token = answer == null ? "" : answer.path("access_token").asString("");
        if (token.isBlank()) {
            throw new IllegalStateException("Google's token endpoint gave no access_token");
        }
        return token;
    }

    private static Map<String, Object> loyaltyClass(PassSetup setup, CardFace face) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", classId(setup.googleIssuerId(), face.circuitId()));
        c.put("issuerName", face.circuitName());
        c.put("programName", face.circuitName());
        c.put("hexBackgroundColor", face.background().hex());
        c.put("reviewStatus", "UNDER_REVIEW");
        return c;
    }

    private static Map<String, Object> loyaltyObject(PassSetup setup, CardFace face, String serial) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", objectId(setup.googleIssuerId(), serial));
        o.put("classId", classId(setup.googleIssuerId(), face.circuitId()));
        o.put("state", "ACTIVE");
        o.put("accountId", face.cardNumber());
        o.put("accountName", face.holder());
        o.put("loyaltyPoints", points(face));
        if (face.tier() != null) {
            o.put("secondaryLoyaltyPoints", tier(face));
        }
        o.put("barcode", Map.of("type", "QR_CODE", "value", face.codePayload(), "alternateText", face.cardNumber()));
        return o;
    }

    private static Map<String, Object> points(CardFace face) {
        return Map.of("label", face.labels().points(), "balance", Map.of("int", face.points()));
    }

    private static Map<String, Object> tier(CardFace face) {
        return Map.of("label", face.labels().tier(), "balance", Map.of("string", face.tier() == null ? "-" : face.tier()));
    }
}
