package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.DocumentKind;
import org.loyaltyhub.billing.InvoiceBuyer;
import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Pro-forma documents of a circuit (invoices to companies, invoices or simplified invoices to persons, credit notes),
 * numbered in one series per circuit and calendar year (UTC) without gaps: the year's counter row is incremented and
 * locked by the issuing transaction, so a rolled-back issue gives its number back. Each source (a recharge request,
 * a membership sale, SMS credits, a refunded membership sale) is on one document only.
 */
@Service
@Transactional
public class Invoices implements Invoicing {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final org.loyaltyhub.members.Members members;
    private final BillingSettings settings;
    private final Clock clock;

    Invoices(JdbcClient jdbc, Tenancy tenancy, org.loyaltyhub.members.Members members, BillingSettings settings,
             Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.tenancy = tenancy;
        this.settings = settings;
        this.clock = clock;
    }

    /** Which invoices to list: a year and a company, each optional. */
    public record Filter(Integer year, Long companyId) {
    }

    @Override
    public String issue(long circuitId, long companyId, List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        Optional<Invoice> issued = bySource(circuitId, lines.getFirst().source(), lines.getFirst().sourceId());
        if (issued.isPresent()) {
            return issued.get().number();
        }
        Circuit circuit = tenancy.circuit(circuitId);
        Company company = tenancy.companiesOf(circuitId).stream().filter(c -> c.id() == companyId).findFirst()
                .orElseThrow(() -> new NotFound("Company", companyId));
        CircuitBilling seller = settings.circuit(circuitId);
        BillingDetails details = settings.company(company).details();
        InvoiceBuyer buyer = new InvoiceBuyer.Company(companyId, orElse(details.legalName(), company.name()),
                details.vatNumber(), details.taxCode(), details.address(), details.invoiceEmail());
        Money zero = Money.zero(java.util.Currency.getInstance(circuit.currency()));
        InvoiceTotals totals = InvoiceTotals.of(lines.stream().map(l -> zero.plus(l.net())).toList(), seller.vatRate());
        return insert(circuitId, DocumentKind.INVOICE, buyer, seller, totals, lines, null).number();
    }

    /**
     * Issues (or finds) the document of what a person paid, VAT included: a simplified invoice up to its limit, an
     * invoice above ({@link DocumentKind#billing}); once per source of its first line.
     */
    public Invoice issueToPerson(long circuitId, InvoiceBuyer.Person buyer, List<Line> paid) {
        if (paid.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        Optional<Invoice> issued = bySource(circuitId, paid.getFirst().source(), paid.getFirst().sourceId());
        if (issued.isPresent()) {
            return issued.get();
        }
        CircuitBilling seller = settings.circuit(circuitId);
        InvoiceTotals totals = InvoiceTotals.ofGross(paid.stream().map(Line::net).toList(), seller.vatRate());
        return insert(circuitId, DocumentKind.billing(buyer, totals.total()), buyer, seller, totals, paid, null);
    }

    /**
     * The credit note that cancels the whole document of {@code source} (same buyer, rate and amounts), once per
     * {@code credit} source; empty when that source was never invoiced.
     */
    public Optional<Invoice> creditNote(long circuitId, InvoiceSource source, long sourceId, InvoiceSource credit,
                                        long creditId) {
        Optional<Invoice> done = bySource(circuitId, credit, creditId);
        if (done.isPresent()) {
            return done;
        }
        return bySource(circuitId, source, sourceId).map(original -> {
            InvoiceTotals totals = new InvoiceTotals(List.of(new InvoiceTotals.LineAmounts(original.net(),
                    original.vat())), original.net(), original.vat(), original.total());
            String what = original.lines().stream().map(Invoice.Line::description)
                    .collect(java.util.stream.Collectors.joining("; "));
            return insert(circuitId, DocumentKind.CREDIT_NOTE, original.buyer(), settings.circuit(circuitId), totals,
                    List.of(new Line(credit, creditId, "Cancels " + original.number() + ": " + what, original.net())),
                    original);
        });
    }

    private Invoice insert(long circuitId, DocumentKind kind, InvoiceBuyer buyer, CircuitBilling seller,
                           InvoiceTotals totals, List<Line> lines, Invoice credits) {
        Circuit circuit = tenancy.circuit(circuitId);
        Instant now = clock.instant();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int sequence = jdbc.sql("""
                        insert into invoice_counter (circuit_id, year, last_number) values (:c, :y, 1)
                        on conflict (circuit_id, year) do update set last_number = invoice_counter.last_number + 1
                        returning last_number""")
                .param("c", circuitId).param("y", year).query(Integer.class).single();
        String vatNumber = buyer instanceof InvoiceBuyer.Company c ? c.vatNumber() : null;
        String taxCode = switch (buyer) {
            case InvoiceBuyer.Company c -> c.taxCode();
            case InvoiceBuyer.Person p -> p.taxCode();
        };
        long id = jdbc.sql("""
                        insert into invoice (circuit_id, year, number, company_id, member_id, kind, credits_invoice_id,
                            issued_at, currency, vat_rate, net, vat, total, seller_name, seller_vat, seller_tax_code,
                            seller_address, seller_email, buyer_name, buyer_vat, buyer_tax_code, buyer_address,
                            buyer_email)
                        values (:c, :y, :n, :company, :member, :kind, :credits, :at, :currency, :rate, :net, :vat,
                            :total, :sname, :svat, :stax, :saddress, :semail, :bname, :bvat, :btax, :baddress, :bemail)
                        returning id""")
                .param("c", circuitId).param("y", year).param("n", sequence)
                .param("company", buyer instanceof InvoiceBuyer.Company c ? c.companyId() : null)
                .param("member", buyer instanceof InvoiceBuyer.Person p ? p.memberId() : null)
                .param("kind", kind.name()).param("credits", credits == null ? null : credits.id())
                .param("at", Timestamp.from(now)).param("currency", circuit.currency())
                .param("rate", credits == null ? seller.vatRate() : credits.vatRate())
                .param("net", totals.net().amount()).param("vat", totals.vat().amount())
                .param("total", totals.total().amount())
                .param("sname", orElse(seller.details().legalName(), circuit.name()))
                .param("svat", seller.details().vatNumber()).param("stax", seller.details().taxCode())
                .param("saddress", seller.details().address()).param("semail", seller.details().invoiceEmail())
                .param("bname", buyer.name()).param("bvat", vatNumber).param("btax", taxCode)
                .param("baddress", buyer.address()).param("bemail", buyer.email()).query(Long.class).single();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            jdbc.sql("""
                            insert into invoice_line (invoice_id, line_no, circuit_id, source_kind, source_id, description,
                                net, vat) values (:id, :no, :c, :kind, :source, :description, :net, :vat)""")
                    .param("id", id).param("no", i + 1).param("c", circuitId).param("kind", line.source().name())
                    .param("source", line.sourceId()).param("description", line.description())
                    .param("net", totals.lines().get(i).net().amount())
                    .param("vat", totals.lines().get(i).vat().amount()).update();
        }
        return load(circuitId, id).orElseThrow();
    }

