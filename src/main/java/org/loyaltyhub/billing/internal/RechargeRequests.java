package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.programs.BudgetRecharges;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Budget recharge requests (seed 002, "Ricarica"): a company administrator asks for points, priced at the circuit's
 * price per 1,000 points; the circuit administrator approves (the recharge is posted once, through the budgets'
 * own recharge, and a priced one is invoiced) or refuses with a reason; the company may cancel while it waits. Each
 * decision is a conditional update of a request still REQUESTED, so two admins or a double click decide once.
 */
@Service
@Transactional
public class RechargeRequests {

    static final long MAX_POINTS = 1_000_000_000L;

    private static final String COLUMNS = "r.*, c.name as company_name, i.id as invoice_id, i.year, i.number";
    private static final String FROM = " from recharge_request r join company c on c.id = r.company_id "
            + "left join invoice_line l on l.circuit_id = r.circuit_id and l.source_kind = 'BUDGET_RECHARGE' "
            + "and l.source_id = r.id left join invoice i on i.id = l.invoice_id ";

    private static final RowMapper<RechargeRequest> ROW = (rs, n) -> new RechargeRequest(rs.getLong("id"),
            rs.getLong("company_id"), rs.getString("company_name"), rs.getLong("points"),
            rs.getBigDecimal("price") == null ? null : Money.of(rs.getBigDecimal("price"), rs.getString("currency")),
            rs.getString("note"), RechargeStatus.valueOf(rs.getString("status")), rs.getString("requested_by"),
            rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_by"),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            rs.getString("reason"), rs.getObject("invoice_id", Long.class),
            rs.getObject("invoice_id") == null ? null : new InvoiceNumber(rs.getInt("year"), rs.getInt("number")).toString());

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final BillingSettings settings;
    private final BudgetRecharges budgets;
    private final Invoicing invoicing;
    private final Clock clock;

    RechargeRequests(JdbcClient jdbc, Tenancy tenancy, BillingSettings settings, BudgetRecharges budgets,
                     Invoicing invoicing, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.settings = settings;
        this.budgets = budgets;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /** A company administrator asks for points for their company; the same key asks once. */
    public RechargeRequest request(Caller caller, long points, String note, String requestKey) {
        caller.require(Role.COMPANY_ADMIN);
        if (points <= 0 || points > MAX_POINTS) {
            throw new InvalidInput("points", "must be between 1 and " + MAX_POINTS);
        }
        if (note != null && note.length() > 500) {
            throw new InvalidInput("note", "must be at most 500 characters");
        }
        Company company = tenancy.company(caller, caller.companyId());
        CircuitBilling billing = settings.circuit(caller.circuit());
        Money price = RechargePrice.of(points, billing.pricePerThousand()).orElse(null);
        String currency = tenancy.circuit(caller.circuit()).currency();
        Optional<Long> id = jdbc.sql("""
                        insert into recharge_request (circuit_id, company_id, request_key, points, price, currency, note,
                            status, requested_by, requested_at)
                        values (:c, :company, :key, :points, :price, :currency, :note, 'REQUESTED', :by, :at)
                        on conflict (circuit_id, request_key) do nothing returning id""")
                .param("c", caller.circuit()).param("company", company.id()).param("key", requestKey)
                .param("points", points).param("price", price == null ? null : price.amount())
                .param("currency", currency).param("note", BillingDetails.blankToNull(note))
                .param("by", caller.actor()).param("at", Timestamp.from(clock.instant())).query(Long.class).optional();
        return id.map(i -> load(caller.circuit(), i)).orElseGet(() -> byKey(caller, requestKey));
    }

    /**
     * Approves a waiting request: posts the recharge and, when it has a price, issues its invoice. Approving one
     * already approved answers it as it is (a retry); a refused or cancelled one is refused.
     */
    public RechargeRequest approve(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!decide(caller, id, RechargeStatus.APPROVED, null)) {
            return closed(caller, id, RechargeStatus.APPROVED, "approved");
        }
        RechargeRequest r = load(caller.circuit(), id);
        budgets.rechargeOnce(caller, r.companyId(), r.points(), r.note() == null ? "Recharge request " + id
                : r.note(), "request-" + id);
        if (r.price() != null && r.price().isPositive()) {
            invoicing.issue(caller.circuit(), r.companyId(), List.of(new Invoicing.Line(InvoiceSource.BUDGET_RECHARGE,
                    id, "Points budget recharge: " + r.points() + " points (request " + id + ")", r.price())));
        }
        return load(caller.circuit(), id);
    }

