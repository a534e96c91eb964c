package org.loyaltyhub.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A journal entry to post. {@code businessKey} is unique per circuit: posting a key again writes nothing and
 * returns the first entry. {@code reason} says which rule produced it, so history explains itself.
 */
public record EntryDraft(long circuitId, String businessKey, String kind, String reason, String note,
                         Long memberId, Long companyId, Long storeId, String actor, Long reversesId, List<Leg> legs) {

    public EntryDraft {
        if (businessKey == null || businessKey.isBlank() || businessKey.length() > 300) {
            throw new IllegalArgumentException("an entry needs a business key of 1..300 characters");
        }
        if (legs == null || legs.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two legs");
        }
        // per unit: points with points, money with money (a circuit has one currency)
        for (boolean money : new boolean[] {false, true}) {
            long sum = legs.stream().filter(l -> l.account().kind().money() == money).mapToLong(Leg::amount)
                    .reduce(0, Math::addExact);
            if (sum != 0) {
                throw new IllegalArgumentException("an entry must balance in " + (money ? "money" : "points") + ": "
                        + legs);
            }
        }
        legs = List.copyOf(legs);
    }

    /** A two-legged movement of {@code points} from one account to another. */
    public static Builder transfer(long circuitId, String businessKey, String kind, String reason) {
        return new Builder(circuitId, businessKey, kind, reason);
    }

    /** Fluent assembly of an entry. */
    public static final class Builder {
        private final long circuitId;
        private final String businessKey;
        private final String kind;
        private final String reason;
        private String note;
        private Long memberId;
        private Long companyId;
        private Long storeId;
        private String actor;
        private Long reversesId;
        private final List<Leg> legs = new ArrayList<>();

        private Builder(long circuitId, String businessKey, String kind, String reason) {
            this.circuitId = circuitId;
            this.businessKey = businessKey;
            this.kind = kind;
            this.reason = reason;
        }

        public Builder move(AccountRef from, AccountRef to, long points, LotRule fromRule, LotRule toRule) {
            legs.add(new Leg(from, -points, fromRule));
            legs.add(new Leg(to, points, toRule));
            return this;
        }

        public Builder move(AccountRef from, AccountRef to, long points) {
            return move(from, to, points, null, null);
        }

        public Builder leg(Leg leg) {
            legs.add(leg);
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public Builder member(Long memberId) {
            this.memberId = memberId;
            return this;
        }

        public Builder company(Long companyId) {
            this.companyId = companyId;
            return this;
        }

        public Builder store(Long storeId) {
            this.storeId = storeId;
            return this;
        }

        public Builder actor(String actor) {
            this.actor = actor;
            return this;
        }

        public Builder reverses(Long entryId) {
            this.reversesId = entryId;
            return this;
        }

        public EntryDraft build() {
            return new EntryDraft(circuitId, businessKey, kind, reason, note, memberId, companyId, storeId, actor,
                    reversesId, legs);
        }
    }
}
