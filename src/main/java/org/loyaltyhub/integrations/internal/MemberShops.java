package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.WalletCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The connected shops where a member can use a voucher or a wallet, for the pages (the customer area's coupons, the
 * back office's member page): the shops that know the member (an order or account of theirs was seen) and can make
 * codes, with the code already made there, if any. Templates call it as {@code @memberShops}.
 */
@Component("memberShops")
public class MemberShops {

    private final JdbcClient jdbc;
    private final Connections connections;
    private final CodeService codes;
    private final ShopCodes shopCodes;
    private final WalletCodes wallets;
    private final Clock clock;
    private final org.loyaltyhub.rewards.Rewards rewards;

    MemberShops(JdbcClient jdbc, Connections connections, CodeService codes, ShopCodes shopCodes, WalletCodes wallets,
                Clock clock, org.loyaltyhub.rewards.Rewards rewards) {
        this.rewards = rewards;
        this.jdbc = jdbc;
        this.connections = connections;
        this.codes = codes;
        this.shopCodes = shopCodes;
        this.wallets = wallets;
        this.clock = clock;
    }

    /** A shop where the voucher (or wallet) can be used: its connection, its host name, and the code made there. */
    public record Offer(long connectionId, String shop, String code) {
    }

    /** A wallet that can become a code, with the open code of each shop of the member. */
    public record WalletOffer(Purpose purpose, org.loyaltyhub.shared.Money available, List<Offer> shops) {
    }

    /** The member's shops that can make codes, by connection id. */
    @Transactional(readOnly = true)
    public List<Connection> shops(long circuitId, long memberId) {
        return jdbc.sql("select distinct l.connection_id from member_shop_link l join shop_connection c "
                        + "on c.id = l.connection_id where l.member_id = :m and c.circuit_id = :c order by 1")
                .param("m", memberId).param("c", circuitId).query(Long.class).list().stream()
                .map(connections::find).flatMap(Optional::stream).filter(codes::makesCodes).toList();
    }

    /** Where the member's voucher can become a shop's code; empty when no shop of theirs can make codes. */
    @Transactional(readOnly = true)
    public List<Offer> forVoucher(long circuitId, long memberId, String voucherCode) {
        return shops(circuitId, memberId).stream().map(c -> new Offer(c.id(), host(c), jdbc.sql(
                        "select code from shop_voucher_code where connection_id = :conn and member_id = :m "
                                + "and code = :code and status <> 'PENDING'")
                .param("conn", c.id()).param("m", memberId).param("code", voucherCode).query(String.class)
                .optional().orElse(null))).toList();
    }

    /** The member's wallets with something to spend, each with the shops where it can become a code. */
    @Transactional(readOnly = true)
    public List<WalletOffer> wallets(long circuitId, long memberId) {
        List<Connection> shops = shops(circuitId, memberId);
        if (shops.isEmpty()) {
            return List.of();
        }
        return wallets.spendable(circuitId, memberId).stream().map(w -> new WalletOffer(w.purpose(), w.available(),
                shops.stream().map(c -> new Offer(c.id(), host(c), shopCodes.open(c.id(), memberId, w.purpose(),
                        clock.instant()).filter(sc -> sc.status().equals("CREATED")).map(ShopCodes.ShopCode::code)
                        .orElse(null))).toList())).toList();
    }

    /** A usable voucher of the member that a shop can give, with the member's shops. */
    public record VoucherOffer(org.loyaltyhub.rewards.Voucher voucher, List<Offer> shops) {
    }

    /** The member's usable vouchers a shop's code can give, each with the member's shops; empty without shops. */
    @Transactional(readOnly = true)
    public List<VoucherOffer> vouchers(long circuitId, long memberId) {
        if (shops(circuitId, memberId).isEmpty()) {
            return List.of();
        }
        return rewards.vouchers(circuitId, memberId).stream()
                .filter(v -> v.usable(clock.instant()) && v.kind() != null && !v.kind().fulfilledByStore())
                .map(v -> new VoucherOffer(v, forVoucher(circuitId, memberId, v.code().value()))).toList();
    }

    /** The member's shop with this connection id, or empty when it is not one of theirs. */
    public Optional<Connection> shop(long circuitId, long memberId, long connectionId) {
        return shops(circuitId, memberId).stream().filter(c -> c.id() == connectionId).findFirst();
    }

    private static String host(Connection c) {
        String host = java.net.URI.create(c.shopUrl()).getHost();
        return host == null ? c.shopUrl() : host;
    }
}
