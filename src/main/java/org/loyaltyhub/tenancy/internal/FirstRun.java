package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.Commands.Setup;
import org.loyaltyhub.tenancy.internal.TenancyService.CreatedCircuit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The first run: whoever installed LoyaltyHub proves it with a one-time token printed in the log, and creates the
 * platform administrator and the first circuit. There is no default password, and the step works exactly once.
 */
@Service
@Transactional
public class FirstRun {

    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final JdbcClient jdbc;
    private final Operators operators;
    private final TenancyService tenancy;

    FirstRun(JdbcClient jdbc, Operators operators, TenancyService tenancy) {
        this.jdbc = jdbc;
        this.operators = operators;
        this.tenancy = tenancy;
    }

    @Transactional(readOnly = true)
    public boolean required() {
        return !operators.platformAdminExists();
    }

    /**
     * A fresh token for this start, or {@code null} when set-up is done. Only its hash is stored, and it is added to
     * the tokens other nodes (or earlier starts) printed: whichever log the installer reads, its token works.
     */
    public String newToken() {
        if (!required()) {
            return null;
        }
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        jdbc.sql("insert into setup_token (token_hash) values (:hash) on conflict do nothing")
                .param("hash", Hashing.sha256(token)).update();
        return token;
    }

    public Result complete(Setup setup) {
        // one set-up at a time, whichever node's token it brings; the second then finds it done
        jdbc.sql("lock table setup_token in share row exclusive mode").update();
        int claimed = jdbc.sql("update setup_token set used_at = now() where used_at is null and token_hash = :hash")
                .param("hash", Hashing.sha256(setup.token().strip())).update();
        if (!required()) {
            throw new LoyaltyException("setup-done", Failure.CONFLICT, "Set-up has already been completed");
        }
        if (claimed != 1) {
            throw new LoyaltyException("invalid-setup-token", Failure.FORBIDDEN,
                    "The set-up token is wrong; copy it from the server log");
        }
        long adminId = tenancy.createAccount(null, Role.PLATFORM_ADMIN, null, null, setup.platformAdmin());
        CreatedCircuit circuit = tenancy.createCircuit(setup.circuit(), setup.circuitAdmin());
        log.info("Set-up complete: platform administrator {} and circuit '{}' created",
                setup.platformAdmin().email(), circuit.circuit().name());
        return new Result(adminId, circuit);
    }

    public record Result(long platformAdminId, CreatedCircuit circuit) {
    }
}
