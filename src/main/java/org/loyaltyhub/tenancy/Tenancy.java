package org.loyaltyhub.tenancy;

import java.util.List;

/** What other modules ask of tenancy: the circuit's settings and the stores a caller may act at. */
public interface Tenancy {

    Circuit circuit(long circuitId);

    Company company(Caller caller, long companyId);

    /** The companies the caller covers: all of the circuit for its administrators, otherwise its own. */
    List<Company> companies(Caller caller);

    /** Changes a company's VAT number (null: none), as its administrator or the circuit's; the rest stays. */
    Company changeVatNumber(Caller caller, long companyId, String vatNumber);

    Store store(long circuitId, long storeId);

    /**
     * The store an operation happens at: the caller's own store, or the one it names if the caller covers it.
     * Refused when a store is needed and none can be determined.
     */
    Store storeFor(Caller caller, Long requestedStoreId);

    List<Store> storesOf(long circuitId, long companyId);

    /** Every store of the circuit, as its customers see them (the customer area, the public store search). */
    List<Store> circuitStores(long circuitId);

    /** The stores the caller covers: every store of the circuit for its administrators. */
    List<Store> stores(Caller caller);

    /** The operators the caller manages: the whole circuit for its administrators, otherwise their company's. */
    List<Operator> operators(Caller caller);

    /** Every company of the circuit, as the public loyalty space lists them. */
    List<Company> companiesOf(long circuitId);

    /** Provisions a circuit with its first administrator (platform set-up, demo data). Returns the circuit. */
    Circuit provisionCircuit(String name, String currency, boolean companiesKeptApart, boolean budgetsEnforced,
                             String adminEmail, String adminName, String adminPassword);

    boolean operatorExists(String email);

    /** The platform administrator of a platform that has none yet (demo data); afterwards there is no first run. */
    void provisionPlatformAdmin(String email, String name, String password);
}
