package org.loyaltyhub.ledger;

import java.util.List;

/**
 * Entries written together by {@link Ledger#postAll} (not the replays), published once, synchronously in the posting
 * transaction, instead of one {@link EntryPosted} each: a listener of {@link EntryPosted} listens to this too and may
 * write for all of them in one statement ({@link #entries} are the events a one-by-one posting would have published).
 */
public record EntriesPosted(long circuitId, List<EntryPosted> entries) {

    public EntriesPosted {
        entries = List.copyOf(entries);
    }
}
