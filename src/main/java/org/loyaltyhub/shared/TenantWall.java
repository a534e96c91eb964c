package org.loyaltyhub.shared;

/**
 * The names of the second wall between tenants: PostgreSQL row-level security on every table with a
 * {@code circuit_id} (policies applied by the {@code afterMigrate__tenant_wall.sql} callback). A circuit's request runs
 * as {@link #TENANT_ROLE} with {@link #CIRCUIT_SETTING} set to its circuit, and sees nothing of another circuit even
 * when a query forgets its {@code where circuit_id = ?}. Platform work that crosses circuits (jobs, sign-in, shops'
 * webhooks before the shop is known) runs as {@link #PLATFORM_ROLE}, which sees every circuit but may not change the
 * schema; only Flyway (and the benchmarks' DDL) use the login role that owns the tables.
 */
public final class TenantWall {

    /** Sees and writes only the rows of the circuit in {@link #CIRCUIT_SETTING} (and shared rows without a circuit). */
    public static final String TENANT_ROLE = "loyaltyhub_tenant";

    /** Sees every circuit's rows: for platform-level work that runs outside the tables' owner. */
    public static final String PLATFORM_ROLE = "loyaltyhub_platform";

    /** The transaction's or session's setting that names the circuit a {@link #TENANT_ROLE} works in. */
    public static final String CIRCUIT_SETTING = "loyaltyhub.circuit";

    /**
     * A signed-in principal that belongs to one circuit (an operator's or API key's caller, a customer of the customer
     * area): its requests run behind that circuit's wall.
     */
    public interface Tenant {
        long tenantCircuitId();
    }

    private TenantWall() {
    }
}
