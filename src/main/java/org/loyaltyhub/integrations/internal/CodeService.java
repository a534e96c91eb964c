package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.integrations.internal.ShopCodes.ShopCode;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.Redemptions;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.shared.Money;
import java.util.Currency;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Redeeming in the shop: points (or a wallet's money, any money purpose) are held for days (as long as the code
 * lives), then the shop creates a single-use code for that customer whose text is derived from the hold, so no retry
 * can make a second one. A shop that refuses gets the value released and nothing half-done stored.
 */
@Service
public class CodeService {

    private static final Logger log = LoggerFactory.getLogger(CodeService.class);
    /** The points stay held a day past the code's end, so an order placed at the last minute can still settle. */
    static final java.time.Duration HOLD_GRACE = java.time.Duration.ofDays(1);
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final ConnectionService connections;
    private final ShopCodes codes;
    private final Redemptions redemptions;
    private final WalletCodes wallets;
    private final org.loyaltyhub.tenancy.Tenancy tenancy;
    private final Members members;
    private final ShopPlatforms platforms;
    private final IntegrationSettings settings;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    CodeService(ConnectionService connections, ShopCodes codes, Redemptions redemptions, WalletCodes wallets,
                org.loyaltyhub.tenancy.Tenancy tenancy, Members members, ShopPlatforms platforms,
                IntegrationSettings settings, PlatformTransactionManager tm, JdbcClient jdbc, Clock clock) {
        this.wallets = wallets;
        this.tenancy = tenancy;
        this.connections = connections;
        this.codes = codes;
        this.redemptions = redemptions;
        this.members = members;
        this.platforms = platforms;
        this.settings = settings;
        this.tx = new TransactionTemplate(tm);
        // the hold and pending code commit before the shop is called, even inside an Idempotency-Key request's
        // transaction: a crash after the shop made the code must not leave a code there with no hold here
        this.tx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to redeem: a number of points, or an amount of money (the points it costs are rounded up). */
    public record Request(@NotNull Long memberId, @Min(1) Long points,
                         @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    /**
     * Which wallet to spend in the shop: a money purpose (CASHBACK, DISCOUNT, ...) and an amount, or the whole
     * available balance when none is given.
     */
    public record WalletRequest(@NotNull Long memberId, @NotNull Purpose purpose,
                                @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    /**
     * An anonymous gift card spent in the shop: its number and PIN, and the amount (all it pays when none is given or
     * when it holds less).
     */
    public record GiftCardRequest(@NotBlank @Size(max = 40) String cardNumber, @NotBlank @Size(max = 8) String pin,
                                  @DecimalMin("0.01") @Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    /**
     * {@code purpose}: what the code spends (POINTS, or a wallet); {@code points} is zero for a wallet's code;
     * {@code memberId} is null for an anonymous gift card's code.
     */
    public record View(long id, long connectionId, Long memberId, Purpose purpose, String code, BigDecimal amount,
                       String currency, long points, String status, Instant expiresAt, Instant createdAt) {
        static View of(ShopCode c) {
            return new View(c.id(), c.connectionId(), c.memberId(), c.purpose(), c.code(), c.amount().display(),
                    c.amount().currency().getCurrencyCode(), c.points(), c.status(), c.expiresAt(), c.createdAt());
        }
    }

    /** An administrator creates a code for a member (the Idempotency-Key header makes a retry return the same). */
    public View issue(Caller caller, long connectionId, Request r) {
        Connection c = connections.owned(caller, connectionId);
        Member m = members.visible(caller, r.memberId());
        return issue(c, m, linkedCustomer(c, m.id()).orElse(null), m.email(), r.points(), r.amount(), false);
    }

    /**
     * An administrator makes a code of a member's wallet (through the API, the Idempotency-Key header makes a retry
     * return the same; a page asks for {@code openOne}: the member's open code of that wallet rather than a second).
     */
    public View issueWallet(Caller caller, long connectionId, WalletRequest r, boolean openOne) {
        Connection c = connections.owned(caller, connectionId);
        Member m = members.visible(caller, r.memberId());
        return issueWallet(c, m, linkedCustomer(c, m.id()).orElse(null), m.email(), r.purpose(), r.amount(), openOne);
    }

    /**
     * A signed-in shop customer redeems through the widget: an open code of theirs (or one being created this very
     * moment) is shown again rather than a second one made, so a double click or a reload costs nothing. Two requests
     * at once are put in line by a lock on the member at this shop.
     */
    public View issueForCustomer(Connection c, long memberId, String shopCustomer, String email, Long points,
                                 BigDecimal amount) {
        Member m = members.own(c.circuitId(), memberId);
        return issue(c, m, shopCustomer, email != null ? email : m.email(), points, amount, true);
    }

    /** The same for a wallet: the customer's open code of that wallet, or a new one. */
    public View issueWalletForCustomer(Connection c, long memberId, String shopCustomer, String email, Purpose purpose,
                                       BigDecimal amount) {
        Member m = members.own(c.circuitId(), memberId);
        return issueWallet(c, m, shopCustomer, email != null ? email : m.email(), purpose, amount, true);
    }

    /** A shop's own server (a headless checkout) spends a gift card for its shopper through the API. */
    public View issueGiftCard(Caller caller, long connectionId, GiftCardRequest r) {
        return issueGiftCard(connections.forCheckout(caller, connectionId), r.cardNumber(), r.pin(), r.amount());
    }

    /**
     * A shopper, member or guest, spends an anonymous gift card: the PIN is checked first in a transaction of its own
     * (a wrong one counts towards the card's lock whatever happens next), then what the card pays is held on it and
     * the shop makes a single-use code for anyone who has it (the shopper gave the card's secret), naming no member.
     */
    public View issueGiftCard(Connection c, String number, String pin, BigDecimal amount) {
        wallets.checkGiftCard(c.circuitId(), number, pin);
        DiscountApi api = api(c);
        Currency currency = Currency.getInstance(tenancy.circuit(c.circuitId()).currency());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.codeValidity());
        Held held = tx.execute(s -> {
            WalletCodes.CodeHold hold = wallets.holdGiftCardForCode(c.circuitId(), number, pin, c.storeId(),
                    amount == null ? null : new Money(amount, currency), expiresAt.plus(HOLD_GRACE),
                    "shop-connection:" + c.id());
            return held(c, hold, expiresAt, null, null, now);
        });
        return create(c, api, held);
    }

    private View issue(Connection c, Member m, String shopCustomer, String email, Long points, BigDecimal amount,
                       boolean oneOpenCode) {
        if (points != null && amount != null) {
            throw new InvalidInput("amount", "give either points or an amount, not both");
        }
        return make(c, m, shopCustomer, email, Purpose.POINTS, oneOpenCode, (now, expiresAt) -> {
            Redemptions.CodeHold hold = redemptions.holdForCode(c.circuitId(), m.id(), c.storeId(), points, amount,
                    expiresAt.plus(HOLD_GRACE), "shop-connection:" + c.id());
            ShopCode pending = codes.insertPending(c, hold.withExpiry(expiresAt), code(c, hold.holdId()), shopCustomer);
            return new Held(pending, new DiscountApi.NewCode(pending.code(), pending.holdId(), pending.points()
                    + " points", new DiscountApi.Benefit.AmountOff(pending.amount()), hold.minimumSpend(), email,
                    shopCustomer, now, expiresAt, hold.limits()));
        });
    }

    private View issueWallet(Connection c, Member m, String shopCustomer, String email, Purpose purpose,
                             BigDecimal amount, boolean oneOpenCode) {
        if (!purpose.money()) {
            throw new InvalidInput("purpose", "must be a wallet (a money purpose such as CASHBACK or DISCOUNT)");
        }
        Currency currency = Currency.getInstance(tenancy.circuit(c.circuitId()).currency());
        return make(c, m, shopCustomer, email, purpose, oneOpenCode, (now, expiresAt) -> held(c,
                wallets.holdForCode(c.circuitId(), m.id(), c.storeId(), purpose,
                        amount == null ? null : new Money(amount, currency), expiresAt.plus(HOLD_GRACE),
                        "shop-connection:" + c.id()), expiresAt, email, shopCustomer, now));
    }

    /** The pending code of money held for it (a wallet's or a gift card's), and what to ask the shop for. */
    private Held held(Connection c, WalletCodes.CodeHold hold, Instant expiresAt, String email, String shopCustomer,
                      Instant now) {
        ShopCode pending = codes.insertPending(c, new WalletCodes.CodeHold(hold.paymentId(), hold.holdId(),
                hold.memberId(), hold.purpose(), hold.amount(), hold.minimumSpend(), expiresAt), code(c, hold.holdId()),
                shopCustomer);
        return new Held(pending, new DiscountApi.NewCode(pending.code(), pending.holdId(),
                hold.purpose().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + pending.amount(),
                new DiscountApi.Benefit.AmountOff(pending.amount()), hold.minimumSpend(), email, shopCustomer, now,
                expiresAt, Redemptions.ProductLimits.NONE));
    }

    /** Holds the value and stores the pending code (in its own transaction), then asks the shop for the code. */
    private interface Hold {
        Held hold(Instant now, Instant expiresAt);
    }

    private record Held(ShopCode code, DiscountApi.NewCode request) {
    }

    private View make(Connection c, Member m, String shopCustomer, String email, Purpose purpose, boolean oneOpenCode,
                      Hold hold) {
        DiscountApi api = api(c);
        requireCustomer(c, shopCustomer, email);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.codeValidity());
        Held held = tx.execute(s -> {
            if (oneOpenCode) {
                codes.lockMember(c.id(), m.id());
                Optional<ShopCode> open = codes.open(c.id(), m.id(), purpose, clock.instant());
                if (open.isPresent()) {
                    return new Held(open.get(), null);
                }
            }
            return hold.hold(now, expiresAt);
        });
        return create(c, api, held);
    }

    /** Asks the shop for the held code (unless it is an open one shown again); a refusal releases the value. */
    private View create(Connection c, DiscountApi api, Held held) {
        if (held.request() == null) {
            return View.of(held.code());
        }
        ShopCode pending = held.code();
        try {
            String shopId = createOrFind(c, api, held.request());
            tx.executeWithoutResult(s -> codes.created(pending.id(), shopId));
            return View.of(codes.get(pending.id()));
        } catch (DiscountApi.Refused | ShopHttp.Unreachable e) {
            tx.executeWithoutResult(s -> {
                release(c, pending, "The shop refused the code");
                codes.failed(pending.id(), e.getMessage());
            });
            log.warn("Connection {}: the shop did not create code {}: {}", c.id(), pending.code(), e.getMessage());
            throw new LoyaltyException("shop-refused", Failure.UPSTREAM, "The shop did not create the discount code: "
                    + e.getMessage()).with("connectionId", c.id());
        }
    }

    /** Gives back what a code held (points or wallet money), unless an order already took it. */
    void release(Connection c, ShopCode code, String reason) {
        if (code.wallet()) {
            wallets.release(c.circuitId(), code.walletPaymentId(), reason, "system");
        } else {
            redemptions.release(c.circuitId(), code.redemptionId(), reason, "system");
        }
    }

    static String createOrFind(Connection c, DiscountApi api, DiscountApi.NewCode request)
            throws DiscountApi.Refused, ShopHttp.Unreachable {
        try {
            return api.create(c, request);
        } catch (DiscountApi.Refused e) {
            if (!e.exists) {
                throw e;
            }
            return api.find(c, request.code()).orElseThrow(() -> e);
        }
    }

    /** The connection's discount-code API, refused when the platform has none or the connection no credentials. */
    DiscountApi api(Connection c) {
        ShopPlatform platform = platforms.of(c.platform());
        DiscountApi api = platform.discounts().orElse(null);
        if (api == null) {
            throw new LoyaltyException("codes-not-supported", Failure.REFUSED, "A " + c.platform().name().toLowerCase()
                    + " connection cannot create discount codes: connect the shop itself (WooCommerce, Shopify, "
                    + "PrestaShop)");
        }
        if (!platform.hasApiCredentials(c) || !c.active()) {
            throw new LoyaltyException("no-shop-credentials", Failure.REFUSED, "The connection has no API credentials for the "
                    + "shop, or is switched off");
        }
        return api;
    }

    /** Whether the connection can make codes now (its platform has discounts, it has credentials and is on). */
    boolean makesCodes(Connection c) {
        ShopPlatform platform = platforms.of(c.platform());
        return platform.discounts().isPresent() && platform.hasApiCredentials(c) && c.active();
    }

    void requireCustomer(Connection c, String shopCustomer, String email) {
        boolean byEmail = platforms.of(c.platform()).customerKey() == ShopPlatform.CustomerKey.EMAIL;
        if (byEmail ? email == null : shopCustomer == null) {
            throw new LoyaltyException("customer-not-in-shop", Failure.REFUSED, byEmail
                    ? "The member has no e-mail to restrict the code to"
                    : "The member is not yet known as a customer of this shop (no order or account seen)")
                    .with("field", "memberId");
        }
    }

    /** The shop customer a member was linked to by an order or account of this shop. */
    public Optional<String> linkedCustomer(Connection c, long memberId) {
        return jdbc.sql("select shop_customer_id from member_shop_link where connection_id = :conn and member_id = :m "
                        + "order by created_at limit 1")
                .param("conn", c.id()).param("m", memberId).query(String.class).optional();
    }

    /** {@code LH-} and ten base32 characters of HMAC-SHA256(connection secret, "code:" + hold id). */
    static String code(Connection c, long holdId) {
        String secret = c.webhookSecret() != null ? c.webhookSecret() : "";
        byte[] mac = Signatures.hmac(secret, ("code:" + holdId).getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder("LH-");
        long bits = 0;
        int count = 0;
        for (int i = 0; out.length() < 13; ) {
            if (count < 5) {
                bits = (bits << 8) | (mac[i++] & 0xff);
                count += 8;
            }
            out.append(BASE32[(int) ((bits >> (count - 5)) & 31)]);
            count -= 5;
        }
        return out.toString();
    }
}
