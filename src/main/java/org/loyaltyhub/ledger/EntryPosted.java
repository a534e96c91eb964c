package org.loyaltyhub.ledger;

/**
 * An entry was written (not replayed), published synchronously in the posting transaction so that rules kept
 * beside the books (the activity status programs qualify on) move with it or not at all. {@code reversedKind} is
 * the kind of the entry a reversal undoes; {@code memberAvailable} is what the entry moved on the member's
 * available points; {@code accounts} are the kinds of the accounts it posted to, so that a listener that only cares
 * about some (clearing: the held and redeemed ones) reads nothing for the others.
 */
public record EntryPosted(long circuitId, long entryId, String kind, String reversedKind, Long memberId,
                          long memberAvailable, java.util.Set<AccountKind> accounts) {

    public EntryPosted {
        accounts = java.util.Set.copyOf(accounts);
    }

    /** Whether the entry posted to at least one account of these kinds. */
    public boolean postedToAny(java.util.Collection<AccountKind> kinds) {
        return kinds.stream().anyMatch(accounts::contains);
    }

    static long memberAvailable(EntryDraft d) {
        return d.legs().stream().filter(l -> l.account().kind() == AccountKind.MEMBER_AVAILABLE)
                .mapToLong(Leg::amount).sum();
    }

    /** The event for a draft just written; {@code reversedKind} only for reversals. */
    public static EntryPosted of(EntryDraft d, long entryId, String reversedKind) {
        return new EntryPosted(d.circuitId(), entryId, d.kind(), reversedKind, d.memberId(), memberAvailable(d),
                d.legs().stream().map(l -> l.account().kind())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }
}
