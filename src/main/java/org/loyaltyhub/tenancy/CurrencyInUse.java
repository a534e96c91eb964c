package org.loyaltyhub.tenancy;

import java.util.Optional;

/**
 * What other modules keep in a circuit's currency (money accounts in the ledger, money programs' rules): while any
 * exists, the currency cannot change, or amounts already counted in it would be read in another.
 */
public interface CurrencyInUse {

    /** What of the circuit counts in its currency; empty when nothing of this module does. */
    Optional<CurrencyLocked.Holder> holder(long circuitId);
}
