package org.loyaltyhub.customers.internal;

import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.AttemptLimits;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.SignInLimits;
import org.loyaltyhub.shared.TooManyAttempts;
import org.loyaltyhub.shared.OneTimeTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customers' accounts for the customer area. Signing up with an e-mail that a member already has (enrolled at the
 * counter, say) attaches the account to that member, but only once the e-mail link is followed: nobody reaches a
 * member's card without owning its address. Links are valid once; a sign-in link for 20 minutes, a confirmation for
 * two days; at most five links an hour per member. Repeated wrong passwords stop the address they come from for a
 * while ({@link SignInLimits}).
 */
@Service
@Transactional
public class CustomerAccounts {

    static final Duration VERIFY_FOR = Duration.ofDays(2);
    static final Duration SIGN_IN_FOR = Duration.ofMinutes(20);
    static final int LINKS_PER_HOUR = 5;
    /** The member id of an address without an account: no row has it. */
    private static final long NOBODY = -1;

    private final JdbcClient jdbc;
    private final Members members;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Mailer mailer;
    private final SignInLimits signInLimits;
    private final AttemptLimits limits;
    private final AttemptLimits.Limit signUpsPerAddress;
    private final AttemptLimits.Limit signUpsPerEmail;
    private volatile String dummyHash;

    CustomerAccounts(JdbcClient jdbc, Members members, PasswordEncoder encoder, Clock clock, Mailer mailer,
                     SignInLimits signInLimits, AttemptLimits limits,
                     @Value("${loyaltyhub.security.sign-ups-per-address:20}") int perAddress,
                     @Value("${loyaltyhub.security.sign-ups-per-email:3}") int perEmail) {
        this.jdbc = jdbc;
        this.members = members;
        this.encoder = encoder;
        this.clock = clock;
        this.mailer = mailer;
        this.signInLimits = signInLimits;
        this.limits = limits;
        this.signUpsPerAddress = new AttemptLimits.Limit("sign-up:address", perAddress, Duration.ofHours(1));
        this.signUpsPerEmail = new AttemptLimits.Limit("sign-up:email", perEmail, Duration.ofHours(1));
    }

    public record SignUp(String firstName, String lastName, String email, String password, boolean privacy,
                         boolean terms, boolean newsletter, Long storeId, Language language) {
    }

    /** A link to e-mail: to whom, the token, and whether it confirms a sign-up or signs in. */
    public record Link(String email, String name, String token, Purpose purpose, long memberId) {
    }

    public enum Purpose { VERIFY, SIGN_IN }

    public enum SignInResult { OK, WRONG, UNVERIFIED }

    /**
     * Validates the form and records the sign-up, and queues the confirmation e-mail that {@code mail} writes; nothing
     * is sent when the address already has a confirmed account (the page then says the same as for a new one, so
     * addresses can't be probed). Points for signing up wait for the confirmation. Too many sign-ups from one network
     * address, or with one e-mail, in an hour are refused with {@link TooManyAttempts}. Returns the member signed up
     * (empty for an address whose account is already confirmed).
     */
    public Optional<Long> signUp(long circuitId, SignUp form, String privacyVersion, String termsVersion, String clientAddress,
                       Function<Link, Mailer.Mail> mail) {
        Map<String, String> errors = new LinkedHashMap<>();
        String email = form.email() == null ? "" : form.email().strip();
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            errors.put("email", "join.error.email");
        }
        if (form.password() == null || form.password().length() < 10 || form.password().length() > 200) {
            errors.put("password", "join.error.password");
        }
        if (!form.privacy()) {
            errors.put("privacy", "join.error.privacy");
        }
        if (!form.terms()) {
            errors.put("terms", "join.error.terms");
        }
        if (length(form.firstName()) > 100 || length(form.lastName()) > 100) {
            errors.put("firstName", "join.error.name");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String emailKey = circuitId + " " + email;
        limits.wait(signUpsPerAddress, clientAddress).or(() -> limits.wait(signUpsPerEmail, emailKey))
                .ifPresent(wait -> {
                    throw new TooManyAttempts(wait);
                });
        limits.count(signUpsPerAddress, clientAddress);
        limits.count(signUpsPerEmail, emailKey);
        Optional<Member> existing = members.byEmail(circuitId, email);
        Member member;
        if (existing.isPresent()) {
            member = existing.get();
            if (verified(member.id())) {
                return Optional.empty();
            }
        } else {
            // the newsletter (and its points) counts once the address is confirmed, like for an existing member
            Map<ConsentKind, String> consents = new LinkedHashMap<>();
            consents.put(ConsentKind.PRIVACY, privacyVersion);
            consents.put(ConsentKind.TERMS, termsVersion);
            member = members.signUp(circuitId, form.storeId(), blankToNull(form.firstName()),
                    blankToNull(form.lastName()), email, form.language(), consents);
        }
        // an unconfirmed account takes the latest sign-up's password: only the owner of the address can confirm it
        jdbc.sql("""
                        insert into customer_account (member_id, circuit_id, password_hash) values (:m, :c, :hash)
                        on conflict (member_id) do update set password_hash = excluded.password_hash
                        where customer_account.verified_at is null""")
                .param("m", member.id()).param("c", circuitId).param("hash", encoder.encode(form.password())).update();
        // consents given on this form count once the address is confirmed; recorded now they would be a stranger's
        pendingConsents(member.id(), form.newsletter());
        MadeLink made = link(circuitId, member, Purpose.VERIFY);
        if (made.written()) {
            mailer.send(mail.apply(made.link()));
        }
        return Optional.of(member.id());
    }

