package org.loyaltyhub.ledger;

/** One side of a movement: a signed amount on an account (positive credits it), with its lot rule. */
public record Leg(AccountRef account, long amount, LotRule lot) {

    public Leg {
        if (amount == 0) {
            throw new IllegalArgumentException("a leg moves a non-zero amount");
        }
        if (lot == null) {
            lot = new LotRule.Oldest();
        }
    }

    public static Leg of(AccountRef account, long amount) {
        return new Leg(account, amount, null);
    }
}
