package org.loyaltyhub.programs.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.MoneyRates;
import org.loyaltyhub.programs.MoneyRates.ProductRate;
import org.loyaltyhub.programs.MoneyRates.StoreRate;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rules of the money programs (cashback, accumulated discounts) as administrators read and change them: the
 * circuit's rule, each company's override, products' and stores' own rates, within the caller's role and companies. Storage is
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

    /** Products' own rates of a purpose, circuit-wide (administrators of the circuit and of its companies read them). */
    @Transactional(readOnly = true)
    public List<ProductRate> productRates(Caller caller, Purpose purpose) {
        requireEarning(purpose);
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return programs.productRates(caller.circuit(), purpose);
    }

    /** Sets a product's own rate; circuit administrators only, like the points' product rules. */
    public ProductRate changeProductRate(Caller caller, Purpose purpose, ProductRate rate) {
        requireEarning(purpose);
        caller.require(Role.CIRCUIT_ADMIN);
        programs.saveProductRate(caller.circuit(), purpose, rate);
        return rate;
    }

    public void removeProductRate(Caller caller, Purpose purpose, String productId) {
        requireEarning(purpose);
        caller.require(Role.CIRCUIT_ADMIN);
        programs.removeProductRate(caller.circuit(), purpose, productId);
    }

    /** Stores' own rates: every store's for circuit administrators, their company's for a company administrator. */
    @Transactional(readOnly = true)
    public List<StoreRate> storeRates(Caller caller, Purpose purpose) {
        requireEarning(purpose);
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return programs.storeRates(caller.circuit(), purpose, caller.isCircuitAdmin() ? null : caller.companyId());
    }

    /** Sets a store's own rate: any store of the circuit for its administrators, their own for a company's. */
    public StoreRate changeStoreRate(Caller caller, Purpose purpose, long storeId, BigDecimal percent) {
        requireEarning(purpose);
        Store store = coveredStore(caller, storeId);
        BigDecimal checked = MoneyRates.checked(percent);
        programs.saveStoreRate(caller.circuit(), store.id(), purpose, checked);
        return new StoreRate(store.id(), store.name(), store.companyId(), checked);
    }

    public void removeStoreRate(Caller caller, Purpose purpose, long storeId) {
        requireEarning(purpose);
        programs.removeStoreRate(caller.circuit(), coveredStore(caller, storeId).id(), purpose);
    }

    private Store coveredStore(Caller caller, long storeId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store store = tenancy.store(caller.circuit(), storeId);
        if (!caller.coversStore(store)) {
            throw new NotFound("Store", storeId);
        }
        return store;
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
