package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.programs.WalletCodes;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.web.QrCodes;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The storefront widget: a customer the shop vouches for (a signed token, or a platform's own way such as Shopify's
 * signed app proxy, see {@code ShopifyAppProxy}) sees their
 * card, points and wallets, and can turn points, a wallet's money or a voucher into a discount code of the shop. The customer is found by the shop's user id, then by
 * e-mail; nobody is enrolled from here.
 */
@Service
public class WidgetService {

    private final Connections connections;
    private final CustomerMatcher matcher;
    private final Members members;
    private final Ledger ledger;
    private final CodeService codes;
    private final ShopCodes shopCodes;
    private final ShopPlatforms platforms;
    private final Clock clock;
    private final org.loyaltyhub.programs.Tiers tiers;
    private final org.loyaltyhub.programs.Wallets wallets;
    private final WalletCodes walletCodes;
    private final VoucherCodes voucherCodes;
    private final org.loyaltyhub.rewards.Rewards rewards;

    WidgetService(Connections connections, CustomerMatcher matcher, Members members, Ledger ledger, CodeService codes,
                  ShopCodes shopCodes, ShopPlatforms platforms, Clock clock, org.loyaltyhub.programs.Tiers tiers,
                  org.loyaltyhub.programs.Wallets wallets, WalletCodes walletCodes, VoucherCodes voucherCodes,
                  org.loyaltyhub.rewards.Rewards rewards) {
        this.walletCodes = walletCodes;
        this.voucherCodes = voucherCodes;
        this.rewards = rewards;
        this.tiers = tiers;
        this.wallets = wallets;
        this.connections = connections;
        this.matcher = matcher;
        this.members = members;
        this.ledger = ledger;
        this.codes = codes;
        this.shopCodes = shopCodes;
        this.platforms = platforms;
        this.clock = clock;
    }

    /** A verified shop customer and the member they are. */
    public record Customer(Connection connection, String userId, String email, long memberId) {
    }

    /**
     * {@code tier}: the member's tier and progress to the next one (null when the circuit has no tiers);
     * {@code wallet}: the member's cashback and accumulated discounts (issue 11), in the circuit's currency;
     * {@code walletMoves}: the last five movements of the member's money wallets, newest first.
     */
    public record Me(String name, String firstName, String cardNumber, String qrSvg, long available, long pending,
                     long held, CodeService.View openCode, org.loyaltyhub.programs.TierStanding tier,
                     org.loyaltyhub.programs.Wallets.Summary wallet, List<WalletCodes.Wallet> wallets,
                     List<CodeService.View> walletCodes, List<ShopVoucher> vouchers,
                     List<org.loyaltyhub.programs.Wallets.Move> walletMoves) {
    }

    static final int WALLET_MOVES = 5;

    /** A usable voucher of the member, with the kind it gives and whether it is already this shop's code. */
    public record ShopVoucher(String code, String title, org.loyaltyhub.rewards.RewardKind kind, Instant expiresAt,
                              boolean inShop) {
    }

    /** The shop a signed token names, whoever it is for: a guest too (an anonymous gift card needs no member). */
    public Connection shopByToken(String token) {
        return CustomerTokens.verify(token, connections::find, clock.instant()).connection();
    }

    /** "Use a gift card": the card's number and PIN become a code in the shop for what it pays, member or not. */
    public CodeService.View redeemGiftCard(Connection shop, String number, String pin, BigDecimal amount) {
        return codes.issueGiftCard(codeConnection(shop), number, pin, amount);
    }

    @Transactional
    public Customer byToken(String token) {
        CustomerTokens.Claims claims = CustomerTokens.verify(token, connections::find, clock.instant());
        return customer(claims.connection(), claims.userId(), claims.email());
    }

    /** Whether some active connection's shop is at this origin (scheme, host and port): CORS for the widget. */
    public boolean shopOrigin(String origin) {
        return connections.activeOrigins().contains(origin.toLowerCase(Locale.ROOT));
    }

