package org.loyaltyhub.ledger;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** A movement would take a floored account below zero: not enough points, or an exhausted company budget. */
public class InsufficientBalance extends LoyaltyException {

    public InsufficientBalance(AccountKind kind, long balance, long requested) {
        super(code(kind), Failure.REFUSED, message(kind, balance, requested));
        with("balance", balance).with("requested", requested);
    }

    private static String code(AccountKind kind) {
        return switch (kind) {
            case COMPANY_BUDGET -> "budget-exhausted";
            case SMS_CREDITS -> "sms-credits-exhausted";
            case MEMBER_AVAILABLE -> "insufficient-points";
            default -> kind.money() && kind.tracksLots() ? "insufficient-wallet" : "insufficient-balance";
        };
    }

    private static String message(AccountKind kind, long balance, long requested) {
        return switch (kind) {
            case COMPANY_BUDGET -> "The company's points budget has " + balance + " points left, " + requested
                    + " are needed; ask the circuit administrator for a recharge";
            case SMS_CREDITS -> "The company has " + balance + " SMS credits, " + requested + " are needed (one a "
                    + "segment of 160 characters, 70 with accents outside GSM or emoji); ask the circuit administrator "
                    + "for a recharge";
            case MEMBER_AVAILABLE -> "The member has " + balance + " points available, " + requested + " are needed";
            case GIFT_CARD_AVAILABLE -> "The gift card has " + balance + " minor units (cents) available, " + requested
                    + " are needed";
            default -> kind.money() && kind.tracksLots()
                    ? "The member's " + kind.purpose().name().toLowerCase() + " wallet has " + balance
                    + " minor units (cents) available, " + requested + " are needed"
                    : "The " + kind + " account has " + balance + ", " + requested + " are needed";
        };
    }
}
