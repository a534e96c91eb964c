package org.loyaltyhub.tenancy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.CurrencyInUse;
import org.loyaltyhub.tenancy.CurrencyLocked;
import org.loyaltyhub.tenancy.Operator;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.CompanyFields;
import org.loyaltyhub.tenancy.internal.Commands.NewCompany;
import org.loyaltyhub.tenancy.internal.Commands.NewOperator;
import org.loyaltyhub.tenancy.internal.Commands.NewOperatorAccount;
import org.loyaltyhub.tenancy.internal.Commands.OperatorChange;
import org.loyaltyhub.tenancy.internal.Commands.StoreFields;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;

/** Circuits, companies, stores and operators, each action checked against the caller's role and tenant. */
@Service
@Transactional
public class TenancyService implements Tenancy {

    private final Circuits circuits;
    private final Companies companies;
    private final Stores stores;
    private final Operators operators;
    private final PasswordEncoder passwords;
    private final Cache<Long, Circuit> circuitCache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(10_000).build();
    private final Cache<List<Long>, Store> storeCache =
            Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(100_000).build();

    private final org.springframework.beans.factory.ObjectProvider<CurrencyInUse> currencyUsers;

    TenancyService(Circuits circuits, Companies companies, Stores stores, Operators operators,
                   PasswordEncoder passwords, org.springframework.beans.factory.ObjectProvider<CurrencyInUse> currencyUsers) {
        this.currencyUsers = currencyUsers;
        this.circuits = circuits;
        this.companies = companies;
        this.stores = stores;
        this.operators = operators;
        this.passwords = passwords;
    }

