package org.loyaltyhub.integrations.web;

import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.integrations.internal.CodeService;
import org.loyaltyhub.integrations.internal.Signatures;
import org.loyaltyhub.integrations.internal.WidgetService;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the storefront widget calls, authenticated by the customer token the shop signed (header
 * {@code X-LoyaltyHub-Customer-Token}), or for Shopify by the app proxy's signed query.
 */
@RestController
class WidgetController {

    static final String TOKEN = "X-LoyaltyHub-Customer-Token";
    private static final Duration PROXY_FRESHNESS = Duration.ofMinutes(15);

    private final WidgetService widget;
    private final Clock clock;

    WidgetController(WidgetService widget, Clock clock) {
        this.widget = widget;
        this.clock = clock;
    }

    record Redeem(Long points, BigDecimal amount) {
    }

    @GetMapping("/api/v1/widget/me")
    ResponseEntity<WidgetService.Me> me(@RequestHeader(name = TOKEN, required = false) String token,
                                        HttpServletRequest request) {
        return noStore(widget.me(customer(token, request)));
    }

    @PostMapping("/api/v1/widget/codes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<CodeService.View> redeem(@RequestHeader(name = TOKEN, required = false) String token,
                                            @RequestBody(required = false) Redeem r, HttpServletRequest request) {
        WidgetService.Customer who = customer(token, request);
        CodeService.View code = widget.redeem(who, r == null ? null : r.points(), r == null ? null : r.amount());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(code);
    }

    @GetMapping(value = "/api/v1/widget/card.svg", produces = "image/svg+xml")
    ResponseEntity<String> card(@RequestParam String token, HttpServletRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.valueOf("image/svg+xml"))
                .body(widget.cardSvg(customer(token, request)));
    }

    /** Shopify's app proxy: {@code signature} is the hex HMAC of the other parameters sorted as k=v, unseparated. */
    @GetMapping("/api/v1/hooks/shopify/proxy/me")
    ResponseEntity<WidgetService.Me> shopifyProxy(HttpServletRequest request) {
        Map<String, String[]> params = request.getParameterMap();
        String shop = first(params, "shop");
        String signature = first(params, "signature");
        String message = new TreeMap<>(params).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining());
        if (shop == null || !Signatures.hexMatches(signature, message, widget.shopifySecrets(shop))) {
            throw new LoyaltyException("invalid-signature", 401, "The app proxy signature does not verify");
        }
        long timestamp = parse(first(params, "timestamp"));
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > PROXY_FRESHNESS.toSeconds()) {
            throw new LoyaltyException("invalid-signature", 401, "The app proxy request is too old");
        }
        return noStore(widget.me(widget.byShopify(shop, first(params, "logged_in_customer_id"))));
    }

    /** The token's connection must be the shop the browser is on, when the browser says (CORS already checked it). */
    private WidgetService.Customer customer(String token, HttpServletRequest request) {
        WidgetService.Customer who = widget.byToken(token);
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(WidgetService.origin(who.connection().shopUrl()))) {
            throw new LoyaltyException("wrong-origin", 403, "This token belongs to another shop");
        }
        return who;
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String first(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (RuntimeException e) {
            throw new LoyaltyException("invalid-signature", 401, "The app proxy request has no valid timestamp");
        }
    }
}