    /**
     * The documents addressed to a member, newest first: circuit administrators see them (the circuit issues them);
     * anyone else is refused.
     */
    @Transactional(readOnly = true)
    public List<Invoice> ofMember(Caller caller, long memberId) {
        caller.require(Role.CIRCUIT_ADMIN);
        members.visible(caller, memberId);
        return jdbc.sql("select id from invoice where circuit_id = :c and member_id = :m order by year desc, "
                        + "number desc").param("c", caller.circuit()).param("m", memberId).query(Long.class).list()
                .stream().map(id -> load(caller.circuit(), id).orElseThrow()).toList();
    }

    /** The invoice issued for a source, if any. */
    @Transactional(readOnly = true)
    public Optional<Invoice> bySource(long circuitId, InvoiceSource source, long sourceId) {
        return jdbc.sql("select invoice_id from invoice_line where circuit_id = :c and source_kind = :k "
                        + "and source_id = :s").param("c", circuitId).param("k", source.name()).param("s", sourceId)
                .query(Long.class).optional().map(id -> load(circuitId, id).orElseThrow());
    }

    /** One invoice; a company administrator sees only their company's (another is not found). */
    @Transactional(readOnly = true)
    public Invoice invoice(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return load(caller.circuit(), id).filter(i -> i.visibleTo(caller))
                .orElseThrow(() -> new NotFound("Invoice", id));
    }

    @Transactional(readOnly = true)
    public Page<Invoice> list(Caller caller, Filter filter, PageQuery page) {
        Scope scope = scope(caller, filter);
        long total = jdbc.sql("select count(*) from invoice i where " + scope.where()).params(scope.params())
                .query(Long.class).single();
        List<Long> ids = jdbc.sql("select id from invoice i where " + scope.where()
                        + " order by year desc, number desc limit :limit offset :offset").params(scope.params())
                .param("limit", page.size()).param("offset", page.offset()).query(Long.class).list();
        return Page.of(ids.stream().map(id -> load(caller.circuit(), id).orElseThrow()).toList(), page, total);
    }

