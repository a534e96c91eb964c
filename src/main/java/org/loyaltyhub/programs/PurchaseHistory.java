package org.loyaltyhub.programs;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * Past purchases as promotions read them (a purchase's visit number, the replay of a dry run); implemented by the
 * purchases module, which depends on programs. Read-only; a purchase cancelled or wholly refunded is no visit.
 */
public interface PurchaseHistory {

    /** Which visit of the member this purchase is: its rank among their purchases not voided, by time then id. */
    long visitNumber(long circuitId, long memberId, long purchaseId);

    /** How many purchases not voided the member has made. */
    long visits(long circuitId, long memberId);

    /** The number of purchases not voided each member of the circuit made before {@code before} (members with any). */
    void visitsBefore(long circuitId, Instant before, ObjLongConsumer<Long> perMember);

    /**
     * Every purchase of the circuit made in [{@code from}, {@code to}) and not voided, with its lines, in time then id
     * order, streamed (a million purchases never sit in memory at once).
     */
    void replay(long circuitId, Instant from, Instant to, Consumer<PurchaseFacts> each);
}
