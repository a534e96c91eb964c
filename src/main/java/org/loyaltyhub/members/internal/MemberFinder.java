package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.AmbiguousMember;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberCandidate;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.PhoneNumber;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Finding members: by one identifier (id, card, QR, e-mail, phone, external id) or by a search, always within what
 * the caller may see. A card or QR code presented at the counter identifies any member of the circuit.
 */
@Component
class MemberFinder {

    private final JdbcClient jdbc;
    private final MemberRows rows;
    private final Tenancy tenancy;
    private final Cards cards;

    MemberFinder(JdbcClient jdbc, MemberRows rows, Tenancy tenancy, Cards cards) {
        this.cards = cards;
        this.jdbc = jdbc;
        this.rows = rows;
        this.tenancy = tenancy;
    }

    long resolve(Caller caller, MemberIdentifier identifier) {
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
            long wanted = identifier.id();
            // only ids found are remembered (a miss throws, so an id created a moment later is found at once), and
            // only once their transaction commits (a member created by a transaction that rolls back was never there)
            List<Long> key = List.of(circuitId, wanted);
            if (knownIds.getIfPresent(key) == null) {
                one("select id from member where circuit_id = :c and id = cast(:v as bigint)", circuitId,
                        String.valueOf(wanted)).orElseThrow(() -> new NotFound("Member", describe(identifier)));
                org.loyaltyhub.shared.OnCommit.run(() -> knownIds.put(key, Boolean.TRUE));
            }
            id = Optional.of(wanted);
        } else if (identifier.card() != null || identifier.qr() != null) {
            id = cards.presented(circuitId, identifier.card() == null ? null : identifier.card().strip(),
                    identifier.qr() == null ? null : identifier.qr().strip()).map(card -> {
                card.refuseIfBlocked();
                return card.memberId();
            });
        } else if (identifier.email() != null) {
            id = onlyOne(caller, "e-mail " + identifier.email(), jdbc.sql("select id from member where circuit_id = :c "
                            + "and lower(email) = lower(:v) order by id limit 20")
                    .param("c", circuitId).param("v", identifier.email().strip()).query(Long.class).list());
        } else if (identifier.phone() != null) {
            id = onlyOne(caller, "phone " + identifier.phone(), byPhone(circuitId, phone(circuitId, identifier.phone())));
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

    /**
     * Which member ids exist in which circuit, for a minute: a till names the same customers again and again, and
     * members are never deleted (an erasure must forget the id here too).
     */
    private final com.github.benmanes.caffeine.cache.Cache<List<Long>, Boolean> knownIds =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(60))
                    .maximumSize(200_000).build();

    /** The one member among those found that the caller may see; several are a choice for the operator to make. */
    private Optional<Long> onlyOne(Caller caller, String what, List<Long> found) {
        List<Long> visible = found.stream().filter(id -> sees(caller, id)).toList();
        if (visible.size() > 1) {
            throw new AmbiguousMember(what, candidates(caller.circuit(), visible));
        }
        return visible.stream().findFirst();
    }

    List<MemberCandidate> candidates(long circuitId, List<Long> ids) {
        return ids.stream().map(id -> MemberCandidate.of(rows.find(circuitId, id).orElseThrow())).toList();
    }

    /** Members with this number, oldest first (a few at most: a family sharing one phone). */
    List<Long> byPhone(long circuitId, PhoneNumber phone) {
        return jdbc.sql("select id from member where circuit_id = :c and phone = :v order by id limit 20")
                .param("c", circuitId).param("v", phone.e164()).query(Long.class).list();
    }

    /** A typed number read with the circuit's default country; not a number is a 400 on the phone field. */
    PhoneNumber phone(long circuitId, String typed) {
        return PhoneNumber.parse(typed, tenancy.circuit(circuitId).defaultCountry());
    }

    private Optional<Long> one(String sql, long circuitId, String value) {
        return jdbc.sql(sql).param("c", circuitId).param("v", value).query(Long.class).optional();
    }

