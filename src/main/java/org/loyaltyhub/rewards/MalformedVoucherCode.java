package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/** Text that cannot be a voucher code: wrong length, letters no code has, or a wrong check character (a typo). */
public class MalformedVoucherCode extends LoyaltyException {

    public MalformedVoucherCode() {
        super("malformed-voucher-code", Failure.INVALID, "This is not a voucher code: check it was typed correctly");
        with("field", "code");
    }
}