    /** Writes the listed invoices as CSV, row by row from the database, oldest first. */
    @Transactional(readOnly = true)
    public void exportCsv(Caller caller, Filter filter, Writer out) {
        Scope scope = scope(caller, filter);
        try (Stream<List<String>> rows = jdbc.sql("select number, year, issued_at, buyer_name, buyer_vat, net, vat, "
                        + "total, currency, kind from invoice i where " + scope.where() + " order by year, number")
                .params(scope.params()).query(Invoices::csvRow).stream()) {
            out.write(CsvCells.row(List.of("number", "issued_at", "buyer", "vat_number", "net", "vat", "total",
                    "currency", "kind")));
            for (List<String> row : (Iterable<List<String>>) rows::iterator) {
                out.write(CsvCells.row(row));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> csvRow(ResultSet rs, int n) throws SQLException {
        return List.of(new InvoiceNumber(rs.getInt("year"), rs.getInt("number")).toString(),
                rs.getTimestamp("issued_at").toInstant().toString(), rs.getString("buyer_name"),
                rs.getString("buyer_vat") == null ? "" : rs.getString("buyer_vat"), cents(rs, "net"),
                cents(rs, "vat"), cents(rs, "total"), rs.getString("currency"), rs.getString("kind"));
    }

    private static String cents(ResultSet rs, String column) throws SQLException {
        return Money.of(rs.getBigDecimal(column), rs.getString("currency")).display().toPlainString();
    }

    private record Scope(String where, Map<String, Object> params) {
    }

    private Scope scope(Caller caller, Filter filter) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Long company = filter.companyId();
        if (!caller.isCircuitAdmin()) {
            if (company != null && company.longValue() != caller.companyId()) {
                throw new NotFound("Company", company);
            }
            company = caller.companyId();
        }
        if (filter.year() != null && (filter.year() < 2000 || filter.year() > 9999)) {
            throw new InvalidInput("year", "must be a year such as 2026");
        }
        StringBuilder where = new StringBuilder("i.circuit_id = :c");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("c", caller.circuit()));
        if (company != null) {
            where.append(" and i.company_id = :company");
            params.put("company", company);
        }
        if (filter.year() != null) {
            where.append(" and i.year = :year");
            params.put("year", filter.year());
        }
        return new Scope(where.toString(), params);
    }

    private Optional<Invoice> load(long circuitId, long id) {
        RowMapper<Invoice.Line> lineRow = (rs, n) -> new Invoice.Line(InvoiceSource.valueOf(rs.getString("source_kind")),
                rs.getLong("source_id"), rs.getString("description"),
                Money.of(rs.getBigDecimal("net"), rs.getString("currency")),
                Money.of(rs.getBigDecimal("vat"), rs.getString("currency")));
        List<Invoice.Line> lines = new ArrayList<>(jdbc.sql("select l.*, i.currency from invoice_line l "
                        + "join invoice i on i.id = l.invoice_id where l.invoice_id = :id and l.circuit_id = :c "
                        + "order by l.line_no").param("id", id).param("c", circuitId).query(lineRow).list());
        return jdbc.sql("select i.*, c.year as credits_year, c.number as credits_number from invoice i left join "
                        + "invoice c on c.id = i.credits_invoice_id where i.id = :id and i.circuit_id = :c")
                .param("id", id).param("c", circuitId).query((rs, n) -> {
                    String currency = rs.getString("currency");
                    return new Invoice(rs.getLong("id"),
                            new InvoiceNumber(rs.getInt("year"), rs.getInt("number")).toString(), rs.getInt("year"),
                            DocumentKind.valueOf(rs.getString("kind")), rs.getTimestamp("issued_at").toInstant(),
                            CircuitBilling.plain(rs.getBigDecimal("vat_rate")),
                            Money.of(rs.getBigDecimal("net"), currency), Money.of(rs.getBigDecimal("vat"), currency),
                            Money.of(rs.getBigDecimal("total"), currency), party(rs, "seller"), buyer(rs),
                            List.copyOf(lines), rs.getObject("credits_invoice_id") == null ? null
                            : new InvoiceNumber(rs.getInt("credits_year"), rs.getInt("credits_number")).toString());
                }).optional();
    }

    private static BillingDetails party(ResultSet rs, String who) throws SQLException {
        return new BillingDetails(rs.getString(who + "_name"), rs.getString(who + "_vat"),
                rs.getString(who + "_tax_code"), rs.getString(who + "_address"), rs.getString(who + "_email"));
    }

    private static InvoiceBuyer buyer(ResultSet rs) throws SQLException {
        long company = rs.getLong("company_id");
        return rs.wasNull() ? new InvoiceBuyer.Person(rs.getLong("member_id"), rs.getString("buyer_name"),
                rs.getString("buyer_tax_code"), rs.getString("buyer_address"), rs.getString("buyer_email"))
                : new InvoiceBuyer.Company(company, rs.getString("buyer_name"), rs.getString("buyer_vat"),
                rs.getString("buyer_tax_code"), rs.getString("buyer_address"), rs.getString("buyer_email"));
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