    public RechargeRequest refuse(Caller caller, long id, String reason) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "say why, in at most 500 characters");
        }
        if (!decide(caller, id, RechargeStatus.REFUSED, reason.strip())) {
            return closed(caller, id, RechargeStatus.REFUSED, "refused");
        }
        return load(caller.circuit(), id);
    }

    /** The requesting company withdraws a request still waiting. */
    public RechargeRequest cancel(Caller caller, long id) {
        caller.require(Role.COMPANY_ADMIN);
        request(caller, id);
        if (!decide(caller, id, RechargeStatus.CANCELLED, null)) {
            return closed(caller, id, RechargeStatus.CANCELLED, "cancelled");
        }
        return load(caller.circuit(), id);
    }

    @Transactional(readOnly = true)
    public RechargeRequest request(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        RechargeRequest r = find(caller.circuit(), id).orElseThrow(() -> new NotFound("Recharge request", id));
        if (!caller.coversCompany(r.companyId())) {
            throw new NotFound("Recharge request", id);
        }
        return r;
    }

    /** Requests, newest first: the circuit's for its administrators, the company's own for a company administrator. */
    @Transactional(readOnly = true)
    public Page<RechargeRequest> list(Caller caller, RechargeStatus status, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        String where = "where r.circuit_id = :c" + (caller.isCircuitAdmin() ? "" : " and r.company_id = :company")
                + (status == null ? "" : " and r.status = :status");
        var count = jdbc.sql("select count(*) from recharge_request r " + where).param("c", caller.circuit());
        var items = jdbc.sql("select " + COLUMNS + FROM + where + " order by r.id desc limit :limit offset :offset")
                .param("c", caller.circuit()).param("limit", page.size()).param("offset", page.offset());
        if (!caller.isCircuitAdmin()) {
            count = count.param("company", caller.companyId());
            items = items.param("company", caller.companyId());
        }
        if (status != null) {
            count = count.param("status", status.name());
            items = items.param("status", status.name());
        }
        return Page.of(items.query(ROW).list(), page, count.query(Long.class).single());
    }

    /** Moves a request still REQUESTED to {@code to}; false when it was not (any more) waiting. */
    private boolean decide(Caller caller, long id, RechargeStatus to, String reason) {
        return jdbc.sql("""
                        update recharge_request set status = :to, decided_by = :by, decided_at = :at, reason = :reason
                        where id = :id and circuit_id = :c and status = 'REQUESTED'""")
                .param("to", to.name()).param("by", caller.actor()).param("at", Timestamp.from(clock.instant()))
                .param("reason", reason).param("id", id).param("c", caller.circuit()).update() == 1;
    }

    /** A request that was no longer waiting: the same decision again is answered as is, another is refused. */
    private RechargeRequest closed(Caller caller, long id, RechargeStatus wanted, String action) {
        RechargeRequest r = request(caller, id);
        if (r.status() == wanted) {
            return r;
        }
        throw new RechargeRequestClosed(id, r.status(), action);
    }

    private RechargeRequest byKey(Caller caller, String key) {
        RechargeRequest r = jdbc.sql("select " + COLUMNS + FROM + "where r.circuit_id = :c and r.request_key = :k")
                .param("c", caller.circuit()).param("k", key).query(ROW).single();
        if (!caller.coversCompany(r.companyId())) {
            throw new NotFound("Recharge request", r.id());
        }
        return r;
    }

    private RechargeRequest load(long circuitId, long id) {
        return find(circuitId, id).orElseThrow(() -> new NotFound("Recharge request", id));
    }

    private Optional<RechargeRequest> find(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + FROM + "where r.circuit_id = :c and r.id = :id").param("c", circuitId)
                .param("id", id).query(ROW).optional();
    }
}