    public static String origin(String url) {
        java.net.URI u = java.net.URI.create(url);
        return (u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "")).toLowerCase(Locale.ROOT);
    }

    @Transactional(readOnly = true)
    public Me me(Customer who) {
        Member m = members.own(who.connection().circuitId(), who.memberId());
        Ledger.MemberBalance b = ledger.memberBalance(m.circuitId(), m.id(), clock.instant());
        Connection shop = codeConnection(who.connection());
        Optional<CodeService.View> open = shopCodes.open(shop.id(), m.id(), Purpose.POINTS, clock.instant())
                .map(CodeService.View::of);
        String qr = m.card() == null ? null : "data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(QrCodes.svg(m.card().qrPayload()).getBytes(StandardCharsets.UTF_8));
        return new Me(m.displayName(), m.firstName(), m.card() == null ? null : m.card().number(), qr, b.available(),
                b.pending(), b.held(), open.orElse(null), tiers.standing(m.circuitId(), m.id()).orElse(null),
                wallets.summary(m.circuitId(), m.id()), walletCodes.spendable(m.circuitId(), m.id()),
                shopCodes.openWallet(shop.id(), m.id(), clock.instant()).stream().map(CodeService.View::of).toList(),
                rewards.vouchers(m.circuitId(), m.id()).stream()
                        .filter(v -> v.usable(clock.instant()) && v.kind() != null && !v.kind().fulfilledByStore())
                        .map(v -> new ShopVoucher(v.code().value(), v.title().en(), v.kind(), v.expiresAt(),
                                voucherCodes.inShop(shop.id(), v.code().value())))
                        .toList(),
                wallets.recent(m.circuitId(), m.id(), WALLET_MOVES));
    }

    public String cardSvg(Customer who) {
        Member m = members.own(who.connection().circuitId(), who.memberId());
        if (m.card() == null) {
            throw new org.loyaltyhub.shared.NotFound("Card", who.memberId());
        }
        return QrCodes.svg(m.card().qrPayload());
    }

    /** "Use my points": a code in the shop, or the customer's open one. */
    public CodeService.View redeem(Customer who, Long points, BigDecimal amount) {
        Connection shop = codeConnection(who.connection());
        return codes.issueForCustomer(shop, who.memberId(), shopCustomer(who, shop), who.email(), points, amount);
    }

    /** "Use my cashback" (any wallet): a code in the shop for that wallet's money, or the customer's open one. */
    public CodeService.View redeemWallet(Customer who, Purpose purpose, BigDecimal amount) {
        Connection shop = codeConnection(who.connection());
        return codes.issueWalletForCustomer(shop, who.memberId(), shopCustomer(who, shop), who.email(), purpose, amount);
    }

    /** "Use in the shop": the member's voucher becomes the shop's code (again: the same code). */
    public VoucherCodes.View useVoucher(Customer who, String code) {
        Connection shop = codeConnection(who.connection());
        return voucherCodes.pushForCustomer(shop, who.memberId(), shopCustomer(who, shop), who.email(), code);
    }

    private String shopCustomer(Customer who, Connection shop) {
        return shop.id() == who.connection().id() ? who.userId()
                : codes.linkedCustomer(shop, who.memberId()).orElse(who.userId());
    }

    /**
     * The connection that creates codes: the shop itself, or the company's connection at the same address of the
     * platform that makes this one's codes (a WordPress site's WooCommerce: a WooCommerce customer is a WordPress user).
     */
    Connection codeConnection(Connection c) {
        return platforms.of(c.platform()).codesMadeBy()
                .flatMap(maker -> connections.ofCompany(c.circuitId(), c.companyId()).stream()
                        .filter(w -> w.platform() == maker && w.active() && origin(w.shopUrl()).equals(origin(c.shopUrl())))
                        .findFirst())
                .orElse(c);
    }

    /** The member behind a customer the shop vouches for (its user id, or else its e-mail); nobody is enrolled. */
    public Customer customer(Connection c, String userId, String email) {
        Optional<Long> member = matcher.match(c, new ShopOrder.Customer(userId, email, null, null, null, null, null),
                false);
        if (member.isEmpty()) {
            throw new LoyaltyException("not-a-member", Failure.NOT_FOUND, "This customer is not a member of the loyalty programme yet");
        }
        return new Customer(c, userId, email, member.get());
    }
}
