package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An invoice's amounts: each line's net and VAT rounded half-up to the cent, and totals that are the sums of the lines
 * (never a VAT recomputed on the total, which could differ by a cent).
 */
public record InvoiceTotals(List<LineAmounts> lines, Money net, Money vat, Money total) {

    public record LineAmounts(Money net, Money vat) {
        public Money total() {
            return net.plus(vat);
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Computes the amounts of lines with these net amounts (all in one currency) at a VAT rate in percent. */
    public static InvoiceTotals of(List<Money> nets, BigDecimal ratePercent) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("an invoice has at least one line");
        }
        if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("VAT rate out of range: " + ratePercent);
        }
        Currency currency = nets.getFirst().currency();
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        Money net = Money.zero(currency);
        Money vat = Money.zero(currency);
        List<LineAmounts> lines = new ArrayList<>();
        for (Money line : nets) {
            if (line.isNegative()) {
                throw new IllegalArgumentException("a line's amount cannot be negative: " + line);
            }
            Money lineNet = new Money(line.amount().setScale(digits, RoundingMode.HALF_UP), line.currency());
            Money lineVat = new Money(lineNet.amount().multiply(ratePercent).divide(HUNDRED, digits,
                    RoundingMode.HALF_UP), line.currency());
            lines.add(new LineAmounts(lineNet, lineVat));
            net = net.plus(lineNet);
            vat = vat.plus(lineVat);
        }
        return new InvoiceTotals(List.copyOf(lines), net, vat, net.plus(vat));
    }

    /**
     * The amounts of lines whose price includes VAT (what a person paid): each line's net is the price ÷ (1 + rate)
     * rounded half-up to the cent, its VAT the rest, so each line adds up to exactly what was paid.
     */
    public static InvoiceTotals ofGross(List<Money> grosses, BigDecimal ratePercent) {
        InvoiceTotals nets = of(grosses, ratePercent); // the same checks: lines, currency, rate, no negative line
        Currency currency = nets.net().currency();
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal divisor = HUNDRED.add(ratePercent);
        Money net = Money.zero(currency);
        Money vat = Money.zero(currency);
        List<LineAmounts> lines = new ArrayList<>();
        for (Money gross : grosses) {
            BigDecimal paid = gross.amount().setScale(digits, RoundingMode.HALF_UP);
            Money lineNet = new Money(paid.multiply(HUNDRED).divide(divisor, digits, RoundingMode.HALF_UP), currency);
            Money lineVat = new Money(paid, currency).minus(lineNet);
            lines.add(new LineAmounts(lineNet, lineVat));
            net = net.plus(lineNet);
            vat = vat.plus(lineVat);
        }
        return new InvoiceTotals(List.copyOf(lines), net, vat, net.plus(vat));
    }
}