    static String describe(MemberIdentifier i) {
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

    boolean sees(Caller caller, long memberId) {
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

    /** The one member the identifier names (card, e-mail, phone as stored, shop id), or empty: see Members#find. */
    Optional<Long> find(long circuitId, MemberIdentifier identifier) {
        String sql;
        String value;
        if (identifier.card() != null) {
            sql = "select member_id from card where circuit_id = :c and number = :v";
            value = identifier.card().strip();
        } else if (identifier.email() != null) {
            sql = "select id from member where circuit_id = :c and lower(email) = lower(:v)";
            value = identifier.email().strip();
        } else if (identifier.phone() != null) {
            sql = "select id from member where circuit_id = :c and phone = :v";
            value = identifier.phone().strip();
        } else if (identifier.externalId() != null && identifier.connection() != null) {
            return jdbc.sql("select member_id from member_external_id where circuit_id = :c and connection = :conn "
                            + "and external_id = :v")
                    .param("c", circuitId).param("conn", identifier.connection()).param("v", identifier.externalId())
                    .query(Long.class).optional();
        } else {
            return Optional.empty();
        }
        List<Long> found = jdbc.sql(sql + " limit 2").param("c", circuitId).param("v", value).query(Long.class).list();
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }

    Optional<Long> byEmail(long circuitId, String email) {
        return addresseeByEmail(circuitId, email).map(org.loyaltyhub.members.Members.Addressee::id);
    }

    Optional<org.loyaltyhub.members.Members.Addressee> addresseeByEmail(long circuitId, String email) {
        return jdbc.sql("select id, email, first_name from member where circuit_id = :c and lower(email) = lower(:email)")
                .param("c", circuitId).param("email", email.strip())
                .query((rs, n) -> new org.loyaltyhub.members.Members.Addressee(rs.getLong(1), rs.getString(2),
                        rs.getString(3))).optional();
    }

    Page<Member> search(Caller caller, String query, PageQuery page) {
        return search(caller, query, MemberFilter.NONE, page);
    }

    Page<Member> search(Caller caller, String query, MemberFilter filter, PageQuery page) {
        long circuitId = caller.circuit();
        boolean restricted = !caller.isCircuitAdmin() && tenancy.circuit(circuitId).companiesKeptApart();
        Matching m = new Matching(circuitId, restricted, caller.companyId(), query, filter);
        long total = m.bind(jdbc.sql("select count(*) from member m where " + MATCHING)).query(Long.class).single();
        List<Long> ids = m.bind(jdbc.sql("select m.id from member m where " + MATCHING
                        + " order by lower(m.last_name), lower(m.first_name), m.id limit :limit offset :offset"))
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        return Page.of(ids.stream().map(id -> rows.find(circuitId, id).orElseThrow()).toList(), page, total);
    }

    /** The ids of the circuit's members the search matches, ascending after {@code afterId}: an export's pages. */
    List<Long> matching(long circuitId, String query, MemberFilter filter, long afterId, int limit) {
        return new Matching(circuitId, false, null, query, filter)
                .bind(jdbc.sql("select m.id from member m where " + MATCHING + " and m.id > :after order by m.id "
                        + "limit :limit"))
                .param("after", afterId).param("limit", limit).query(Long.class).list();
    }

    long countMatching(long circuitId, String query, MemberFilter filter) {
        return new Matching(circuitId, false, null, query, filter)
                .bind(jdbc.sql("select count(*) from member m where " + MATCHING)).query(Long.class).single();
    }

    private static final String MATCHING = """
            m.circuit_id = :c
            and (not :restricted or exists (select 1 from member_company mc where mc.member_id = m.id
                                            and mc.company_id = :company))
            and (cast(:q as text) is null
                 or lower(m.email) like :like or m.phone like :phoneLike or m.phone = :phone
                 or lower(coalesce(m.first_name, '') || ' ' || coalesce(m.last_name, '')) like :like
                 or lower(coalesce(m.last_name, '') || ' ' || coalesce(m.first_name, '')) like :like
                 or exists (select 1 from card cd where cd.member_id = m.id and cd.number = :q))
            and (cast(:store as bigint) is null or m.enrolled_store_id = :store)
            and (cast(:cardGroup as text) is null or exists (select 1 from card g where g.member_id = m.id
                    and g.main and g.circuit_id = :c and lower(g.card_group) = lower(:cardGroup)))
            and (cast(:brand as text) is null or exists (select 1 from card b where b.member_id = m.id
                    and b.main and b.circuit_id = :c and lower(b.brand) = lower(:brand)))
            and (cast(:since as timestamptz) is null or m.created_at >= :since)
            and (cast(:newsletter as boolean) is null or coalesce((select c.granted from consent c
                    where c.member_id = m.id and c.kind = 'NEWSLETTER' order by c.id desc limit 1), false) = :newsletter)""";

    /** A search's parameters for {@link #MATCHING}. */
    private final class Matching {
        private final long circuitId;
        private final boolean restricted;
        private final Long companyId;
        private final String q;
        private final MemberFilter filter;

        Matching(long circuitId, boolean restricted, Long companyId, String query, MemberFilter filter) {
            this.circuitId = circuitId;
            this.restricted = restricted;
            this.companyId = companyId;
            this.q = query == null || query.isBlank() ? null : query.strip().toLowerCase();
            this.filter = filter;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
            String like = q == null ? null : "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            // a query that looks like (part of) a phone number also matches phones: its digits, or the whole number
            boolean phoneLikeQuery = q != null && q.matches("\\+?[0-9 ().\\-/]+") && q.replaceAll("[^0-9]", "").length() >= 3;
            String phoneLike = phoneLikeQuery ? "%" + q.replaceAll("[^0-9]", "") + "%" : null;
            String phone = phoneLikeQuery ? PhoneNumber.read(q, tenancy.circuit(circuitId).defaultCountry())
                    .map(PhoneNumber::e164).orElse(null) : null;
            java.sql.Timestamp since = filter.since() == null ? null
                    : java.sql.Timestamp.from(filter.since().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
            return sql.param("c", circuitId).param("restricted", restricted).param("company", companyId)
                    .param("q", q).param("like", like).param("phoneLike", phoneLike).param("phone", phone)
                    .param("store", filter.storeId()).param("cardGroup", filter.cardGroupText())
                    .param("brand", filter.brandText()).param("since", since).param("newsletter", filter.newsletter());
        }
    }

}
