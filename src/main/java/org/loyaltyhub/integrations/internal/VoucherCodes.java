package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.rewards.ShopVouchers;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherRefused;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;

/**
 * Vouchers in connected shops: a member's voucher (a reward's or a coupon campaign's) becomes the shop's own
 * single-use code, through the same platform discount APIs ({@link DiscountApi}) and checks ({@link CodeService}) as
 * the codes for points; the shop's code is the voucher's code, so the shop's order that used it marks the voucher
 * redeemed ({@link VoucherCodeUses}). Every kind a shop can give becomes its code (an amount or a percentage off, a
 * product free, free shipping), with the reward's minimum cart; what a platform cannot give (a capped percentage on
 * Shopify and PrestaShop) is refused before anything is made.
 */
@Service
public class VoucherCodes {

    private static final Logger log = LoggerFactory.getLogger(VoucherCodes.class);

    private final ConnectionService connections;
    private final CodeService codes;
    private final ShopVouchers vouchers;
    private final Members members;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final org.loyaltyhub.tenancy.Tenancy tenancy;

    VoucherCodes(ConnectionService connections, CodeService codes, ShopVouchers vouchers, Members members,
                 JdbcClient jdbc, PlatformTransactionManager tm, Clock clock, org.loyaltyhub.tenancy.Tenancy tenancy) {
        this.connections = connections;
        this.codes = codes;
        this.vouchers = vouchers;
        this.members = members;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(tm);
        // the pending row commits before the shop is called, as for points codes
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.tenancy = tenancy;
    }

    /** Which voucher to make into a shop's code, for which member. */
    public record Request(@NotNull Long memberId, @NotNull @Size(min = 1, max = 64) String code) {
    }

    public record View(long connectionId, long memberId, String code, String status, Instant expiresAt) {
    }

    /**
     * Makes the member's voucher a single-use code of the connection's shop. Again for the same voucher: the code
     * as it is. Refused, with nothing made, when the voucher cannot be used (expired, used, another member's...),
     * gives what the shop's codes cannot, or the shop says no.
     */
    public View push(Caller caller, long connectionId, Request r) {
        Connection c = connections.owned(caller, connectionId);
        Member m = members.visible(caller, r.memberId());
        return push(c, m, codes.linkedCustomer(c, m.id()).orElse(null), m.email(), r.code());
    }

    /** The member's own request (the storefront widget, the customer area): the same, for the shop's customer. */
    public View pushForCustomer(Connection c, long memberId, String shopCustomer, String email, String code) {
        Member m = members.own(c.circuitId(), memberId);
        return push(c, m, shopCustomer, email != null ? email : m.email(), code);
    }

    private View push(Connection c, Member m, String shopCustomer, String email, String typed) {
        Voucher v = vouchers.forShop(c.caller(), m.id(), typed);
        Optional<String> status = status(c.id(), v.id());
        if (status.isPresent() && !status.get().equals("PENDING")) {
            return new View(c.id(), m.id(), v.code().value(), status.get(), v.expiresAt());
        }
        DiscountApi.Benefit benefit = benefit(v);
        Money minimum = vouchers.minimumCart(v).orElse(Money.zero(Currency.getInstance(
                tenancy.circuit(c.circuitId()).currency())));
        DiscountApi api = codes.api(c);
        Optional<DiscountApi.Unsupported> unsupported = api.cannotGive(benefit, minimum);
        if (unsupported.isPresent()) {
            throw new VoucherRefused(unsupported.get().code(), unsupported.get().reason());
        }
        codes.requireCustomer(c, shopCustomer, email);
        tx.executeWithoutResult(s -> jdbc.sql("""
                        insert into shop_voucher_code (circuit_id, connection_id, voucher_id, member_id, code)
                        values (:c, :conn, :v, :m, :code) on conflict (connection_id, voucher_id) do nothing""")
                .param("c", c.circuitId()).param("conn", c.id()).param("v", v.id()).param("m", m.id())
                .param("code", v.code().value()).update());
        DiscountApi.NewCode request = new DiscountApi.NewCode(v.code().value(), v.id(), "voucher: " + v.title().en(),
                benefit, minimum, email, shopCustomer, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                v.expiresAt(), Redemptions.ProductLimits.NONE);
        try {
            String shopId = CodeService.createOrFind(c, api, request);
            tx.executeWithoutResult(s -> jdbc.sql("update shop_voucher_code set status = 'CREATED', shop_id = :id, "
                            + "updated_at = now() where connection_id = :conn and voucher_id = :v and status = 'PENDING'")
                    .param("id", shopId).param("conn", c.id()).param("v", v.id()).update());
            return new View(c.id(), m.id(), v.code().value(), status(c.id(), v.id()).orElseThrow(), v.expiresAt());
        } catch (DiscountApi.Refused | ShopHttp.Unreachable e) {
            tx.executeWithoutResult(s -> jdbc.sql("delete from shop_voucher_code where connection_id = :conn "
                    + "and voucher_id = :v and status = 'PENDING'").param("conn", c.id()).param("v", v.id()).update());
            log.warn("Connection {}: the shop did not create voucher code {}: {}", c.id(), v.code(), e.getMessage());
            throw new LoyaltyException("shop-refused", Failure.UPSTREAM, "The shop did not create the voucher's code: "
                    + e.getMessage()).with("connectionId", c.id());
        }
    }

    /**
     * What the voucher gives, as a shop's code can: an amount off, a percentage (with its cap), its product free (the
     * reward must name the shop's numeric product id), free shipping. A physical reward is handed over at a store.
     */
    static DiscountApi.Benefit benefit(Voucher v) {
        return switch (v.kind()) {
            case FIXED_AMOUNT -> new DiscountApi.Benefit.AmountOff(v.benefit().amount());
            case PERCENT -> new DiscountApi.Benefit.PercentOff(v.benefit().percent(), v.benefit().cap());
            case FREE_PRODUCT -> {
                String product = v.benefit().productId().strip();
                if (!product.matches("\\d{1,18}")) {
                    throw new VoucherRefused("product-not-in-shop", "The reward names product '" + product
                            + "', which is not a numeric product id of the shop: give the reward the shop's product "
                            + "id, or use this voucher at the till");
                }
                yield new DiscountApi.Benefit.FreeProduct(Long.parseLong(product));
            }
            case FREE_SHIPPING -> new DiscountApi.Benefit.FreeShipping();
            case PHYSICAL -> throw new VoucherRefused("voucher-kind-not-in-shop", "A physical reward is handed over "
                    + "at a store, not used in a shop");
        };
    }

    /** Whether the voucher with this code is already a code of this connection's shop. */
    boolean inShop(long connectionId, String code) {
        return jdbc.sql("select exists (select 1 from shop_voucher_code where connection_id = :conn and code = :code "
                + "and status <> 'PENDING')").param("conn", connectionId).param("code", code).query(Boolean.class).single();
    }

    private Optional<String> status(long connectionId, long voucherId) {
        return jdbc.sql("select status from shop_voucher_code where connection_id = :conn and voucher_id = :v")
                .param("conn", connectionId).param("v", voucherId).query(String.class).optional();
    }
}
