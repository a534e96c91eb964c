package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.Money;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The clearing rules, for every purpose the ledger has (a new purpose needs no change here).
 * <ol>
 * <li>What counts: a movement of a lot (value a company issued to a member) made by an entry that takes the value
 * towards a redemption, to the purpose's held or redeemed account (a reservation at the counter or in a shop, a
 * reward claim), or gives it back from one (a released reservation, a refunded order, a reversal). It counts for the
 * lot's issuer and the entry's company, on the entry's UTC day: plus what was taken, minus what came back. So a
 * reservation released the same period counts nothing, and a refund in a later period corrects that period, never a
 * closed one. Expiry, earn refunds, manual adjustments and everything else never count.</li>
 * <li>Who owes whom: the issuer owes the redeemer what the redeemer gave for the issuer's value. Points are worth the
 * program's redemption rate; money counts as it is.</li>
 * <li>Valuing and netting: each line (issuer, redeemer, purpose) is valued once, rounded half-even to the minor unit;
 * a pair's lines both ways are netted into one position, so the statement adds up to the cent.</li>
 * </ol>
 */
public final class ClearingPolicy {

    private ClearingPolicy() {
    }

    /** The accounts of every purpose towards which (or back from which) lot movements count. */
    public static Set<AccountKind> redemptionAccounts() {
        return java.util.Arrays.stream(Purpose.values()).filter(Purpose::heldByHolders)
                .flatMap(p -> redemptionAccounts(p).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The accounts an entry moving a purpose's lots must touch for the movement to count. */
    public static Set<AccountKind> redemptionAccounts(Purpose purpose) {
        return Set.of(purpose.held(), purpose.redeemed());
    }

    /** Whether a movement of a {@code purpose} lot counts, given the accounts its entry posts to. */
    public static boolean counts(Purpose purpose, Collection<AccountKind> entryAccounts) {
        return entryAccounts.stream().anyMatch(redemptionAccounts(purpose)::contains);
    }

    /** What a line is worth in the circuit's currency. */
    public static Money value(Flow flow, PointValue points) {
        return flow.purpose().money() ? Money.ofMinorUnits(flow.amount(), points.currency()) : points.of(flow.amount());
    }

    /** The positions of every pair of parties that have anything to settle, largest first. */
    public static List<Position> net(Collection<Flow> flows, PointValue points) {
        // per ordered pair (low, high): what low owes high; negative means high owes low
        Map<Party, Map<Party, Money>> owed = new TreeMap<>();
        Money zero = Money.zero(points.currency());
        for (Flow f : flows) {
            if (f.internal()) {
                continue;
            }
            Money worth = value(f, points);
            boolean issuerLow = f.issuer().compareTo(f.redeemer()) < 0;
            Party low = issuerLow ? f.issuer() : f.redeemer();
            Party high = issuerLow ? f.redeemer() : f.issuer();
            owed.computeIfAbsent(low, k -> new TreeMap<>()).merge(high, issuerLow ? worth : zero.minus(worth),
                    Money::plus);
        }
        List<Position> positions = new ArrayList<>();
        owed.forEach((low, pairs) -> pairs.forEach((high, amount) -> {
            if (amount.isPositive()) {
                positions.add(new Position(low, high, amount));
            } else if (amount.isNegative()) {
                positions.add(new Position(high, low, zero.minus(amount)));
            }
        }));
        positions.sort(Comparator.comparing(Position::amount).reversed().thenComparing(Position::debtor)
                .thenComparing(Position::creditor));
        return positions;
    }
}