    /** Follows a confirmation link: the account becomes usable and the customer is signed in. */
    public Optional<Customer> verify(long circuitId, String token, String privacyVersion, String termsVersion) {
        return consume(circuitId, token, Purpose.VERIFY).map(memberId -> {
            boolean firstTime = jdbc.sql("update customer_account set verified_at = :now where member_id = :m "
                            + "and verified_at is null")
                    .param("now", Timestamp.from(clock.instant())).param("m", memberId).update() == 1;
            if (firstTime) {
                Member m = members.own(circuitId, memberId);
                acceptMissing(m, ConsentKind.PRIVACY, privacyVersion);
                acceptMissing(m, ConsentKind.TERMS, termsVersion);
                jdbc.sql("select newsletter from customer_pending_consent where member_id = :m")
                        .param("m", memberId).query(Boolean.class).optional()
                        .filter(Boolean::booleanValue)
                        .ifPresent(yes -> members.consent(circuitId, memberId, ConsentKind.NEWSLETTER, true, privacyVersion));
                jdbc.sql("delete from customer_pending_consent where member_id = :m").param("m", memberId).update();
                members.signUpConfirmed(circuitId, memberId);
            }
            return new Customer(circuitId, memberId);
        });
    }

    /**
     * Signs in with e-mail and password. A wrong password gets the same answer whatever the account's state; too many
     * failures from the client's address are refused with {@link TooManyAttempts} before any check.
     */
    public SignInResult signIn(long circuitId, String email, String password, String clientAddress,
                               java.util.function.Consumer<Customer> onSuccess) {
        String accountName = "customer:" + circuitId + ":" + (email == null ? "" : email.strip());
        signInLimits.check(accountName, clientAddress);
        Optional<Member> member = email == null || email.isBlank() ? Optional.empty() : members.byEmail(circuitId, email);
        Optional<Account> account = member.flatMap(m -> account(m.id()));
        if (account.isEmpty() || account.get().passwordHash() == null) {
            encoder.matches(password == null ? "" : password, dummyHash()); // as long as a real check
            signInLimits.failed(accountName, clientAddress);
            return SignInResult.WRONG;
        }
        Account a = account.get();
        if (!encoder.matches(password == null ? "" : password, a.passwordHash())) {
            signInLimits.failed(accountName, clientAddress);
            return SignInResult.WRONG;
        }
        signInLimits.succeeded(accountName, clientAddress);
        if (a.verifiedAt() == null) {
            return SignInResult.UNVERIFIED;
        }
        onSuccess.accept(new Customer(circuitId, a.memberId()));
        return SignInResult.OK;
    }

    /**
     * A link by e-mail instead of a password: a sign-in link for a confirmed account, a new confirmation link for an
     * unconfirmed one, queued as {@code mail} writes it. Nothing for an address without an account (the page answers
     * the same either way).
     */
    public void emailLink(long circuitId, String email, Function<Link, Mailer.Mail> mail) {
        if (email == null || email.isBlank() || email.length() > 254) {
            return;
        }
        // the same statements, the same token and the same message either way: the time taken tells nothing
        Optional<Members.Addressee> member = members.addresseeByEmail(circuitId, email);
        Optional<Account> account = account(member.map(Members.Addressee::id).orElse(NOBODY));
        Purpose purpose = account.map(a -> a.verifiedAt() == null ? Purpose.VERIFY : Purpose.SIGN_IN)
                .orElse(Purpose.SIGN_IN);
        MadeLink made = member.filter(m -> account.isPresent())
                .map(m -> makeLink(circuitId, m.id(), m.email(), m.firstName() == null ? "" : m.firstName(), purpose, true))
                .orElseGet(() -> makeLink(circuitId, NOBODY, email.strip(), "", purpose, false));
        mailer.sendIf(made.written(), mail.apply(made.link()));
    }

