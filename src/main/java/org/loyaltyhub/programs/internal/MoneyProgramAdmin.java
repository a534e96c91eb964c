package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of the money programs (cashback, accumulated discounts) as administrators read and change them: the
 * circuit's rule and each company's override, within the caller's role and companies. Storage is
 * {@link MoneyPrograms}; earning and spending by the rules are {@link WalletEarning} and {@link WalletService}.
 */
@Service
@Transactional
public class MoneyProgramAdmin {

    private final MoneyPrograms programs;
    private final Tenancy tenancy;

    MoneyProgramAdmin(MoneyPrograms programs, Tenancy tenancy) {
        this.programs = programs;
        this.tenancy = tenancy;
    }

    /** The rule of a purpose: the circuit's (companyId null) or a company's own; off when none was saved. */
    @Transactional(readOnly = true)
    public MoneyProgram program(Caller caller, Purpose purpose, Long companyId) {
        requireEarning(purpose);
        checkRuleScope(caller, companyId, false);
        return programs.own(caller.circuit(), companyId, purpose).orElseGet(MoneyProgram::off);
    }

    /** Circuit administrators set the circuit's rule and any company's override; company administrators their own. */
    public MoneyProgram changeProgram(Caller caller, Purpose purpose, Long companyId, MoneyProgram p) {
        requireEarning(purpose);
        checkRuleScope(caller, companyId, true);
        programs.save(caller.circuit(), companyId, purpose, p);
        return programs.own(caller.circuit(), companyId, purpose).orElseThrow();
    }

    /** Removes a company's override: the circuit's rule applies there again. */
    public void removeOverride(Caller caller, Purpose purpose, long companyId) {
        requireEarning(purpose);
        checkRuleScope(caller, companyId, true);
        programs.removeOverride(caller.circuit(), companyId, purpose);
    }

    private static void requireEarning(Purpose purpose) {
        if (!MoneyProgram.runs(purpose)) {
            throw new org.loyaltyhub.shared.InvalidInput("purpose", "must be a money program: CASHBACK or DISCOUNT "
                    + "(prepaid credit has its settings under /api/v1/prepaid/settings)");
        }
    }

    private void checkRuleScope(Caller caller, Long companyId, boolean change) {
        if (companyId == null) {
            if (change) {
                caller.require(Role.CIRCUIT_ADMIN);
            } else {
                caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
            }
            return;
        }
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        tenancy.company(caller, companyId); // not found outside the caller's scope
    }
}
