package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.ConsentChanged;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberEnrolled;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
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

    private final JdbcClient jdbc;
    private final MemberRows rows;
    private final Tenancy tenancy;
    private final ApplicationEventPublisher events;
    private final java.util.Set<List<Long>> related = java.util.concurrent.ConcurrentHashMap.newKeySet();

    MemberService(JdbcClient jdbc, MemberRows rows, Tenancy tenancy, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.tenancy = tenancy;
        this.events = events;
    }

    public Member enrol(Caller caller, NewMember m) {
        long circuitId = caller.circuit();
        if (m.email() == null && m.phone() == null) {
            throw new InvalidInput("email", "give an e-mail or a phone number");
        }
        Store store = m.storeId() != null || !caller.isCircuitAdmin() ? storeOrNull(caller, m.storeId()) : null;
        if (m.preferredStoreId() != null) {
            tenancy.store(circuitId, m.preferredStoreId());
        }
        if (m.email() != null) {
            existingByEmail(circuitId, m.email()).ifPresent(id -> {
                throw new LoyaltyException("member-exists", 409,
                        "A member with this e-mail is already enrolled in the circuit").with("existingMemberId", id)
                        .with("field", "email");
            });
        }
        Long companyId = store == null ? null : store.companyId();
        long id = jdbc.sql("""
                        insert into member (circuit_id, first_name, last_name, email, phone, birth_date, gender, city,
                                            postcode, preferred_store_id, enrolled_company_id, enrolled_store_id)
                        values (:c, :first, :last, :email, :phone, :birth, :gender, :city, :postcode, :preferred,
                                :company, :store) returning id""")
                .param("c", circuitId).param("first", trim(m.firstName())).param("last", trim(m.lastName()))
                .param("email", trim(m.email())).param("phone", normalizePhone(m.phone()))
                .param("birth", m.birthDate() == null ? null : Date.valueOf(m.birthDate())).param("gender", m.gender())
                .param("city", trim(m.city())).param("postcode", trim(m.postcode()))
                .param("preferred", m.preferredStoreId()).param("company", companyId)
                .param("store", store == null ? null : store.id())
                .query(Long.class).single();
        issueCard(circuitId, id, m.cardGroup(), m.brand());
        if (companyId != null) {
            relate(circuitId, id, companyId);
        }
        if (m.externalIds() != null) {
            m.externalIds().forEach(x -> addExternalId(circuitId, id, x));
        }
        events.publishEvent(new MemberEnrolled(circuitId, id, companyId, store == null ? null : store.id(),
                caller.actor()));
        if (m.consents() != null) {
            m.consents().forEach(c -> recordConsent(circuitId, id, c, companyId, caller.actor()));
        }
        return rows.find(circuitId, id).orElseThrow();
    }

    private Store storeOrNull(Caller caller, Long storeId) {
        try {
            return tenancy.storeFor(caller, storeId);
        } catch (InvalidInput e) {
            if (storeId == null && caller.companyId() != null) {
                return null; // a company with several stores may enrol online, without a store
            }
            throw e;
        }
    }

    private void issueCard(long circuitId, long memberId, String group, String brand) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int inserted = jdbc.sql("insert into card (circuit_id, member_id, number, qr_payload, card_group, brand) "
                            + "values (:c, :m, :number, :qr, :group, :brand) on conflict do nothing")
                    .param("c", circuitId).param("m", memberId).param("number", CardNumbers.next())
                    .param("qr", CardNumbers.qrPayload()).param("group", trim(group)).param("brand", trim(brand))
                    .update();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("could not draw a free card number");
    }

    private Optional<Long> existingByEmail(long circuitId, String email) {
        return jdbc.sql("select id from member where circuit_id = :c and lower(email) = lower(:email)")
                .param("c", circuitId).param("email", email.strip()).query(Long.class).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Member visible(Caller caller, long memberId) {
        Member member = rows.find(caller.circuit(), memberId).orElseThrow(() -> new NotFound("Member", memberId));
        if (!sees(caller, memberId)) {
            throw new NotFound("Member", memberId);
        }
        return member;
    }

    @Override
    @Transactional(readOnly = true)
    public Member identify(Caller caller, MemberIdentifier identifier) {
        long id = resolve(caller, identifier);
        return rows.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Member", describe(identifier)));
    }

    @Override
    @Transactional(readOnly = true)
    public long resolve(Caller caller, MemberIdentifier identifier) {
        if (identifier.count() != 1 || (identifier.externalId() != null && identifier.connection() == null)) {
            throw new InvalidInput("member", "name the member by exactly one of id, card, qr, email, phone or "
                    + "connection + externalId");
        }
        long circuitId = caller.circuit();
        if (identifier.card() != null && !CardNumbers.valid(identifier.card().strip())) {
            throw new InvalidInput("card", "is not a valid card number (check digit)");
        }
        Optional<Long> id;
        if (identifier.id() != null) {
            id = one("select id from member where circuit_id = :c and id = cast(:v as bigint)", circuitId,
                    String.valueOf(identifier.id()));
        } else if (identifier.card() != null) {
            id = one("select member_id from card where circuit_id = :c and number = :v", circuitId, identifier.card().strip());
        } else if (identifier.qr() != null) {
            id = one("select member_id from card where circuit_id = :c and qr_payload = :v", circuitId, identifier.qr().strip());
        } else if (identifier.email() != null) {
            id = existingByEmail(circuitId, identifier.email());
        } else if (identifier.phone() != null) {
            id = one("select id from member where circuit_id = :c and phone = :v order by id limit 1", circuitId,
                    normalizePhone(identifier.phone()));
        } else {
            id = jdbc.sql("select member_id from member_external_id where circuit_id = :c and connection = :conn "
                            + "and external_id = :v")
                    .param("c", circuitId).param("conn", identifier.connection()).param("v", identifier.externalId())
                    .query(Long.class).optional();
        }
        long memberId = id.orElseThrow(() -> new NotFound("Member", describe(identifier)));
        if (!identifier.presentedByCustomer() && !sees(caller, memberId)) {
            throw new NotFound("Member", describe(identifier));
        }
        return memberId;
    }

    private Optional<Long> one(String sql, long circuitId, String value) {
        return jdbc.sql(sql).param("c", circuitId).param("v", value).query(Long.class).optional();
    }

    private static String describe(MemberIdentifier i) {
        if (i.id() != null) {
            return String.valueOf(i.id());
        }
        if (i.card() != null) {
            return "with card " + i.card();
        }
        if (i.qr() != null) {
            return "with that QR code";
        }
        if (i.email() != null) {
            return "with e-mail " + i.email();
        }
        if (i.phone() != null) {
            return "with phone " + i.phone();
        }
        return "with " + i.connection() + " id " + i.externalId();
    }

    private boolean sees(Caller caller, long memberId) {
        if (caller.isCircuitAdmin()) {
            return true;
        }
        Circuit circuit = tenancy.circuit(caller.circuit());
        if (!circuit.companiesKeptApart()) {
            return true;
        }
        return jdbc.sql("select exists (select 1 from member_company where member_id = :m and company_id = :company)")
                .param("m", memberId).param("company", caller.companyId()).query(Boolean.class).single();
    }

    @Override
    public void relate(long circuitId, long memberId, long companyId) {
        List<Long> key = List.of(memberId, companyId);
        if (related.contains(key)) {
            return; // relationships are never removed, so a known one needs no statement
        }
        jdbc.sql("insert into member_company (circuit_id, member_id, company_id) values (:c, :m, :company) "
                        + "on conflict do nothing")
                .param("c", circuitId).param("m", memberId).param("company", companyId).update();
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            remember(key);
                        }
                    });
        }
    }

    private void remember(List<Long> relation) {
        if (related.size() > 500_000) {
            related.clear();
        }
        related.add(relation);
    }

    @Transactional(readOnly = true)
    public Page<Member> search(Caller caller, String query, PageQuery page) {
        long circuitId = caller.circuit();
        boolean restricted = !caller.isCircuitAdmin() && tenancy.circuit(circuitId).companiesKeptApart();
        String q = query == null || query.isBlank() ? null : query.strip().toLowerCase();
        String where = """
                m.circuit_id = :c
                and (not :restricted or exists (select 1 from member_company mc where mc.member_id = m.id
                                                and mc.company_id = :company))
                and (cast(:q as text) is null
                     or lower(m.email) like :like or m.phone like :phoneLike
                     or lower(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '')) like :like
                     or lower(coalesce(m.last_name, '') || ' ' || coalesce(m.first_name, '')) like :like
                     or exists (select 1 from card cd where cd.member_id = m.id and cd.number = :q))""";
        String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String phoneLike = q == null ? null : "%" + normalizePhone(q) + "%";
        long total = jdbc.sql("select count(*) from member m where " + where)
                .param("c", circuitId).param("restricted", restricted).param("company", caller.companyId())
                .param("q", q).param("like", like).param("phoneLike", phoneLike).query(Long.class).single();
        List<Long> ids = jdbc.sql("select m.id from member m where " + where
                        + " order by lower(m.last_name), lower(m.first_name), m.id limit :limit offset :offset")
                .param("c", circuitId).param("restricted", restricted).param("company", caller.companyId())
                .param("q", q).param("like", like).param("phoneLike", phoneLike)
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        return Page.of(ids.stream().map(id -> rows.find(circuitId, id).orElseThrow()).toList(), page, total);
    }

    public Member changeProfile(Caller caller, long memberId, ProfileChange c) {
        Member m = visible(caller, memberId);
        if (c.email() != null && !c.email().equalsIgnoreCase(m.email())) {
            existingByEmail(caller.circuit(), c.email()).ifPresent(other -> {
                throw new LoyaltyException("member-exists", 409, "Another member already uses this e-mail")
                        .with("existingMemberId", other).with("field", "email");
            });
        }
        if (c.preferredStoreId() != null) {
            tenancy.store(caller.circuit(), c.preferredStoreId());
        }
        jdbc.sql("""
                        update member set first_name = coalesce(:first, first_name), last_name = coalesce(:last, last_name),
                               email = coalesce(:email, email), phone = coalesce(:phone, phone),
                               birth_date = coalesce(:birth, birth_date), gender = coalesce(:gender, gender),
                               city = coalesce(:city, city), postcode = coalesce(:postcode, postcode),
                               preferred_store_id = coalesce(:preferred, preferred_store_id)
                         where circuit_id = :c and id = :id""")
                .param("first", trim(c.firstName())).param("last", trim(c.lastName())).param("email", trim(c.email()))
                .param("phone", normalizePhone(c.phone()))
                .param("birth", c.birthDate() == null ? null : Date.valueOf(c.birthDate()))
                .param("gender", c.gender()).param("city", trim(c.city())).param("postcode", trim(c.postcode()))
                .param("preferred", c.preferredStoreId()).param("c", caller.circuit()).param("id", memberId).update();
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
            throw new LoyaltyException("external-id-taken", 409, "This external id belongs to another member")
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

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String normalizePhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9+]", "");
        return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
    }
}
