package org.loyaltyhub.purchases;

import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;

import java.time.Instant;
import java.util.List;

/**
 * Purchases the customer validates: a store's till prints a signed receipt code, the member types or scans it in the
 * customer area and the purchase is recorded as if the counter had entered it, once per receipt, within the
 * circuit's {@link ReceiptSettings}; claims above the review amount wait for an operator.
 */
public interface Receipts {

    /** The code for a receipt of one of the caller's stores: the same receipt always gets the same code. */
    String code(Caller caller, long storeId, long receiptNumber, Money amount, Instant issuedAt);

    /** The member claims a receipt code: recorded (or pending review), or a {@link ReceiptRefused} and nothing saved. */
    ReceiptClaim claim(long circuitId, long memberId, String code);

    /** The member's claims, newest first (the last 50). */
    List<ReceiptClaim> ofMember(long circuitId, long memberId);

    /** The claims waiting for review at the stores the caller covers, oldest first, a page at a time. */
    Page<ReceiptClaim> pending(Caller caller, PageQuery page);

    /** An operator approves (the purchase is recorded) or refuses (with a reason) a pending claim. */
    ReceiptClaim review(Caller caller, long claimId, boolean approve, String reason);

    ReceiptSettings settings(long circuitId);

    /** The circuit administrator changes the settings. */
    ReceiptSettings change(Caller caller, ReceiptSettings settings);
}