    // --- circuits -------------------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public Circuit circuit(long circuitId) {
        return circuitCache.get(circuitId, id -> circuits.find(id).orElseThrow(() -> new NotFound("Circuit", id)));
    }

    /** Creates a circuit and its first administrator (platform administrators, and the first-run setup). */
    public CreatedCircuit createCircuit(CircuitFields fields, NewOperatorAccount admin) {
        long id = circuits.create(fields.name().strip(), fields.currency(), fields.companiesKeptApart(),
                fields.budgetsEnforced());
        if (fields.defaultCountry() != null && org.loyaltyhub.shared.PhoneNumber.knownCountry(fields.defaultCountry())) {
            circuits.changeDefaultCountry(id, fields.defaultCountry().toUpperCase(java.util.Locale.ROOT));
        }
        long adminId = createAccount(id, Role.CIRCUIT_ADMIN, null, null, admin);
        return new CreatedCircuit(circuit(id), adminId);
    }

    @Override
    public Circuit provisionCircuit(String name, String currency, boolean companiesKeptApart, boolean budgetsEnforced,
                                    String adminEmail, String adminName, String adminPassword) {
        return createCircuit(new CircuitFields(name, currency, null, companiesKeptApart, budgetsEnforced),
                new NewOperatorAccount(adminEmail, adminName, adminPassword)).circuit();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean operatorExists(String email) {
        return operators.emailTaken(email);
    }

    @Override
    public void provisionPlatformAdmin(String email, String name, String password) {
        if (!operators.platformAdminExists()) {
            createAccount(null, Role.PLATFORM_ADMIN, null, null, new NewOperatorAccount(email, name, password));
        }
    }

    public Circuit updateCircuit(Caller caller, CircuitFields f) {
        caller.require(Role.CIRCUIT_ADMIN);
        Circuit current = circuit(caller.circuit());
        if (!current.currency().equals(f.currency())) {
            checkCurrencyFree(current);
        }
        if (f.defaultCountry() != null && !org.loyaltyhub.shared.PhoneNumber.knownCountry(f.defaultCountry())) {
            throw new InvalidInput("defaultCountry", "must be one of " + org.loyaltyhub.shared.PhoneNumber.countries());
        }
        circuits.update(current.id(), f.name().strip(), f.currency(), f.logoUrl(), f.companiesKeptApart(),
                f.budgetsEnforced());
        if (f.defaultCountry() != null) {
            circuits.changeDefaultCountry(current.id(), f.defaultCountry().toUpperCase(java.util.Locale.ROOT));
        }
        circuitCache.invalidate(current.id());
        return circuit(current.id());
    }

    /** Refuses a change of currency once companies trade in it or money is counted in it. */
    private void checkCurrencyFree(Circuit current) {
        if (!companies.all(current.id()).isEmpty()) {
            throw new CurrencyLocked(current.currency(), CurrencyLocked.Holder.COMPANIES);
        }
        currencyUsers.orderedStream().flatMap(u -> u.holder(current.id()).stream()).findFirst().ifPresent(h -> {
            throw new CurrencyLocked(current.currency(), h);
        });
    }

    /** Points the circuit at its uploaded logo (or at none); the logo itself is kept by {@link CircuitLogos}. */
    void changeLogoUrl(long circuitId, String url) {
        Circuit c = circuit(circuitId);
        circuits.update(circuitId, c.name(), c.currency(), url, c.companiesKeptApart(), c.budgetsEnforced());
        circuitCache.invalidate(circuitId);
    }

    @Transactional(readOnly = true)
    public List<Circuit> allCircuits(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        return circuits.all();
    }

    // --- companies and stores -------------------------------------------------------------------------------

    public CreatedCompany createCompany(Caller caller, NewCompany c) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        if (companies.nameTaken(circuitId, c.name().strip(), null)) {
            throw new InvalidInput("name", "a company with this name already exists in the circuit");
        }
        long id = companies.create(circuitId, c.name().strip(), c.vatNumber());
        StoreFields first = c.firstStore() != null ? c.firstStore()
                : new StoreFields(c.name().strip(), null, null, null, null, null, null);
        long storeId = stores.create(circuitId, id, first.row());
        return new CreatedCompany(companies.find(circuitId, id).orElseThrow(), store(circuitId, storeId));
    }

    @Override
    @Transactional(readOnly = true)
    public Company company(Caller caller, long companyId) {
        caller.circuit(); // a platform administrator has no circuit: refused before any lookup
        if (!caller.coversCompany(companyId)) {
            throw new NotFound("Company", companyId);
        }
        return companies.find(caller.circuit(), companyId).orElseThrow(() -> new NotFound("Company", companyId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Company> companies(Caller caller) {
        long circuitId = caller.circuit(); // a platform administrator is refused here, not with a null pointer
        if (caller.isCircuitAdmin()) {
            return companies.all(circuitId);
        }
        return List.of(company(caller, caller.companyId()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Company> companiesOf(long circuitId) {
        return companies.all(circuitId);
    }

    public Company updateCompany(Caller caller, long companyId, CompanyFields f) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company current = company(caller, companyId);
        if (companies.nameTaken(caller.circuit(), f.name().strip(), companyId)) {
            throw new InvalidInput("name", "a company with this name already exists in the circuit");
        }
        boolean active = f.active() == null ? current.active() : f.active();
        if (!active && !caller.isCircuitAdmin()) {
            throw new org.loyaltyhub.shared.Forbidden("only the circuit administrator switches a company off");
        }
        companies.update(caller.circuit(), companyId, f.name().strip(), f.vatNumber(), active);
        return company(caller, companyId);
    }

    @Override
    public Company changeVatNumber(Caller caller, long companyId, String vatNumber) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company current = company(caller, companyId);
        companies.update(caller.circuit(), companyId, current.name(), vatNumber, current.active());
        return company(caller, companyId);
    }

    public Store createStore(Caller caller, long companyId, StoreFields f) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        company(caller, companyId);
        return store(caller.circuit(), stores.create(caller.circuit(), companyId, f.row()));
    }

    public Store updateStore(Caller caller, long storeId, StoreFields f) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        visibleStore(caller, storeId);
        stores.update(caller.circuit(), storeId, f.row());
        storeCache.invalidate(List.of(caller.circuit(), storeId));
        return store(caller.circuit(), storeId);
    }

    @Override
    @Transactional(readOnly = true)
    public Store store(long circuitId, long storeId) {
        return storeCache.get(List.of(circuitId, storeId), key -> stores.find(circuitId, storeId)
                .orElseThrow(() -> new NotFound("Store", storeId)));
    }

    @Transactional(readOnly = true)
    public Store visibleStore(Caller caller, long storeId) {
        Store store = store(caller.circuit(), storeId);
        if (!caller.coversStore(store)) {
            throw new NotFound("Store", storeId);
        }
        return store;
    }

    @Transactional(readOnly = true)
    @Override
    public List<Store> stores(Caller caller) {
        if (caller.isCircuitAdmin()) {
            return stores.all(caller.circuit());
        }
        if (caller.storeId() != null) {
            return List.of(store(caller.circuit(), caller.storeId()));
        }
        return stores.ofCompany(caller.circuit(), caller.companyId());
    }

    @Override
    @Transactional(readOnly = true)
    public Store storeFor(Caller caller, Long requestedStoreId) {
        if (requestedStoreId != null) {
            return visibleStore(caller, requestedStoreId);
        }
        if (caller.storeId() != null) {
            return store(caller.circuit(), caller.storeId());
        }
        if (caller.companyId() != null) {
            List<Store> own = stores.ofCompany(caller.circuit(), caller.companyId());
            if (own.size() == 1) {
                return own.getFirst();
            }
        }
        throw new InvalidInput("storeId", "name the store this happens at");
    }

    @Override
    @Transactional(readOnly = true)
    public List<Store> circuitStores(long circuitId) {
        return stores.all(circuitId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Store> storesOf(long circuitId, long companyId) {
        return stores.ofCompany(circuitId, companyId);
    }

    // --- operators ------------------------------------------------------------------------------------------

    public Operator createOperator(Caller caller, NewOperator o) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Placement placement = place(caller, o.role(), o.companyId(), o.storeId());
        long id = createAccount(caller.circuit(), o.role(), placement.companyId(), placement.storeId(),
                new NewOperatorAccount(o.email(), o.name(), o.password()));
        return operator(caller, id);
    }

    @Transactional(readOnly = true)
    public Operator operator(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Operator op = operators.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Operator", id));
        if (!caller.isCircuitAdmin() && !belongsTo(op, caller.companyId())) {
            throw new NotFound("Operator", id);
        }
        return op;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Operator> operators(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return operators.all(caller.circuit(), caller.isCircuitAdmin() ? null : caller.companyId());
    }

    public Operator changeOperator(Caller caller, long id, OperatorChange change) {
        Operator op = operator(caller, id);
        Role role = change.role() != null ? change.role() : op.role();
        Long companyId = change.companyId() != null || change.storeId() != null || change.role() != null
                ? change.companyId() : op.companyId();
        Long storeId = change.storeId() != null || change.role() != null ? change.storeId() : op.storeId();
        Placement placement = place(caller, role, companyId, storeId);
        boolean enabled = change.enabled() != null ? change.enabled() : op.enabled();
        if (!enabled && caller.operatorId() != null && caller.operatorId() == id) {
            throw new InvalidInput("enabled", "you cannot disable your own account");
        }
        operators.update(caller.circuit(), id, role, placement.companyId(), placement.storeId(),
                change.name() != null ? change.name().strip() : op.displayName(), enabled);
        if (change.password() != null) {
            operators.changePassword(id, passwords.encode(change.password()));
        }
        return operator(caller, id);
    }

    private boolean belongsTo(Operator op, Long companyId) {
        if (companyId == null) {
            return false;
        }
        if (op.companyId() != null && op.companyId().equals(companyId)) {
            return true;
        }
        return op.storeId() != null && stores.find(op.circuitId(), op.storeId())
                .map(s -> s.companyId() == companyId).orElse(false);
    }

    /** Where an operator of the given role sits, checked against what the caller covers. */
    private Placement place(Caller caller, Role role, Long companyId, Long storeId) {
        return switch (role) {
            case PLATFORM_ADMIN, API_KEY -> throw new InvalidInput("role", "must be CIRCUIT_ADMIN, COMPANY_ADMIN or STORE_OPERATOR");
            case CIRCUIT_ADMIN -> {
                if (!caller.isCircuitAdmin()) {
                    throw new Forbidden("Only circuit administrators appoint circuit administrators");
                }
                yield new Placement(null, null);
            }
            case COMPANY_ADMIN -> {
                if (companyId == null) {
                    throw new InvalidInput("companyId", "is required for a company administrator");
                }
                companies.find(caller.circuit(), companyId)
                        .filter(c -> caller.coversCompany(c.id()))
                        .orElseThrow(() -> new InvalidInput("companyId", "no such company"));
                yield new Placement(companyId, null);
            }
            case STORE_OPERATOR -> {
                if (storeId == null) {
                    throw new InvalidInput("storeId", "is required for a store operator");
                }
                Store store = stores.find(caller.circuit(), storeId).filter(caller::coversStore)
                        .orElseThrow(() -> new InvalidInput("storeId", "no such store"));
                yield new Placement(store.companyId(), store.id());
            }
        };
    }

    long createAccount(Long circuitId, Role role, Long companyId, Long storeId, NewOperatorAccount account) {
        if (operators.emailTaken(account.email())) {
            throw emailTaken();
        }
        // taken by an operator of another circuit, which the tenant wall hides from the check above
        return operators.create(circuitId, role, companyId, storeId, account.email(), account.name(),
                passwords.encode(account.password())).orElseThrow(TenancyService::emailTaken);
    }

    private static LoyaltyException emailTaken() {
        return new LoyaltyException("email-taken", Failure.CONFLICT, "An operator with this e-mail already exists")
                .with("field", "email");
    }

    private record Placement(Long companyId, Long storeId) {
    }

    public record CreatedCircuit(Circuit circuit, long adminId) {
    }

    public record CreatedCompany(Company company, Store firstStore) {
    }
}
