package org.loyaltyhub.passes.internal;

import org.loyaltyhub.passes.PassCredentialRefused;
import org.loyaltyhub.passes.PassCredentialRefused.Reason;
import org.loyaltyhub.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The circuits' wallet set-ups as stored: the certificate, its password and the service account key sealed with
 * {@link SecretBox} (never logged, never exported), the rest in the clear. Every upload is checked before it is
 * stored: a refused one changes nothing.
 */
@Component
class PassSetups {

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;

    PassSetups(JdbcClient jdbc, PassSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.box = new SecretBox(settings.key(), settings.keyFile(), "passes key (loyaltyhub.passes.key)");
    }

    PassSetup of(long circuitId) {
        return jdbc.sql("""
                        select background_colour, foreground_colour, apple_pass_type_id, apple_team_id, apple_expires_at,
                               apple_push_key_id, google_issuer_id, google_client_email
                        from pass_settings where circuit_id = :c""")
                .param("c", circuitId)
                .query((rs, n) -> setup(circuitId, rs)).optional().orElseGet(() -> PassSetup.none(circuitId));
    }

    /** The circuits whose passes are of this pass type (one, unless circuits share a certificate). */
    java.util.List<Long> circuitsOfPassType(String passTypeId) {
        java.util.List<Long> circuits = jdbc.sql("select circuit_id from pass_settings where apple_pass_type_id = :t")
                .param("t", passTypeId).query(Long.class).list();
        return circuits.isEmpty() ? java.util.List.of(-1L) : circuits;
    }

    Optional<AppleCertificate> apple(long circuitId) {
        return jdbc.sql("select apple_certificate, apple_password, apple_wwdr from pass_settings "
                        + "where circuit_id = :c and apple_certificate is not null")
                .param("c", circuitId)
                .query((rs, n) -> AppleCertificate.read(box.open("apple_certificate", rs.getBytes(1)),
                        new String(box.open("apple_password", rs.getBytes(2)), StandardCharsets.UTF_8),
                        rs.getBytes(3), clock.instant()))
                .optional();
    }

