package org.loyaltyhub.members.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;
import org.loyaltyhub.members.CardLabel;
import org.loyaltyhub.members.ConsentChanged;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberEnrolled;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.MemberQuery;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.members.SharedPhoneNumber;
import org.loyaltyhub.members.internal.MemberCommands.ConsentInput;
import org.loyaltyhub.members.internal.MemberCommands.ExternalIdInput;
import org.loyaltyhub.members.internal.MemberCommands.NewMember;
import org.loyaltyhub.members.internal.MemberCommands.ProfileChange;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Enrols and finds members. When the circuit keeps companies apart, a company sees only the members it has a
 * relationship with (enrolment or a purchase); a card or QR code presented at the counter identifies any member of
 * the circuit, because in a coalition the customer earns everywhere.
 */
@Service
@Transactional
public class MemberService implements Members {

    /** The actor of an online sign-up: such a member awaits the confirmation of their e-mail address. */
    static final String SELF_SIGN_UP = "customer:sign-up";

    private final JdbcClient jdbc;
    private final MemberRows rows;
    private final MemberFinder finder;
    private final Tenancy tenancy;
    private final ApplicationEventPublisher events;
    private final Cards cards;
    private final Clock clock;
    private final MovingIn movingIn;
    /** Member–company relationships known to be committed (they are never removed). */
    private final Cache<List<Long>, Boolean> related =
            Caffeine.newBuilder().maximumSize(500_000).build();

    MemberService(JdbcClient jdbc, MemberRows rows, MemberFinder finder, Tenancy tenancy,
                  ApplicationEventPublisher events, Cards cards, Clock clock, MovingIn movingIn) {
        this.movingIn = movingIn;
        this.cards = cards;
        this.clock = clock;
        this.jdbc = jdbc;
        this.rows = rows;
        this.finder = finder;
        this.tenancy = tenancy;
        this.events = events;
    }

    public Member enrol(Caller caller, NewMember m) {
        long circuitId = caller.circuit();
        if (m.email() == null && m.phone() == null) {
            throw new InvalidInput("email", "give an e-mail or a phone number");
        }
        Store store = enrolmentStore(caller, m.storeId());
        Long companyId = store != null ? Long.valueOf(store.companyId()) : caller.companyId();
        if (m.phone() != null && !Boolean.TRUE.equals(m.allowSharedPhone())) {
            List<Long> sharing = finder.byPhone(circuitId, finder.phone(circuitId, m.phone()));
            if (!sharing.isEmpty()) {
                throw new SharedPhoneNumber(sharing.size(), finder.candidates(circuitId,
                        sharing.stream().filter(id -> finder.sees(caller, id)).toList()));
            }
        }
        return enrol(circuitId, companyId, store, m, caller.actor());
    }

    @Override
    public Member signUp(long circuitId, Long storeId, String firstName, String lastName, String email,
                         Language language, java.util.Map<org.loyaltyhub.members.ConsentKind, String> consents) {
        Store store = storeId == null ? null : tenancy.store(circuitId, storeId);
        List<ConsentInput> given = consents.entrySet().stream()
                .map(c -> new ConsentInput(c.getKey(), true, c.getValue(), "sign-up")).toList();
        return enrol(circuitId, store == null ? null : store.companyId(), store, new NewMember(firstName, lastName,
                email, null, null, null, null, null, null, null, null, null, given, null, null, language),
                SELF_SIGN_UP);
    }

    @Override
    public void signUpConfirmed(long circuitId, long memberId) {
        Member m = own(circuitId, memberId);
        events.publishEvent(new org.loyaltyhub.members.MemberSignUpConfirmed(circuitId, memberId,
                m.enrolledCompanyId(), m.enrolledStoreId()));
    }

