package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * How far a wallet can pay an order: spending needs the minimum order, pays at most the maximum share of it, never
 * more than the balance. What a purchase earns is {@link WalletEarningPolicy}.
 */
public final class WalletPolicy {

    private WalletPolicy() {
    }

    /**
     * Whether and how much a wallet pays toward an order. {@code balance} is the available amount; {@code wanted}
     * null asks for the most allowed. A refusal carries a code (order-below-minimum, insufficient-wallet,
     * over-max-share, wallet-empty, program-off) and a reason.
     */
    public record Quote(boolean allowed, String code, String reason, Money balance, Money maxAmount, Money amount) {
    }

    public static Quote quote(MoneyProgram p, Money balance, Money orderTotal, Money wanted) {
        Currency currency = balance.currency();
        Money zero = Money.zero(currency);
        Money share = orderTotal.times(p.maxSharePercent().movePointLeft(2)).floorToMinorUnit();
        Money max = share.min(balance).max(zero);
        if (!p.enabled()) {
            return new Quote(false, "program-off", "The program is not active", balance, zero, zero);
        }
        if (orderTotal.compareTo(new Money(p.minOrder(), currency)) < 0 || orderTotal.amount().signum() <= 0) {
            return new Quote(false, "order-below-minimum", "The wallet pays orders of at least "
                    + new Money(p.minOrder(), currency), balance, zero, zero);
        }
        if (wanted == null) {
            return max.isPositive() ? new Quote(true, null, null, balance, max, max)
                    : new Quote(false, "wallet-empty", "The wallet has nothing to spend", balance, max, zero);
        }
        if (wanted.compareTo(balance) > 0) {
            return new Quote(false, "insufficient-wallet", "The wallet has " + balance + ", " + wanted
                    + " was asked", balance, max, zero);
        }
        if (wanted.compareTo(share) > 0) {
            return new Quote(false, "over-max-share", "The wallet pays at most "
                    + p.maxSharePercent().stripTrailingZeros().toPlainString() + " % of the order (" + share + ")",
                    balance, max, zero);
        }
        return new Quote(true, null, null, balance, max, wanted);
    }
    /**
     * Whether and how much a wallet can put into a shop's discount code, before any cart exists: {@code wanted}, or
     * the whole balance when null. The code then asks the shop for a cart of at least {@link CodeQuote#minimumSpend}:
     * the program's minimum order, raised so the amount stays within its maximum share of the cart.
     */
    public record CodeQuote(boolean allowed, String code, String reason, Money balance, Money amount,
                            Money minimumSpend) {
    }

    public static CodeQuote quoteCode(MoneyProgram p, Money balance, Money wanted) {
        Currency currency = balance.currency();
        Money zero = Money.zero(currency);
        if (!p.enabled()) {
            return new CodeQuote(false, "program-off", "The program is not active", balance, zero, zero);
        }
        Money amount = wanted == null ? balance : wanted;
        if (!amount.isPositive()) {
            return new CodeQuote(false, "wallet-empty", "The wallet has nothing to spend", balance, zero, zero);
        }
        if (amount.compareTo(balance) > 0) {
            return new CodeQuote(false, "insufficient-wallet", "The wallet has " + balance + ", " + amount
                    + " was asked", balance, zero, zero);
        }
        Money forShare = new Money(amount.amount().multiply(BigDecimal.valueOf(100))
                .divide(p.maxSharePercent(), currency.getDefaultFractionDigits(), RoundingMode.CEILING), currency);
        return new CodeQuote(true, null, null, balance, amount, forShare.max(new Money(p.minOrder(), currency)));
    }
}