    /**
     * The provider token pushes of the circuit go with, when it uploaded an APNs key: the stored one while it is young
     * enough, else a new one, stored for every node to reuse.
     */
    Optional<ApnsAuth.ProviderToken> providerToken(long circuitId) {
        return jdbc.sql("""
                        select apple_push_key, apple_push_key_id, apple_push_team_id, apple_push_token,
                               apple_push_token_at from pass_settings where circuit_id = :c and apple_push_key is not null""")
                .param("c", circuitId)
                .query((rs, n) -> new StoredPushKey(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional().map(stored -> {
                    Instant now = clock.instant();
                    if (stored.token() != null && !ApnsKey.needsNewToken(stored.tokenAt(), now)) {
                        return new ApnsAuth.ProviderToken(
                                new String(box.open("apple_push_token", stored.token()), StandardCharsets.UTF_8));
                    }
                    return newToken(circuitId, ApnsKey.read(box.open("apple_push_key", stored.key()), stored.keyId(),
                            stored.teamId()), now);
                });
    }

    private record StoredPushKey(byte[] key, String keyId, String teamId, byte[] token, Instant tokenAt) {
    }

    private ApnsAuth.ProviderToken newToken(long circuitId, ApnsKey key, Instant now) {
        String jwt = key.token(now);
        jdbc.sql("update pass_settings set apple_push_token = :t, apple_push_token_at = :at where circuit_id = :c")
                .param("c", circuitId).param("t", box.seal("apple_push_token", jwt.getBytes(StandardCharsets.UTF_8)))
                .param("at", java.sql.Timestamp.from(now)).update();
        return new ApnsAuth.ProviderToken(jwt);
    }

    /**
     * Checks the APNs key (.p8) with its key id and team id (by default the certificate's team), then stores them:
     * from now on pushes go with provider tokens. Uploading the same key again (same key id and team) keeps the
     * current token, so that a retried upload does not make Apple see a new token within 20 minutes.
     */
    ApnsKey saveApplePushKey(long circuitId, byte[] p8, String keyId, String teamId) {
        String team = teamId == null || teamId.isBlank() ? of(circuitId).teamId() : teamId;
        ApnsKey key = ApnsKey.read(p8, keyId, team);
        ensureRow(circuitId);
        jdbc.sql("""
                        update pass_settings set apple_push_key = :key,
                            apple_push_token = case when apple_push_key_id = :kid and apple_push_team_id = :team
                                then apple_push_token end,
                            apple_push_token_at = case when apple_push_key_id = :kid and apple_push_team_id = :team
                                then apple_push_token_at end,
                            apple_push_key_id = :kid, apple_push_team_id = :team, updated_at = :now
                        where circuit_id = :c""")
                .param("c", circuitId).param("key", box.seal("apple_push_key", key.key().getEncoded()))
                .param("kid", key.keyId()).param("team", key.teamId())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return key;
    }

    void removeApplePushKey(long circuitId) {
        jdbc.sql("""
                        update pass_settings set apple_push_key = null, apple_push_key_id = null, apple_push_team_id = null,
                            apple_push_token = null, apple_push_token_at = null where circuit_id = :c""")
                .param("c", circuitId).update();
    }

    Optional<GoogleServiceAccount> google(long circuitId) {
        return jdbc.sql("select google_key from pass_settings where circuit_id = :c and google_key is not null")
                .param("c", circuitId)
                .query((rs, n) -> GoogleServiceAccount.read(new String(box.open("google_key", rs.getBytes(1)),
                        StandardCharsets.UTF_8)))
                .optional();
    }

    /** Checks the certificate, its password and Apple's intermediate, then stores them. */
    AppleCertificate saveApple(long circuitId, byte[] pkcs12, String password, byte[] wwdr) {
        AppleCertificate cert = AppleCertificate.read(pkcs12, password, wwdr, clock.instant());
        ensureRow(circuitId);
        jdbc.sql("""
                        update pass_settings set apple_pass_type_id = :type, apple_team_id = :team,
                            apple_certificate = :cert, apple_password = :password, apple_wwdr = :wwdr,
                            apple_expires_at = :expires, updated_at = :now where circuit_id = :c""")
                .param("c", circuitId).param("type", cert.passTypeId()).param("team", cert.teamId())
                .param("cert", box.seal("apple_certificate", pkcs12))
                .param("password", box.seal("apple_password", (password == null ? "" : password)
                        .getBytes(StandardCharsets.UTF_8)))
                .param("wwdr", wwdr).param("expires", java.sql.Timestamp.from(cert.expiresAt()))
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return cert;
    }

    /** Checks the issuer id and the key file, then stores them. */
    GoogleServiceAccount saveGoogle(long circuitId, String issuerId, String keyFile) {
        String issuer = issuerId == null ? "" : issuerId.strip();
        if (!issuer.matches("[0-9]{5,30}")) {
            throw new PassCredentialRefused("issuerId", Reason.ISSUER_ID);
        }
        GoogleServiceAccount account = GoogleServiceAccount.read(keyFile);
        ensureRow(circuitId);
        jdbc.sql("""
                        update pass_settings set google_issuer_id = :issuer, google_client_email = :email,
                            google_key = :key, updated_at = :now where circuit_id = :c""")
                .param("c", circuitId).param("issuer", issuer).param("email", account.clientEmail())
                .param("key", box.seal("google_key", keyFile.getBytes(StandardCharsets.UTF_8)))
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return account;
    }

    void saveColours(long circuitId, CardFace.Colour background, CardFace.Colour foreground) {
        ensureRow(circuitId);
        jdbc.sql("update pass_settings set background_colour = :bg, foreground_colour = :fg, updated_at = :now "
                        + "where circuit_id = :c")
                .param("c", circuitId).param("bg", background.hex()).param("fg", foreground.hex())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
    }

    void removeApple(long circuitId) {
        jdbc.sql("""
                        update pass_settings set apple_pass_type_id = null, apple_team_id = null, apple_certificate = null,
                            apple_password = null, apple_wwdr = null, apple_expires_at = null where circuit_id = :c""")
                .param("c", circuitId).update();
    }

    void removeGoogle(long circuitId) {
        jdbc.sql("update pass_settings set google_issuer_id = null, google_client_email = null, google_key = null "
                        + "where circuit_id = :c")
                .param("c", circuitId).update();
    }

    private void ensureRow(long circuitId) {
        jdbc.sql("insert into pass_settings (circuit_id, updated_at) values (:c, :now) on conflict do nothing")
                .param("c", circuitId).param("now", java.sql.Timestamp.from(clock.instant())).update();
    }


    private static PassSetup setup(long circuitId, ResultSet rs) throws SQLException {
        java.sql.Timestamp expires = rs.getTimestamp(5);
        return new PassSetup(circuitId, new CardFace.Colour(rs.getString(1)), new CardFace.Colour(rs.getString(2)),
                rs.getString(3), rs.getString(4), expires == null ? null : expires.toInstant(), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }
}
