package org.loyaltyhub.programs;

import org.loyaltyhub.tenancy.Caller;

/**
 * Recharging a company's points budget from the circuit's issuance, as other modules ask for it (an approved recharge
 * request). The same way the budgets page and API post a recharge: one key, one entry.
 */
public interface BudgetRecharges {

    /** Posts the recharge once for {@code requestKey}: a repeat with the same key writes nothing more. */
    void rechargeOnce(Caller caller, long companyId, long points, String note, String requestKey);
}