    /** Follows a sign-in link. */
    public Optional<Customer> useSignInLink(long circuitId, String token) {
        return consume(circuitId, token, Purpose.SIGN_IN).map(memberId -> new Customer(circuitId, memberId));
    }

    /** Whether a link is still good (its page shows the confirm button only then). */
    @Transactional(readOnly = true)
    public boolean usable(long circuitId, String token, Purpose purpose) {
        return OneTimeTokens.wellFormed(token) && jdbc.sql("select count(*) from customer_token where token_hash = :h "
                        + "and circuit_id = :c and purpose = :p and used_at is null and expires_at > :now")
                .param("h", OneTimeTokens.hash(token)).param("c", circuitId).param("p", purpose.name())
                .param("now", Timestamp.from(clock.instant())).query(Integer.class).single() == 1;
    }

    /** A link for the member: written, unless they asked for {@link #LINKS_PER_HOUR} within the hour. */
    private MadeLink link(long circuitId, Member member, Purpose purpose) {
        return makeLink(circuitId, member.id(), member.email(), member.firstName() == null ? "" : member.firstName(),
                purpose, true);
    }

    /** What {@link #link} made, and whether it was written (only a written link is sent). */
    private record MadeLink(Link link, boolean written) {
    }

    /** Makes a link; with {@code real} false the same statements run and write nothing. */
    private MadeLink makeLink(long circuitId, long memberId, String email, String name, Purpose purpose, boolean real) {
        int recent = jdbc.sql("select count(*) from customer_token where member_id = :m and created_at > :since")
                .param("m", memberId).param("since", Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
                .query(Integer.class).single();
        boolean write = real && recent < LINKS_PER_HOUR;
        String token = OneTimeTokens.next();
        Instant expires = clock.instant().plus(purpose == Purpose.VERIFY ? VERIFY_FOR : SIGN_IN_FOR);
        jdbc.sql("insert into customer_token (token_hash, circuit_id, member_id, purpose, expires_at) "
                        + "select :h, :c, :m, :p, :e where :write")
                .param("h", OneTimeTokens.hash(token)).param("c", circuitId).param("m", memberId)
                .param("p", purpose.name()).param("e", Timestamp.from(expires)).param("write", write).update();
        return new MadeLink(new Link(email, name, token, purpose, memberId), write);
    }

    private Optional<Long> consume(long circuitId, String token, Purpose purpose) {
        if (!OneTimeTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("update customer_token set used_at = :now where token_hash = :h and circuit_id = :c "
                        + "and purpose = :p and used_at is null and expires_at > :now returning member_id")
                .param("now", Timestamp.from(clock.instant())).param("h", OneTimeTokens.hash(token))
                .param("c", circuitId).param("p", purpose.name()).query(Long.class).optional();
    }

    private void acceptMissing(Member m, ConsentKind kind, String version) {
        boolean has = m.consents().stream().anyMatch(c -> c.kind() == kind && c.granted()
                && version.equals(c.textVersion()));
        if (!has) {
            members.consent(m.circuitId(), m.id(), kind, true, version);
        }
    }

    private void pendingConsents(long memberId, boolean newsletter) {
        jdbc.sql("insert into customer_pending_consent (member_id, newsletter) values (:m, :n) "
                        + "on conflict (member_id) do update set newsletter = excluded.newsletter")
                .param("m", memberId).param("n", newsletter).update();
    }

    private boolean verified(long memberId) {
        return account(memberId).map(a -> a.verifiedAt() != null).orElse(false);
    }

    private Optional<Account> account(long memberId) {
        return jdbc.sql("select * from customer_account where member_id = :m").param("m", memberId)
                .query((rs, n) -> new Account(rs.getLong("member_id"), rs.getString("password_hash"),
                        instant(rs.getTimestamp("verified_at"))))
                .optional();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private record Account(long memberId, String passwordHash, Instant verifiedAt) {
    }

    /** A hash of a random password, checked when there is no account, so the answer's timing tells nothing. */
    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = encoder.encode(OneTimeTokens.next());
        }
        return dummyHash;
    }
}
