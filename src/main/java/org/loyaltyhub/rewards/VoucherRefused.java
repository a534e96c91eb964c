package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/**
 * A voucher cannot be used or changed as asked (expired, used, cancelled, another store's or another circuit's); the
 * code says which, the message says it to a person. Nothing is changed.
 */
public class VoucherRefused extends LoyaltyException {

    public VoucherRefused(String code, String message) {
        super(code, Failure.REFUSED, message);
    }
}
