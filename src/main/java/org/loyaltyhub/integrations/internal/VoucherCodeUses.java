package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.rewards.ShopVouchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** The shop's orders that used a voucher made into the shop's code ({@link VoucherCodes}): the voucher is redeemed. */
@Component
class VoucherCodeUses {

    private static final Logger log = LoggerFactory.getLogger(VoucherCodeUses.class);

    private final ShopVouchers vouchers;
    private final JdbcClient jdbc;

    VoucherCodeUses(ShopVouchers vouchers, JdbcClient jdbc) {
        this.vouchers = vouchers;
        this.jdbc = jdbc;
    }

    /**
     * A shop's order of the member used some codes: each that is one of this shop's voucher codes redeems its
     * voucher for the order (once; a voucher no longer usable is logged and left as it is).
     */
    void usedBy(Connection c, long memberId, String orderId, List<String> orderCodes) {
        for (String typed : orderCodes) {
            String code = typed.strip().toUpperCase(Locale.ROOT);
            boolean ours = jdbc.sql("select exists (select 1 from shop_voucher_code where connection_id = :conn "
                            + "and code = :code and member_id = :m)").param("conn", c.id()).param("code", code)
                    .param("m", memberId).query(Boolean.class).single();
            if (!ours) {
                continue;
            }
            if (vouchers.redeemedInShop(c.caller(), code, memberId, orderId).isPresent()) {
                jdbc.sql("update shop_voucher_code set status = 'USED', order_id = :o, updated_at = now() "
                                + "where connection_id = :conn and code = :code")
                        .param("o", orderId).param("conn", c.id()).param("code", code).update();
            } else {
                log.warn("Connection {}: order {} used voucher code {}, which can no longer be redeemed", c.id(),
                        orderId, code);
            }
        }
    }

}
