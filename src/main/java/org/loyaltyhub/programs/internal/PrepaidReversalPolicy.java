package org.loyaltyhub.programs.internal;

import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;

import java.time.Instant;

/**
 * Who may undo a prepaid sale, and when.
 * <ul>
 * <li>Void (a mistaken sale at the counter): the seller itself (the operator or till that made it) or an administrator
 * of the selling company, until the circuit's window after the sale closes, while none of its credit was used.</li>
 * <li>Refund of the unspent remainder (a customer returns an unused card where the law allows): only an administrator
 * of the selling company, any time, at most what is left; nothing asked means all of it.</li>
 * </ul>
 */
final class PrepaidReversalPolicy {

    private PrepaidReversalPolicy() {
    }

    /** The seller itself or an administrator of the selling company; anybody else is refused. */
    static void mayVoid(PrepaidSale sale, Caller caller) {
        boolean seller = caller.actor().equals(sale.actor());
        boolean companyAdmin = caller.is(Role.COMPANY_ADMIN) && caller.coversCompany(sale.companyId());
        if (!seller && !companyAdmin) {
            throw new Forbidden("Only the operator who made the sale or an administrator of its company voids it");
        }
    }

    static void checkVoid(PrepaidSale sale, Caller caller, Instant now, Instant voidableUntil, boolean untouched) {
        mayVoid(sale, caller);
        if (now.isAfter(voidableUntil)) {
            throw new VoidWindowClosed(voidableUntil);
        }
        if (!untouched) {
            throw new PrepaidSaleSpent("Some of this sale's credit was used already: it cannot be voided; a company "
                    + "administrator may refund what is left");
        }
    }

    /** What to refund: {@code requested}, or all that is left when null. */
    static Money checkRefund(PrepaidSale sale, Caller caller, Money requested, Money left) {
        if (!(caller.is(Role.COMPANY_ADMIN) && caller.coversCompany(sale.companyId()))) {
            throw new Forbidden("Only an administrator of the selling company refunds prepaid credit");
        }
        if (!left.isPositive()) {
            throw new PrepaidSaleSpent("Nothing is left of this sale to refund");
        }
        if (requested == null) {
            return left;
        }
        if (!requested.isPositive() || requested.floorToMinorUnit().compareTo(requested) != 0) {
            throw new InvalidInput("amount", "must be more than zero, in whole cents");
        }
        if (requested.compareTo(left) > 0) {
            throw new InvalidInput("amount", "at most " + left + " is left of this sale");
        }
        return requested;
    }
}
