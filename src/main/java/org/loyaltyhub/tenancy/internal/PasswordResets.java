package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.OneTimeTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * "Forgot password" for operators: a link valid for 30 minutes and once, at most three a hour per operator. Setting a
 * new password voids every other link of the operator.
 */
@Service
public class PasswordResets {

    static final Duration VALID_FOR = Duration.ofMinutes(30);
    static final int PER_HOUR = 3;

    private final JdbcClient jdbc;
    private final Operators operators;
    private final PasswordEncoder encoder;
    /** The operator id of an address without an operator: no row has it. */
    private static final long NOBODY = -1;
    private final Clock clock;
    private final Mailer mailer;

    PasswordResets(JdbcClient jdbc, Operators operators, PasswordEncoder encoder, Clock clock, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.operators = operators;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** What to send: the link's token, to whom. */
    public record Link(String email, String name, String token) {
    }

    /**
     * Queues the e-mail that {@code mail} writes for the link, in the transaction that records the link. An unknown
     * or disabled operator, or one who asked too often, gets nothing and nothing is written; but the same statements
     * run and the same token is made either way, so the time taken does not tell a known address from an unknown one.
     */
    @Transactional
    public void request(String email, Function<Link, Mailer.Mail> mail) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        var operator = operators.credentials(email).map(Operators.Credentials::operator).filter(o -> o.enabled());
        long operatorId = operator.map(o -> o.id()).orElse(NOBODY);
        boolean send = recentRequests(operatorId) < PER_HOUR && operator.isPresent();
        String token = OneTimeTokens.next();
        jdbc.sql("insert into password_reset (token_hash, operator_id, expires_at) select :h, :o, :e where :send")
                .param("h", OneTimeTokens.hash(token)).param("o", operatorId)
                .param("e", Timestamp.from(clock.instant().plus(VALID_FOR))).param("send", send).update();
        mailer.sendIf(send, mail.apply(operator.map(o -> new Link(o.email(), o.displayName(), token))
                .orElseGet(() -> new Link(email.strip(), "", token))));
    }

    /** Whether the link can still be used (the form is shown only then). */
    @Transactional(readOnly = true)
    public boolean usable(String token) {
        return operatorOf(token, false).isPresent();
    }

    @Transactional
    public void reset(String token, String password, String repeated) {
        if (password == null || password.length() < 10 || password.length() > 200) {
            throw new InvalidInput("password", "must have at least 10 characters");
        }
        if (!password.equals(repeated)) {
            throw new InvalidInput("repeated", "the two passwords differ");
        }
        long operatorId = operatorOf(token, true)
                .orElseThrow(() -> new InvalidInput("token", "this link has expired or was already used"));
        operators.changePassword(operatorId, encoder.encode(password));
        jdbc.sql("update password_reset set used_at = :now where operator_id = :o and used_at is null")
                .param("now", Timestamp.from(clock.instant())).param("o", operatorId).update();
    }

    private Optional<Long> operatorOf(String token, boolean lock) {
        if (!OneTimeTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("select operator_id from password_reset where token_hash = :h and used_at is null "
                        + "and expires_at > :now" + (lock ? " for update" : ""))
                .param("h", OneTimeTokens.hash(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    private int recentRequests(long operatorId) {
        return jdbc.sql("select count(*) from password_reset where operator_id = :o and created_at > :since")
                .param("o", operatorId).param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .query(Integer.class).single();
    }
}
