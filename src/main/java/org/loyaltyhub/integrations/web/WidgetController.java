package org.loyaltyhub.integrations.web;

import org.loyaltyhub.shared.Failure;
import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.integrations.internal.CodeService;
import org.loyaltyhub.integrations.internal.WidgetService;
import org.loyaltyhub.integrations.shopify.ShopifyAppProxy;
import org.loyaltyhub.shared.LoyaltyException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/**
 * What the storefront widget calls, authenticated by the customer token the shop signed (header
 * {@code X-LoyaltyHub-Customer-Token}), or for Shopify by the app proxy's signed query: each call has a twin under
 * {@link #PROXY} (the same operation, the shop and customer named by the signed query instead of a token).
 */
@RestController
class WidgetController {

    static final String TOKEN = "X-LoyaltyHub-Customer-Token";
    static final String PROXY = "/api/v1/hooks/shopify/proxy/";
    private final WidgetService widget;
    private final ShopifyAppProxy appProxy;
    private final org.loyaltyhub.marketing.Referrals referrals;
    private final org.loyaltyhub.programs.ReferralRewards rewards;

    WidgetController(WidgetService widget, ShopifyAppProxy appProxy, org.loyaltyhub.marketing.Referrals referrals,
                     org.loyaltyhub.programs.ReferralRewards rewards) {
        this.rewards = rewards;
        this.widget = widget;
        this.appProxy = appProxy;
        this.referrals = referrals;
    }

    /** The referral code the customer arrived with (the shop's page kept it from its {@code ?ref=} link). */
    record ReferralCode(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(min = 1, max = 40)
                        String code) {
    }

    /** The customer's own referral code and the loyalty space's link, to share while the program is {@code on}. */
    record Invitation(boolean on, String code, String link) {
    }

    @GetMapping({"/api/v1/widget/referral", PROXY + "referral"})
    ResponseEntity<Invitation> invitation(@RequestHeader(name = TOKEN, required = false) String token,
                                          HttpServletRequest request) {
        WidgetService.Customer who = customer(token, request);
        long circuitId = who.connection().circuitId();
        if (!rewards.settings(circuitId).enabled()) {
            return noStore(new Invitation(false, null, null));
        }
        var invitation = referrals.invitation(circuitId, who.memberId());
        return noStore(new Invitation(true, invitation.code(), invitation.link()));
    }

