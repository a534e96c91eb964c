package org.loyaltyhub.rewards;

import org.loyaltyhub.tenancy.Caller;

import java.util.Optional;

/** What the shop integrations ask of vouchers: one to make into a shop's code, and the shop's order that used it. */
public interface ShopVouchers {

    /**
     * The member's voucher (or a campaign code given to nobody yet) that can still be used, to become a shop's
     * single-use code, valid at the shop's store; refused ({@link VoucherRefused}, {@link MalformedVoucherCode}, a 404) otherwise.
     */
    Voucher forShop(Caller shop, long memberId, String code);

    /** The smallest cart the voucher's reward or campaign asks for, if it asks for one. */
    Optional<org.loyaltyhub.shared.Money> minimumCart(Voucher voucher);

    /**
     * A shop's order used the voucher's code: redeems it for the order at the shop's store (the same order again
     * changes nothing). Empty, with nothing changed, when the voucher can no longer be redeemed.
     */
    Optional<Voucher> redeemedInShop(Caller shop, String code, long memberId, String orderId);
}
