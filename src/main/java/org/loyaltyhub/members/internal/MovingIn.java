package org.loyaltyhub.members.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MemberKey;
import org.loyaltyhub.members.MemberMovedIn;
import org.loyaltyhub.members.MembersMovedIn;
import org.loyaltyhub.members.MovingMember;
import org.loyaltyhub.shared.LoyaltyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Members brought over from another system a chunk at a time (an import): which of their keys are taken, in one
 * query for the chunk, and the chunk's members, cards, shop ids, company relations and consents in one multi-row
 * statement each, exactly what a single move-in writes. The database's unique rules (e-mail, card number, shop id)
 * refuse the whole chunk when a key was taken since it was checked.
 */
@Component
class MovingIn {

    /** Each key probes its index (a lateral subquery with a limit is never turned into a join scanning the table). */
    private static final String TAKEN = """
            select 'EMAIL', x, null from unnest(?::text[]) x cross join lateral (
                select from member m where m.circuit_id = ? and lower(m.email) = lower(x) limit 1) t
            union all
            select 'PHONE', x, null from unnest(?::text[]) x cross join lateral (
                select from member m where m.circuit_id = ? and m.phone = x limit 1) t
            union all
            select 'CARD_NUMBER', x, null from unnest(?::text[]) x cross join lateral (
                select from card c where c.circuit_id = ? and c.number = x limit 1) t
            union all
            select 'SHOP_ID', u.conn, u.x from unnest(?::text[], ?::text[]) u(conn, x) cross join lateral (
                select from member_external_id e where e.circuit_id = ? and e.connection = u.conn
                                                   and e.external_id = u.x limit 1) t""";

    private final JdbcClient jdbc;
    private final MemberFinder finder;
    private final ApplicationEventPublisher events;

    MovingIn(JdbcClient jdbc, MemberFinder finder, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.finder = finder;
        this.events = events;
    }