    /**
     * The customer signed up in the shop with a friend's referral code: recorded (a replay answers the same), or a 422
     * {@code referral-refused} with the reason, recorded too.
     */
    @PostMapping({"/api/v1/widget/referral", PROXY + "referral"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<org.loyaltyhub.marketing.Referrals.Outcome> refer(
            @RequestHeader(name = TOKEN, required = false) String token,
            @jakarta.validation.Valid @RequestBody ReferralCode body, HttpServletRequest request) {
        WidgetService.Customer who = customer(token, request);
        var outcome = referrals.refer(who.connection().circuitId(), who.memberId(), body.code(),
                org.loyaltyhub.marketing.ReferralChannel.SHOP_WIDGET, "member:" + who.memberId());
        if (!outcome.recorded()) {
            throw new org.loyaltyhub.marketing.ReferralRefused(outcome.refused());
        }
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(outcome);
    }

    record Redeem(Long points, BigDecimal amount) {
    }

    record SpendWallet(@jakarta.validation.constraints.NotNull org.loyaltyhub.ledger.Purpose purpose,
                       @jakarta.validation.constraints.DecimalMin("0.01")
                       @jakarta.validation.constraints.Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    record UseVoucher(@jakarta.validation.constraints.NotNull
                      @jakarta.validation.constraints.Size(min = 1, max = 64) String code) {
    }

    @GetMapping("/api/v1/widget/me")
    ResponseEntity<WidgetService.Me> me(@RequestHeader(name = TOKEN, required = false) String token,
                                        HttpServletRequest request) {
        return noStore(widget.me(customer(token, request)));
    }

    @PostMapping({"/api/v1/widget/codes", PROXY + "codes"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<CodeService.View> redeem(@RequestHeader(name = TOKEN, required = false) String token,
                                            @RequestBody(required = false) Redeem r, HttpServletRequest request) {
        WidgetService.Customer who = customer(token, request);
        CodeService.View code = widget.redeem(who, r == null ? null : r.points(), r == null ? null : r.amount());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(code);
    }

    @PostMapping({"/api/v1/widget/wallet-codes", PROXY + "wallet-codes"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "The signed-in shop customer spends a wallet in the shop",
            description = "A single-use code of the shop for the wallet's money (the amount, or all that is "
                    + "available); the customer's open code of that wallet again rather than a second one.")
    ResponseEntity<CodeService.View> spendWallet(@RequestHeader(name = TOKEN, required = false) String token,
                                                 @jakarta.validation.Valid @RequestBody SpendWallet r,
                                                 HttpServletRequest request) {
        CodeService.View code = widget.redeemWallet(customer(token, request), r.purpose(), r.amount());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(code);
    }

    record SpendGiftCard(@jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 40)
                         String cardNumber,
                         @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 8) String pin,
                         @jakarta.validation.constraints.DecimalMin("0.01")
                         @jakarta.validation.constraints.Digits(integer = 9, fraction = 2) BigDecimal amount) {
    }

    @PostMapping({"/api/v1/widget/gift-card-codes", PROXY + "gift-card-codes"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "A shopper (a guest too) spends an anonymous gift card in the shop",
            description = "The card's number and PIN (five wrong PINs lock the card for 15 minutes: 429 with "
                    + "Retry-After) become a single-use code of the shop for the amount, or for all the card pays "
                    + "when none is given or it holds less; the order using the code takes the money, a cancelled "
                    + "or refunded order gives it back to the card, an unused code expires and releases it. The shop's "
                    + "signed token (or, through Shopify's app proxy, its signed query) names the shop; it need not "
                    + "name a customer.")
    ResponseEntity<CodeService.View> spendGiftCard(@RequestHeader(name = TOKEN, required = false) String token,
                                                   @jakarta.validation.Valid @RequestBody SpendGiftCard r,
                                                   HttpServletRequest request) {
        CodeService.View code = widget.redeemGiftCard(shop(token, request), r.cardNumber(), r.pin(), r.amount());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(code);
    }

    @PostMapping({"/api/v1/widget/voucher-codes", PROXY + "voucher-codes"})
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "The signed-in shop customer uses a voucher in the shop",
            description = "The voucher becomes the shop's single-use code (the same code again on a retry).")
    ResponseEntity<org.loyaltyhub.integrations.internal.VoucherCodes.View> useVoucher(
            @RequestHeader(name = TOKEN, required = false) String token,
            @jakarta.validation.Valid @RequestBody UseVoucher r, HttpServletRequest request) {
        var code = widget.useVoucher(customer(token, request), r.code());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(code);
    }

    @GetMapping(value = "/api/v1/widget/card.svg", produces = "image/svg+xml")
    ResponseEntity<String> card(@RequestParam String token, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(widget.cardSvg(customer(token, request)));
    }

    /** Shopify's app proxy: the customer is the one its signed query names. */
    @GetMapping(PROXY + "me")
    ResponseEntity<WidgetService.Me> shopifyProxy(HttpServletRequest request) {
        WidgetService.Customer who = appProxy.customer(request.getParameterMap());
        walled(who.connection());
        return noStore(widget.me(who));
    }

    /**
     * Through Shopify's app proxy, the customer its signed query names; otherwise the token's, whose connection must be
     * the shop the browser is on, when the browser says (CORS already checked it).
     */
    private WidgetService.Customer customer(String token, HttpServletRequest request) {
        if (throughProxy(request)) {
            WidgetService.Customer who = appProxy.customer(request.getParameterMap());
            walled(who.connection());
            return who;
        }
        WidgetService.Customer who = widget.byToken(token);
        walled(sameOrigin(who.connection(), request));
        return who;
    }

    private org.loyaltyhub.integrations.internal.Connection shop(String token, HttpServletRequest request) {
        return walled(throughProxy(request) ? appProxy.shop(request.getParameterMap())
                : sameOrigin(widget.shopByToken(token), request));
    }

    private static boolean throughProxy(HttpServletRequest request) {
        return request.getRequestURI().startsWith(PROXY);
    }

    /** The shop's signed token names its circuit: the rest of the request runs behind that circuit's wall. */
    private static org.loyaltyhub.integrations.internal.Connection walled(org.loyaltyhub.integrations.internal.Connection c) {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                        new ShopVisitor(c.circuitId(), c.id()), null, java.util.List.of()));
        return c;
    }

    /** A visitor of a connected shop, vouched for by the shop's signed token (the widget has no session). */
    record ShopVisitor(long circuitId, long connectionId) implements org.loyaltyhub.shared.TenantWall.Tenant {
        @Override
        public long tenantCircuitId() {
            return circuitId;
        }
    }

    private static org.loyaltyhub.integrations.internal.Connection sameOrigin(
            org.loyaltyhub.integrations.internal.Connection c, HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(WidgetService.origin(c.shopUrl()))) {
            throw new LoyaltyException("wrong-origin", Failure.FORBIDDEN, "This token belongs to another shop");
        }
        return c;
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
