package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportColumn;
import org.loyaltyhub.imports.PurchaseColumn;
import org.loyaltyhub.purchases.PastPurchases;
import org.loyaltyhub.members.MemberQuery;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The circuit's members with their points, and its purchases, as CSVs in the imports' own columns
 * ({@link ImportColumn}, {@link PurchaseColumn}), so an export imports cleanly into another circuit: streamed page by
 * page (purchases from a cursor), any size, narrowed by the filters of the page that asked. For the circuit
 * administrator alone, like imports. Movements are the points report's CSV ({@code /api/v1/reports/points/rows.csv},
 * with that report's filters), not repeated here.
 */
@Service
@Transactional(readOnly = true)
public class ExportService {

    static final int PAGE = 500;

    private final Members members;
    private final Ledger ledger;
    private final PastPurchases purchases;
    private final Clock clock;

    ExportService(Members members, Ledger ledger, PastPurchases purchases, Clock clock) {
        this.members = members;
        this.purchases = purchases;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** How many members an export of the circuit writes (said before the first byte, for the progress display). */
    public long count(Caller caller) {
        return count(caller, MemberQuery.ALL);
    }

    /** How many members the query matches (said before the first byte, for the progress display). */
    public long count(Caller caller, MemberQuery query) {
        caller.require(Role.CIRCUIT_ADMIN);
        return members.countMatching(caller.circuit(), query);
    }

    public void members(Caller caller, MemberQuery query, Writer out) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        Instant now = clock.instant();
        write(out, Arrays.stream(ImportColumn.values()).map(ImportColumn::header).toList());
        long after = 0;
        List<Member> page;
        do {
            page = members.matching(circuitId, query, after, PAGE);
            for (Member m : page) {
                write(out, row(m, ledger.memberBalance(circuitId, m.id(), now).available()));
                after = m.id();
            }
        } while (page.size() == PAGE);
    }

    /** How many purchases an export writes. */
    public long countPurchases(Caller caller, PastPurchases.Filter filter) {
        caller.require(Role.CIRCUIT_ADMIN);
        return purchases.count(caller.circuit(), filter);
    }

    /**
     * The circuit's purchases (cancelled ones left out), oldest first, in the purchases' import columns: the member by
     * their card, e-mail and phone, the store and company by name, the time as ISO-8601 in UTC.
     */
    public void purchases(Caller caller, PastPurchases.Filter filter, Writer out) {
        caller.require(Role.CIRCUIT_ADMIN);
        write(out, Arrays.stream(PurchaseColumn.values()).map(PurchaseColumn::header).toList());
        purchases.each(caller.circuit(), filter, p -> write(out, List.of(p.orderId(), p.occurredAt().toString(),
                p.total().stripTrailingZeros().toPlainString(), p.refunded().stripTrailingZeros().toPlainString(),
                p.currency(), p.storeName(), p.companyName(), p.channel(), text(p.cardNumber()), text(p.email()),
                text(p.phone()), "", "")));
    }

    static List<String> row(Member m, long points) {
        Optional<Member.Consent> latest = m.consents().stream().max(Comparator.comparing(Member.Consent::recordedAt));
        Optional<Member.ExternalId> shop = m.externalIds().stream().findFirst();
        return List.of(String.valueOf(m.id()), text(m.firstName()), text(m.lastName()), text(m.email()),
                text(m.phone()), m.birthDate() == null ? "" : m.birthDate().toString(),
                m.card() == null ? "" : m.card().number(), consent(m, ConsentKind.PRIVACY),
                consent(m, ConsentKind.MARKETING), consent(m, ConsentKind.NEWSLETTER),
                latest.map(c -> LocalDate.ofInstant(c.recordedAt(), ZoneOffset.UTC).toString()).orElse(""),
                latest.map(Member.Consent::source).orElse(""), shop.map(Member.ExternalId::connection).orElse(""),
                shop.map(Member.ExternalId::externalId).orElse(""), String.valueOf(points), "");
    }

    private static String consent(Member m, ConsentKind kind) {
        return m.consents().stream().filter(c -> c.kind() == kind).findFirst().map(c -> c.granted() ? "yes" : "no")
                .orElse("");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static void write(Writer out, List<String> cells) {
        try {
            out.write(CsvCells.row(cells));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
