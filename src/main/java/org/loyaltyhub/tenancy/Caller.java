package org.loyaltyhub.tenancy;

import org.loyaltyhub.shared.Forbidden;

/**
 * The authenticated operator or API key behind a request, with the tenant it is bound to. Every module's access
 * rules start from here; nothing a client sends can widen it.
 */
public record Caller(Role role, Long circuitId, Long companyId, Long storeId, Long operatorId, Long apiKeyId,
                     String name) implements java.io.Serializable {

    /** The circuit this caller works in; platform administrators have none and are refused circuit operations. */
    public long circuit() {
        if (circuitId == null) {
            throw new Forbidden("This action belongs to a circuit; sign in as one of its operators");
        }
        return circuitId;
    }

    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    public boolean isCircuitAdmin() {
        return role == Role.CIRCUIT_ADMIN;
    }

    /** Circuit admins act on every company; everybody else only on their own. */
    public boolean coversCompany(long company) {
        return isCircuitAdmin() || (companyId != null && companyId == company);
    }

    /** Circuit admins and company admins (and company-wide API keys) act at any store of what they cover. */
    public boolean coversStore(Store store) {
        if (store.circuitId() != circuit()) {
            return false;
        }
        if (storeId != null) {
            return storeId == store.id();
        }
        return coversCompany(store.companyId());
    }

    public void require(Role... roles) {
        if (!is(roles)) {
            throw new Forbidden("Your role (" + role + ") does not allow this action");
        }
    }

    /** Who did it, as recorded on journal entries and audit trails. */
    public String actor() {
        if (operatorId == null && apiKeyId == null && name != null) {
            return name; // a system caller such as a shop connection names itself
        }
        return operatorId != null ? "operator:" + operatorId : "api-key:" + apiKeyId;
    }
}
