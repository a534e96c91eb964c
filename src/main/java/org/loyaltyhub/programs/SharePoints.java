package org.loyaltyhub.programs;

/**
 * Points for a visit that a member's shared link brought (issue 18 §3), for the marketing module (which never writes
 * the ledger itself): credited to the member's available points as a new lot from the circuit's issuance, as a
 * movement of its own kind ({@code SHARE_VISIT}, "Visit through a shared link" in history). A replay of the same
 * visit credits nothing more.
 */
public interface SharePoints {

    /** Credits {@code points} for the recorded visit {@code visitId} in the caller's transaction. */
    void awardVisit(long circuitId, long memberId, long points, long visitId, Long storeId, String actor);
}
