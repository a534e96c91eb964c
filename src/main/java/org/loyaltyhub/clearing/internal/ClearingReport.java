package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.Money;

import java.util.List;

/**
 * Clearing over a period as a caller may see it: the gross lines (issuer, redeemer, purpose: units and value), the
 * positions after netting, totals per purpose, and the parties' names. {@code closed} is the settled period when the
 * report is one, frozen; then {@code settlements} says what was paid.
 */
public record ClearingReport(Period period, String currency, PointValue pointValue, List<Line> lines,
                             List<Position> positions, List<Total> totals, List<Name> parties, Closed closed,
                             List<Settlement> settlements) {

    /** Units of a purpose (points, or minor units of money) issued by one party and redeemed at another. */
    public record Line(Party issuer, Party redeemer, Purpose purpose, long amount, Money value) {
    }

    public record Total(Purpose purpose, long amount, Money value) {
    }

    /** A party's name; the circuit's own name for the circuit. */
    public record Name(Party party, String name) {
    }

    public record Closed(long id, java.time.Instant closedAt, String closedBy) {
    }

    public String name(Party party) {
        return parties.stream().filter(n -> n.party().equals(party)).map(Name::name).findFirst().orElse("?");
    }
}
