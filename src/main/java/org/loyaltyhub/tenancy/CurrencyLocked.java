package org.loyaltyhub.tenancy;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/**
 * A circuit's currency cannot change any more: companies trade in it, or money is already counted in it (wallet
 * accounts, money programs' amounts). Answered 409 {@code currency-locked}, nothing changed.
 */
public class CurrencyLocked extends LoyaltyException {

    /** What holds the currency. */
    public enum Holder {
        COMPANIES("the circuit has companies"),
        MONEY_ACCOUNTS("members' wallets already hold money in it"),
        MONEY_PROGRAMS("money programs (cashback, accumulated discounts) are set in it");

        private final String reason;

        Holder(String reason) {
            this.reason = reason;
        }
    }

    private final Holder holder;

    public CurrencyLocked(String currency, Holder holder) {
        super("currency-locked", Failure.CONFLICT, "The currency stays " + currency + ": " + holder.reason);
        this.holder = holder;
        with("field", "currency").with("holder", holder.name());
    }

    public Holder holder() {
        return holder;
    }
}
