package org.loyaltyhub.rewards;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

/**
 * A claim the catalogue's rules refuse (not available now, restricted, limit reached, out of stock, not enough
 * points); the code says which. Nothing is spent.
 */
public class RewardRefused extends LoyaltyException {

    public RewardRefused(String code, String message) {
        super(code, code.equals("reward-out-of-stock") ? Failure.CONFLICT : Failure.REFUSED, message);
    }
}
