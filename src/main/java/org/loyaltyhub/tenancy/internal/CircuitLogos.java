package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Circuits' logos: PNG, JPEG or WebP up to 512 KB, recognised by their first bytes rather than by the name or type the
 * browser sends. The circuit's logo address carries the image's hash, so browsers may cache it for good.
 */
@Service
@Transactional
public class CircuitLogos implements org.loyaltyhub.tenancy.CircuitLogoImages {

    static final int MAX_BYTES = 512 * 1024;

    private final JdbcClient jdbc;
    private final TenancyService tenancy;

    CircuitLogos(JdbcClient jdbc, TenancyService tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    public record Logo(String contentType, byte[] bytes, String sha256) {
    }

    public void upload(Caller caller, byte[] bytes) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInput("logo", "choose an image file");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInput("logo", "must be at most 512 KB");
        }
        String type = typeOf(bytes).orElseThrow(() -> new InvalidInput("logo", "must be a PNG, JPEG or WebP image"));
        String hash = sha256(bytes);
        long circuitId = caller.circuit();
        jdbc.sql("""
                        insert into circuit_logo (circuit_id, content_type, bytes, sha256) values (:c, :t, :b, :h)
                        on conflict (circuit_id) do update set content_type = excluded.content_type,
                               bytes = excluded.bytes, sha256 = excluded.sha256, updated_at = now()""")
                .param("c", circuitId).param("t", type).param("b", bytes).param("h", hash).update();
        tenancy.changeLogoUrl(circuitId, "/circuits/" + circuitId + "/logo?v=" + hash.substring(0, 12));
    }

    public void remove(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        jdbc.sql("delete from circuit_logo where circuit_id = :c").param("c", caller.circuit()).update();
        tenancy.changeLogoUrl(caller.circuit(), null);
    }

    @Transactional(readOnly = true)
    public Optional<Logo> of(long circuitId) {
        return jdbc.sql("select content_type, bytes, sha256 from circuit_logo where circuit_id = :c")
                .param("c", circuitId)
                .query((rs, n) -> new Logo(rs.getString(1), rs.getBytes(2), rs.getString(3))).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<byte[]> image(long circuitId) {
        return of(circuitId).map(Logo::bytes);
    }

    static Optional<String> typeOf(byte[] b) {
        return org.loyaltyhub.shared.web.ImageTypes.of(b);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