    /** For each member, in order, which of their keys already belong to a member of the circuit. */
    List<Set<MemberKey>> taken(long circuitId, List<MovingMember> members) {
        List<String> emails = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        List<String> connections = new ArrayList<>();
        List<String> shopIds = new ArrayList<>();
        List<String> phoneOf = members.stream().map(m -> phone(circuitId, m.phone())).toList();
        phoneOf.forEach(phone -> add(phones, phone));
        for (MovingMember m : members) {
            add(emails, m.email() == null ? null : m.email().strip());
            add(cards, m.cardNumber());
            m.externalIds().forEach(x -> {
                connections.add(x.connection());
                shopIds.add(x.externalId());
            });
        }
        Set<List<String>> found = new HashSet<>();
        jdbc.sql(TAKEN).params(emails.toArray(String[]::new), circuitId, phones.toArray(String[]::new), circuitId,
                        cards.toArray(String[]::new), circuitId, connections.toArray(String[]::new),
                        shopIds.toArray(String[]::new), circuitId)
                .query(rs -> {
                    found.add(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        List<Set<MemberKey>> taken = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            MovingMember m = members.get(i);
            Set<MemberKey> keys = EnumSet.noneOf(MemberKey.class);
            if (m.email() != null && found.contains(key(MemberKey.EMAIL, m.email().strip(), null))) {
                keys.add(MemberKey.EMAIL);
            }
            if (phoneOf.get(i) != null && found.contains(key(MemberKey.PHONE, phoneOf.get(i), null))) {
                keys.add(MemberKey.PHONE);
            }
            if (m.cardNumber() != null && found.contains(key(MemberKey.CARD_NUMBER, m.cardNumber(), null))) {
                keys.add(MemberKey.CARD_NUMBER);
            }
            if (m.externalIds().stream().anyMatch(x -> found.contains(key(MemberKey.SHOP_ID, x.connection(),
                    x.externalId())))) {
                keys.add(MemberKey.SHOP_ID);
            }
            taken.add(keys);
        }
        return taken;
    }

    /**
     * Enrols the members, their ids in the same order: each with the kept or a new card, their shop ids, their
     * company relation and consents; publishes one {@link MembersMovedIn} for all of them.
     */
    List<Long> moveIn(long circuitId, List<MovingMember> members, String actor) {
        if (members.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('member', 'id')) from generate_series(1, ?)")
                .params(members.size()).query(Long.class).list();
        insertMembers(circuitId, members, ids);
        insertCards(circuitId, members, ids);
        insertShopIds(circuitId, members, ids);
        insertRelations(circuitId, members, ids);
        insertConsents(circuitId, members, ids);
        List<MemberMovedIn> moved = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            moved.add(new MemberMovedIn(circuitId, ids.get(i), members.get(i).companyId(), actor));
        }
        events.publishEvent(new MembersMovedIn(circuitId, moved));
        return ids;
    }

    private void insertMembers(long circuitId, List<MovingMember> members, List<Long> ids) {
        int n = members.size();
        String[] first = new String[n];
        String[] last = new String[n];
        String[] email = new String[n];
        String[] phone = new String[n];
        String[] birth = new String[n];
        Long[] company = new Long[n];
        for (int i = 0; i < n; i++) {
            MovingMember m = members.get(i);
            first[i] = trim(m.firstName());
            last[i] = trim(m.lastName());
            email[i] = trim(m.email());
            phone[i] = phone(circuitId, m.phone());
            birth[i] = m.birthDate() == null ? null : m.birthDate().toString();
            company[i] = m.companyId();
        }
        jdbc.sql("""
                        insert into member (id, circuit_id, first_name, last_name, email, phone, birth_date,
                                            enrolled_company_id) overriding system value
                        select u.id, ?, u.first, u.last, u.email, u.phone, u.birth, u.company
                          from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::bigint[])
                               as u(id, first, last, email, phone, birth, company)""")
                .params(circuitId, ids.toArray(Long[]::new), first, last, email, phone, birth, company).update();
    }

    /** The kept numbers as they are; new numbers drawn again for the few that collide with a card issued meanwhile. */
    private void insertCards(long circuitId, List<MovingMember> members, List<Long> ids) {
        Map<Long, String> kept = new HashMap<>();
        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).cardNumber() != null) {
                kept.put(ids.get(i), members.get(i).cardNumber());
            } else {
                fresh.add(ids.get(i));
            }
        }
        if (!kept.isEmpty() && insertCards(circuitId, kept).size() < kept.size()) {
            throw new LoyaltyException("member-exists", Failure.CONFLICT, "A card number of the chunk is already in use");
        }
        for (int attempt = 0; attempt < 5 && !fresh.isEmpty(); attempt++) {
            Map<Long, String> drawn = new HashMap<>();
            fresh.forEach(member -> drawn.put(member, CardNumbers.next()));
            Set<Long> issued = insertCards(circuitId, drawn);
            fresh.removeIf(issued::contains);
        }
        if (!fresh.isEmpty()) {
            throw new IllegalStateException("could not draw free card numbers");
        }
    }

    /** The members that got their card (a number taken by another card is skipped). */
    private Set<Long> insertCards(long circuitId, Map<Long, String> numbers) {
        Long[] member = numbers.keySet().toArray(Long[]::new);
        String[] number = new String[member.length];
        String[] qr = new String[member.length];
        for (int i = 0; i < member.length; i++) {
            number[i] = numbers.get(member[i]);
            qr[i] = CardNumbers.qrPayload();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into card (circuit_id, member_id, number, qr_payload)
                        select ?, u.member, u.number, u.qr from unnest(?::bigint[], ?::text[], ?::text[])
                               as u(member, number, qr)
                        on conflict do nothing returning member_id""")
                .params(circuitId, member, number, qr).query(Long.class).list());
    }

    private void insertShopIds(long circuitId, List<MovingMember> members, List<Long> ids) {
        List<Long> member = new ArrayList<>();
        List<String> connection = new ArrayList<>();
        List<String> externalId = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (Member.ExternalId x : members.get(i).externalIds()) {
                member.add(ids.get(i));
                connection.add(x.connection());
                externalId.add(x.externalId());
            }
        }
        if (!member.isEmpty()) {
            jdbc.sql("""
                            insert into member_external_id (circuit_id, connection, external_id, member_id)
                            select ?, u.conn, u.x, u.member from unnest(?::text[], ?::text[], ?::bigint[])
                                   as u(conn, x, member)""")
                    .params(circuitId, connection.toArray(String[]::new), externalId.toArray(String[]::new),
                            member.toArray(Long[]::new)).update();
        }
    }

    private void insertRelations(long circuitId, List<MovingMember> members, List<Long> ids) {
        List<Long> member = new ArrayList<>();
        List<Long> company = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).companyId() != null) {
                member.add(ids.get(i));
                company.add(members.get(i).companyId());
            }
        }
        if (!member.isEmpty()) {
            jdbc.sql("""
                            insert into member_company (circuit_id, member_id, company_id)
                            select ?, u.member, u.company from unnest(?::bigint[], ?::bigint[]) as u(member, company)
                            on conflict do nothing""")
                    .params(circuitId, member.toArray(Long[]::new), company.toArray(Long[]::new)).update();
        }
    }

    private void insertConsents(long circuitId, List<MovingMember> members, List<Long> ids) {
        List<Long> member = new ArrayList<>();
        List<String> kind = new ArrayList<>();
        List<Boolean> granted = new ArrayList<>();
        List<String> source = new ArrayList<>();
        List<String> at = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (MovingMember.GivenConsent c : members.get(i).consents()) {
                member.add(ids.get(i));
                kind.add(c.kind().name());
                granted.add(c.granted());
                source.add(c.source());
                at.add(c.at().toString());
            }
        }
        if (!member.isEmpty()) {
            jdbc.sql("""
                            insert into consent (circuit_id, member_id, kind, granted, text_version, source, recorded_at)
                            select ?, u.member, u.kind, u.granted, 'imported', u.source, u.at
                              from unnest(?::bigint[], ?::text[], ?::boolean[], ?::text[], ?::timestamptz[])
                                   as u(member, kind, granted, source, at)""")
                    .params(circuitId, member.toArray(Long[]::new), kind.toArray(String[]::new),
                            granted.toArray(Boolean[]::new), source.toArray(String[]::new),
                            at.toArray(String[]::new)).update();
        }
    }

    private String phone(long circuitId, String typed) {
        return typed == null || typed.isBlank() ? null : finder.phone(circuitId, typed).e164();
    }

    private static List<String> key(MemberKey kind, String value, String second) {
        return java.util.Arrays.asList(kind.name(), value, second);
    }

    private static void add(List<String> values, String value) {
        if (value != null) {
            values.add(value);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
