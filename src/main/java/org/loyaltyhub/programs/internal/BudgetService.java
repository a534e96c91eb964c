package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Company points budgets (seed 002, "Ricarica i punti"): the circuit administrator recharges a company's budget
 * from the circuit's issuance; when the circuit enforces budgets, the points a company awards come out of it.
 */
@Service
@Transactional
public class BudgetService implements org.loyaltyhub.programs.BudgetRecharges {

    static final long MAX_RECHARGE = 1_000_000_000L;

    private final Ledger ledger;
    private final Tenancy tenancy;
    BudgetService(Ledger ledger, Tenancy tenancy) {
        this.ledger = ledger;
        this.tenancy = tenancy;
    }

    public record Budget(long companyId, String companyName, long balance, boolean enforced) {
    }

    public Budget recharge(Caller caller, long companyId, long points, String note) {
        return recharge(caller, companyId, points, note, UUID.randomUUID().toString());
    }

    /** A recharge whose request key makes a resubmitted form (a double click, a reload) recharge once. */
    public Budget recharge(Caller caller, long companyId, long points, String note, String requestKey) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (points <= 0 || points > MAX_RECHARGE) {
            throw new InvalidInput("points", "must be between 1 and " + MAX_RECHARGE);
        }
        Company company = tenancy.company(caller, companyId);
        ledger.post(EntryDraft.transfer(caller.circuit(), "recharge:" + requestKey,
                        "BUDGET_RECHARGE", "Budget recharge")
                .move(AccountRef.circuit(AccountKind.CIRCUIT_ISSUANCE), AccountRef.budget(company.id()), points)
                .note(note == null || note.isBlank() ? null : note.strip()).company(company.id())
                .actor(caller.actor()).build());
        return budget(caller, company.id());
    }

    @Override
    public void rechargeOnce(Caller caller, long companyId, long points, String note, String requestKey) {
        recharge(caller, companyId, points, note, requestKey);
    }

    @Transactional(readOnly = true)
    public Budget budget(Caller caller, long companyId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company company = tenancy.company(caller, companyId);
        return new Budget(company.id(), company.name(),
                ledger.balance(caller.circuit(), AccountRef.budget(company.id())),
                tenancy.circuit(caller.circuit()).budgetsEnforced());
    }

    @Transactional(readOnly = true)
    public List<Budget> budgets(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return tenancy.companies(caller).stream().map(c -> budget(caller, c.id())).toList();
    }

    @Transactional(readOnly = true)
    public Page<Ledger.AccountMovement> history(Caller caller, long companyId, PageQuery page) {
        Company company = tenancy.company(caller, companyId);
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return ledger.accountHistory(caller.circuit(), AccountRef.budget(company.id()), page);
    }
}
