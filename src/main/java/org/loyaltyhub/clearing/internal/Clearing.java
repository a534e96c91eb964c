package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Clearing reports and settlements. The circuit administrator sees every party and closes periods; a company
 * administrator sees only the lines, positions and settlements its company is part of; nobody else sees anything.
 */
@Service
@Transactional
public class Clearing {

    private final ClearingFlows flows;
    private final Settlements settlements;
    private final Tenancy tenancy;
    private final Programs programs;
    private final Clock clock;

    Clearing(ClearingFlows flows, Settlements settlements, Tenancy tenancy, Programs programs, Clock clock) {
        this.flows = flows;
        this.settlements = settlements;
        this.tenancy = tenancy;
        this.programs = programs;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /** The clearing of a period: frozen when it is exactly a closed period, live from the ledger otherwise. */
    @Transactional(readOnly = true)
    public ClearingReport report(Caller caller, Period period) {
        long circuitId = circuitOf(caller);
        return settlements.overlapping(circuitId, period).filter(p -> p.period().equals(period))
                .map(closed -> frozen(caller, closed))
                .orElseGet(() -> report(caller, circuitId, period, flows.between(circuitId, period),
                        pointValue(circuitId), null, List.of()));
    }

    /** Closed periods, newest first. */
    @Transactional(readOnly = true)
    public List<ClearingReport> periods(Caller caller) {
        long circuitId = circuitOf(caller);
        return settlements.periods(circuitId).stream().map(p -> frozen(caller, p)).toList();
    }

    @Transactional(readOnly = true)
    public ClearingReport period(Caller caller, long periodId) {
        long circuitId = circuitOf(caller);
        return frozen(caller, settlements.period(circuitId, periodId)
                .orElseThrow(() -> new NotFound("Clearing period", periodId)));
    }

    /**
     * Closes a period that is over: its lines and positions are frozen with today's point value, one settlement per
     * position. Closing the same period again returns it unchanged; a period overlapping a closed one is refused.
     */
    public ClearingReport close(Caller caller, Period period) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        if (!period.last().isBefore(today())) {
            throw new InvalidInput("to", "a period can be closed once it is over (its last day before today)");
        }
        settlements.lockClosing(circuitId);
        var existing = settlements.overlapping(circuitId, period);
        if (existing.isPresent()) {
            if (existing.get().period().equals(period)) {
                return frozen(caller, existing.get());
            }
            throw new PeriodClosed(existing.get().id(), existing.get().period());
        }
        PointValue value = pointValue(circuitId);
        ClearingReport live = report(caller, circuitId, period, flows.between(circuitId, period), value, null,
                List.of());
        long id = settlements.close(circuitId, period, value, clock.instant(), caller.actor(), live.lines(),
                live.positions());
        return period(caller, id);
    }

    /** Records that a settlement was paid; the same payment again changes nothing, another one is refused. */
    public Settlement markPaid(Caller caller, long settlementId, LocalDate paidOn, String reference) {
        caller.require(Role.CIRCUIT_ADMIN);
        String ref = reference == null ? null : reference.strip();
        if (paidOn == null || paidOn.isAfter(today())) {
            throw new InvalidInput("paidOn", "give the day it was paid, today or before");
        }
        if (ref == null || ref.isEmpty() || ref.length() > 140) {
            throw new InvalidInput("reference", "give the payment's reference, up to 140 characters");
        }
        Settlement s = settlements.lockSettlement(caller.circuit(), settlementId)
                .orElseThrow(() -> new NotFound("Settlement", settlementId));
        if (s.paid()) {
            if (s.paidOn().equals(paidOn) && s.reference().equals(ref)) {
                return s;
            }
            throw new SettlementPaid(settlementId, s.paidOn(), s.reference());
        }
        settlements.markPaid(settlementId, paidOn, ref, clock.instant(), caller.actor());
        return settlements.lockSettlement(caller.circuit(), settlementId).orElseThrow();
    }

    /** What clearing the ledger's journal gives straight from its lot movements, for the reconciliation. */
    @Transactional(readOnly = true)
    public List<Flow> fromJournal(Caller caller, Period period) {
        caller.require(Role.CIRCUIT_ADMIN);
        return flows.fromJournal(caller.circuit(), period);
    }

    private ClearingReport frozen(Caller caller, Settlements.ClosedPeriod closed) {
        return report(caller, closed.circuitId(), closed.period(), settlements.lines(closed.id()),
                closed.pointValue(), new ClearingReport.Closed(closed.id(), closed.closedAt(), closed.closedBy()),
                settlements.settlements(closed.id()));
    }

    private ClearingReport report(Caller caller, long circuitId, Period period, List<Flow> all, PointValue value,
                                  ClearingReport.Closed closed, List<Settlement> settled) {
        Predicate<Party> visible = visibility(caller);
        List<Flow> seen = all.stream().filter(f -> visible.test(f.issuer()) || visible.test(f.redeemer())).toList();
        List<ClearingReport.Line> lines = seen.stream().map(f -> new ClearingReport.Line(f.issuer(), f.redeemer(),
                f.purpose(), f.amount(), ClearingPolicy.value(f, value))).toList();
        Map<Purpose, long[]> units = new EnumMap<>(Purpose.class);
        Map<Purpose, Money> worth = new EnumMap<>(Purpose.class);
        for (ClearingReport.Line l : lines) {
            units.computeIfAbsent(l.purpose(), p -> new long[1])[0] += l.amount();
            worth.merge(l.purpose(), l.value(), Money::plus);
        }
        List<ClearingReport.Total> totals = new ArrayList<>();
        units.forEach((p, n) -> totals.add(new ClearingReport.Total(p, n[0], worth.get(p))));
        Circuit circuit = tenancy.circuit(circuitId);
        List<ClearingReport.Name> names = new ArrayList<>();
        names.add(new ClearingReport.Name(Party.CIRCUIT, circuit.name()));
        tenancy.companiesOf(circuitId).forEach(c -> names.add(new ClearingReport.Name(Party.of(c.id()), c.name())));
        return new ClearingReport(period, circuit.currency(), value, lines,
                ClearingPolicy.net(seen, value).stream().filter(p -> visible.test(p.debtor())
                        || visible.test(p.creditor())).toList(), totals,
                names.stream().filter(n -> caller.isCircuitAdmin() || seen.stream().anyMatch(f -> f.involves(n.party()))
                        || visible.test(n.party())).toList(), closed,
                settled.stream().filter(s -> visible.test(s.debtor()) || visible.test(s.creditor())).toList());
    }

    /** The parties whose flows a caller may see: all for the circuit administrator, its own for a company's. */
    private static Predicate<Party> visibility(Caller caller) {
        if (caller.isCircuitAdmin()) {
            return p -> true;
        }
        Party own = Party.of(caller.companyId());
        return own::equals;
    }

    private static long circuitOf(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return caller.circuit();
    }

    private PointValue pointValue(long circuitId) {
        ProgramSettings s = programs.settings(circuitId);
        return new PointValue(s.redeemPoints(), Money.of(s.redeemValue(), tenancy.circuit(circuitId).currency()));
    }
}