    @Override
    @Transactional(readOnly = true)
    public long countOfCircuit(long circuitId) {
        return jdbc.sql("select count(*) from member where circuit_id = :c").param("c", circuitId)
                .query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public long countOfCompany(long circuitId, long companyId) {
        return jdbc.sql("select count(*) from member_company where circuit_id = :c and company_id = :co")
                .param("c", circuitId).param("co", companyId).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Member> matching(long circuitId, MemberQuery query, long afterId, int limit) {
        return finder.matching(circuitId, query.text(), filter(query), afterId, limit).stream()
                .map(id -> rows.find(circuitId, id).orElseThrow()).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long countMatching(long circuitId, MemberQuery query) {
        return finder.countMatching(circuitId, query.text(), filter(query));
    }

    private static MemberFilter filter(MemberQuery q) {
        return new MemberFilter(q.storeId(), q.newsletter(), q.since(), q.cardGroup(), q.brand());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> find(long circuitId, MemberIdentifier identifier) {
        return finder.find(circuitId, identifier);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Member> byEmail(long circuitId, String email) {
        return finder.byEmail(circuitId, email).flatMap(id -> rows.find(circuitId, id));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Addressee> addresseeByEmail(long circuitId, String email) {
        return finder.addresseeByEmail(circuitId, email);
    }

    @Override
    @Transactional(readOnly = true)
    public Member own(long circuitId, long memberId) {
        return rows.find(circuitId, memberId).orElseThrow(() -> new NotFound("Member", memberId));
    }

    @Override
    public void consent(long circuitId, long memberId, org.loyaltyhub.members.ConsentKind kind, boolean granted,
                        String textVersion) {
        own(circuitId, memberId);
        recordConsent(circuitId, memberId, new ConsentInput(kind, granted, textVersion, "customer-area"), null,
                "member:" + memberId);
    }

    @Override
    public void changeLanguage(long circuitId, long memberId, Language language) {
        own(circuitId, memberId);
        jdbc.sql("update member set language = :language where circuit_id = :c and id = :m")
                .param("language", java.util.Objects.requireNonNull(language).name()).param("c", circuitId)
                .param("m", memberId).update();
    }

    @Override
    public void withdraw(long circuitId, long memberId, org.loyaltyhub.members.ConsentKind kind, String source) {
        own(circuitId, memberId);
        rows.consents(memberId).stream().filter(c -> c.kind() == kind && c.granted()).findFirst()
                .ifPresent(c -> recordConsent(circuitId, memberId, new ConsentInput(kind, false, c.textVersion(),
                        source), null, "member:" + memberId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> bornOn(long circuitId, java.time.MonthDay day, long afterId, int limit) {
        return jdbc.sql("select id from member where circuit_id = :c and id > :after and birth_date is not null "
                        + "and extract(month from birth_date) = :month and extract(day from birth_date) = :day "
                        + "order by id limit :limit")
                .param("c", circuitId).param("after", afterId).param("month", day.getMonthValue())
                .param("day", day.getDayOfMonth()).param("limit", limit).query(Long.class).list();
    }

    private Member enrol(long circuitId, Long companyId, Store store, NewMember m, String actor) {
        String group = text(CardGroup.read(m.cardGroup()));
        String brand = text(CardBrand.read(m.brand()));
        if (m.preferredStoreId() != null) {
            tenancy.store(circuitId, m.preferredStoreId());
        }
        if (m.email() != null) {
            finder.byEmail(circuitId, m.email()).ifPresent(id -> {
                throw new LoyaltyException("member-exists", Failure.CONFLICT,
                        "A member with this e-mail is already enrolled in the circuit").with("existingMemberId", id)
                        .with("field", "email");
            });
        }
        long id = jdbc.sql("""
                        insert into member (circuit_id, first_name, last_name, email, phone, birth_date, gender, city,
                                            postcode, preferred_store_id, enrolled_company_id, enrolled_store_id,
                                            language, created_at)
                        values (:c, :first, :last, :email, :phone, :birth, :gender, :city, :postcode, :preferred,
                                :company, :store, :language, :at) returning id""")
                .param("c", circuitId).param("first", trim(m.firstName())).param("last", trim(m.lastName()))
                .param("email", trim(m.email())).param("phone", phone(circuitId, m.phone()))
                .param("birth", m.birthDate() == null ? null : Date.valueOf(m.birthDate())).param("gender", m.gender())
                .param("city", trim(m.city())).param("postcode", trim(m.postcode()))
                .param("preferred", m.preferredStoreId()).param("company", companyId)
                .param("store", store == null ? null : store.id())
                .param("language", m.language() == null ? null : m.language().name())
                .param("at", Timestamp.from(clock.instant())) // the application's time: anniversaries follow it
                .query(Long.class).single();
        cards.issue(circuitId, id, group, brand);
        if (companyId != null) {
            relate(circuitId, id, companyId);
        }
        if (m.externalIds() != null) {
            m.externalIds().forEach(x -> addExternalId(circuitId, id, x));
        }
        events.publishEvent(new MemberEnrolled(circuitId, id, companyId, store == null ? null : store.id(), actor,
                SELF_SIGN_UP.equals(actor)));
        if (m.consents() != null) {
            m.consents().forEach(c -> recordConsent(circuitId, id, c, companyId, actor));
        }
        return rows.find(circuitId, id).orElseThrow();
    }

    @Override
    public long moveIn(long circuitId, org.loyaltyhub.members.MovingMember m, String actor) {
        if (!movingIn.taken(circuitId, List.of(m)).getFirst().isEmpty()) {
            throw new LoyaltyException("member-exists", Failure.CONFLICT, "A member with this e-mail, phone, card or shop id is "
                    + "already enrolled in the circuit");
        }
        return movingIn.moveIn(circuitId, List.of(m), actor).getFirst();
    }

    @Override
    public List<Long> moveIn(long circuitId, List<org.loyaltyhub.members.MovingMember> members, String actor) {
        return movingIn.moveIn(circuitId, members, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<java.util.Set<org.loyaltyhub.members.MemberKey>> taken(long circuitId,
                                                                         List<org.loyaltyhub.members.MovingMember> members) {
        return movingIn.taken(circuitId, members);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Member> after(long circuitId, long afterId, int limit) {
        return jdbc.sql("select id from member where circuit_id = :c and id > :after order by id limit :limit")
                .param("c", circuitId).param("after", afterId).param("limit", limit).query(Long.class).list()
                .stream().map(id -> rows.find(circuitId, id).orElseThrow()).toList();
    }

    /**
     * The store a member is enrolled at: the one named, the caller's own, or a company's only store. A company with
     * several stores (its administrator, a company-wide API key, its web shop) enrols without a store. Asked without
     * catching a refusal: an exception out of the transactional tenancy facade would doom this transaction too.
     */
    private Store enrolmentStore(Caller caller, Long storeId) {
        if (storeId != null || caller.storeId() != null) {
            return tenancy.storeFor(caller, storeId);
        }
        if (caller.companyId() == null) {
            return null;
        }
        List<Store> own = tenancy.storesOf(caller.circuit(), caller.companyId());
        return own.size() == 1 ? own.getFirst() : null;
    }

    @Override
    @Transactional(readOnly = true)
    public Member visible(Caller caller, long memberId) {
        Member member = rows.find(caller.circuit(), memberId).orElseThrow(() -> new NotFound("Member", memberId));
        if (!finder.sees(caller, memberId)) {
            throw new NotFound("Member", memberId);
        }
        return member;
    }

    @Override
    @Transactional(readOnly = true)
    public Member identify(Caller caller, MemberIdentifier identifier) {
        long id = finder.resolve(caller, identifier);
        return rows.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Member", MemberFinder.describe(identifier)));
    }

    @Override
    @Transactional(readOnly = true)
    public long resolve(Caller caller, MemberIdentifier identifier) {
        return finder.resolve(caller, identifier);
    }

    @Override
    @Transactional(readOnly = true)
    public Page<Member> search(Caller caller, String query, PageQuery page) {
        return finder.search(caller, query, page);
    }

    @Transactional(readOnly = true)
    public Page<Member> search(Caller caller, String query, MemberFilter filter, PageQuery page) {
        return finder.search(caller, query, filter, page);
    }

    @Override
    public void relate(long circuitId, long memberId, long companyId) {
        List<Long> key = List.of(memberId, companyId);
        if (related.getIfPresent(key) != null) {
            return; // relationships are never removed, so a known one needs no statement
        }
        jdbc.sql("insert into member_company (circuit_id, member_id, company_id) values (:c, :m, :company) "
                        + "on conflict do nothing")
                .param("c", circuitId).param("m", memberId).param("company", companyId).update();
        // not if the savepoint around this insert rolls back: the relationship would be known but missing
        org.loyaltyhub.shared.OnCommit.run(() -> related.put(key, Boolean.TRUE));
    }

    public Member changeProfile(Caller caller, long memberId, ProfileChange c) {
        Member m = visible(caller, memberId);
        if (c.email() != null && !c.email().equalsIgnoreCase(m.email())) {
            finder.byEmail(caller.circuit(), c.email()).ifPresent(other -> {
                throw new LoyaltyException("member-exists", Failure.CONFLICT, "Another member already uses this e-mail")
                        .with("existingMemberId", other).with("field", "email");
            });
        }
        if (c.preferredStoreId() != null) {
            tenancy.store(caller.circuit(), c.preferredStoreId());
        }
        // absent leaves a label, blank removes it, text sets it
        Cards.Change<CardGroup> group = c.cardGroup() == null ? null : new Cards.Change<>(CardGroup.read(c.cardGroup()));
        Cards.Change<CardBrand> brand = c.brand() == null ? null : new Cards.Change<>(CardBrand.read(c.brand()));
        if (group != null || brand != null) {
            cards.relabel(caller.circuit(), memberId, group, brand);
        }
        jdbc.sql("""
                        update member set first_name = coalesce(:first, first_name), last_name = coalesce(:last, last_name),
                               email = coalesce(:email, email), phone = coalesce(:phone, phone),
                               birth_date = coalesce(:birth, birth_date), gender = coalesce(:gender, gender),
                               city = coalesce(:city, city), postcode = coalesce(:postcode, postcode),
                               preferred_store_id = coalesce(:preferred, preferred_store_id),
                               language = coalesce(:language, language)
                         where circuit_id = :c and id = :id""")
                .param("first", trim(c.firstName())).param("last", trim(c.lastName())).param("email", trim(c.email()))
                .param("phone", phone(caller.circuit(), c.phone()))
                .param("birth", c.birthDate() == null ? null : Date.valueOf(c.birthDate()))
                .param("gender", c.gender()).param("city", trim(c.city())).param("postcode", trim(c.postcode()))
                .param("preferred", c.preferredStoreId()).param("c", caller.circuit()).param("id", memberId)
                .param("language", c.language() == null ? null : c.language().name()).update();
        return visible(caller, memberId);
    }

    public Member changeConsents(Caller caller, long memberId, List<ConsentInput> consents) {
        visible(caller, memberId);
        consents.forEach(c -> recordConsent(caller.circuit(), memberId, c, caller.companyId(), caller.actor()));
        return visible(caller, memberId);
    }

    @Transactional(readOnly = true)
    public List<Member.Consent> consentHistory(Caller caller, long memberId) {
        visible(caller, memberId);
        return rows.consentHistory(memberId);
    }

    public Member addExternalId(Caller caller, long memberId, ExternalIdInput x) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        visible(caller, memberId);
        addExternalId(caller.circuit(), memberId, x);
        return visible(caller, memberId);
    }

    private void addExternalId(long circuitId, long memberId, ExternalIdInput x) {
        Optional<Long> owner = jdbc.sql("select member_id from member_external_id where circuit_id = :c "
                        + "and connection = :conn and external_id = :x")
                .param("c", circuitId).param("conn", x.connection()).param("x", x.externalId()).query(Long.class)
                .optional();
        if (owner.isPresent() && owner.get() != memberId) {
            throw new LoyaltyException("external-id-taken", Failure.CONFLICT, "This external id belongs to another member")
                    .with("existingMemberId", owner.get());
        }
        jdbc.sql("insert into member_external_id (circuit_id, connection, external_id, member_id) "
                        + "values (:c, :conn, :x, :m) on conflict do nothing")
                .param("c", circuitId).param("conn", x.connection()).param("x", x.externalId()).param("m", memberId)
                .update();
    }

    private void recordConsent(long circuitId, long memberId, ConsentInput c, Long companyId, String actor) {
        boolean changed = rows.consents(memberId).stream().noneMatch(cur -> cur.kind() == c.kind()
                && cur.granted() == c.granted() && cur.textVersion().equals(c.textVersion()));
        if (!changed) {
            return;
        }
        jdbc.sql("insert into consent (circuit_id, member_id, kind, granted, text_version, source) "
                        + "values (:c, :m, :kind, :granted, :version, :source)")
                .param("c", circuitId).param("m", memberId).param("kind", c.kind().name()).param("granted", c.granted())
                .param("version", c.textVersion()).param("source", c.source() == null ? "api" : c.source()).update();
        events.publishEvent(new ConsentChanged(circuitId, memberId, c.kind(), c.granted(), companyId, actor));
    }

    private static String text(CardLabel label) {
        return label == null ? null : label.value();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The number as stored (E.164), or null when none was given. */
    private String phone(long circuitId, String typed) {
        return typed == null || typed.isBlank() ? null : finder.phone(circuitId, typed).e164();
    }
}
