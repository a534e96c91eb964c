package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/** WooCommerce coupons over the REST API v3 (Basic consumer key and secret): one use, one e-mail, any benefit. */
@Component
class WooCoupons implements DiscountApi {

    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ShopHttp http;

    WooCoupons(ShopHttp http) {
        this.http = http;
    }

    @Override
    public String create(Connection c, NewCode code) throws Refused, ShopHttp.Unreachable {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("code", code.code());
        benefit(body, code.benefit());
        body.put("individual_use", true);
        body.put("usage_limit", 1);
        body.put("usage_limit_per_user", 1);
        if (code.email() != null) { // none: an anonymous gift card's code, for whoever holds it
            body.putArray("email_restrictions").add(code.email());
        }
        body.put("date_expires_gmt", GMT.format(code.expiresAt()));
        if (code.minimumSpend().isPositive()) {
            body.put("minimum_amount", code.minimumSpend().display().toPlainString());
        }
        body.put("description", "LoyaltyHub: " + code.label());
        body.put("exclude_sale_items", code.limits().excludeDiscounted());
        java.util.List<Long> only = NewCode.numeric(code.limits().onlyProducts());
        if (!code.limits().onlyProducts().isEmpty() && only.isEmpty()) {
            throw new Refused(422, "the program lets points discount only listed products, and none of them is a "
                    + "WooCommerce product id", false);
        }
        if (!(code.benefit() instanceof Benefit.FreeProduct)) {
            only.forEach(body.putArray("product_ids")::add);
        }
        if (!code.limits().exceptProducts().isEmpty()) {
            NewCode.numeric(code.limits().exceptProducts()).forEach(body.putArray("excluded_product_ids")::add);
        }
        body.putArray("meta_data").addObject().put("key", "loyaltyhub_hold").put("value", String.valueOf(code.holdId()));
        ShopHttp.Answer a = http.send("POST", c.base() + "/wp-json/wc/v3/coupons", headers(c, true), body.toString());
        if (a.ok()) {
            return Json.text(Json.MAPPER.readTree(a.body()), "id");
        }
        String error = errorCode(a);
        if ("woocommerce_rest_coupon_code_already_exists".equals(error)) {
            throw new Refused(a.status(), "the code already exists", true);
        }
        throw Refused.of(a, message(a));
    }

    /**
     * The coupon's discount: {@code fixed_cart}; {@code percent}, its cap as the largest cart the coupon accepts
     * ({@code maximum_amount} = cap ÷ percentage, so the discount never passes the cap: WooCommerce has no cap of its
     * own); a product free as 100 % off that product limited to one item ({@code limit_usage_to_x_items}); free
     * shipping as a zero {@code fixed_cart} with {@code free_shipping} (the shop's "Free shipping" method must accept
     * coupons).
     */
    private static void benefit(ObjectNode body, Benefit benefit) {
        switch (benefit) {
            case Benefit.AmountOff off -> body.put("discount_type", "fixed_cart")
                    .put("amount", off.amount().display().toPlainString());
            case Benefit.PercentOff off -> {
                body.put("discount_type", "percent").put("amount", off.percent().stripTrailingZeros().toPlainString());
                if (off.cap() != null) {
                    body.put("maximum_amount", largestCart(off).display().toPlainString());
                }
            }
            case Benefit.FreeProduct free -> {
                body.put("discount_type", "percent").put("amount", "100").put("limit_usage_to_x_items", 1);
                body.putArray("product_ids").add(free.productId());
            }
            case Benefit.FreeShipping ignored -> body.put("discount_type", "fixed_cart").put("amount", "0")
                    .put("free_shipping", true);
        }
    }

    /** The largest cart whose percentage stays within the cap, rounded down to the cent. */
    static org.loyaltyhub.shared.Money largestCart(Benefit.PercentOff off) {
        return new org.loyaltyhub.shared.Money(off.cap().amount().multiply(java.math.BigDecimal.valueOf(100))
                .divide(off.percent(), 8, java.math.RoundingMode.FLOOR), off.cap().currency()).floorToMinorUnit();
    }

    @Override
    public Optional<Unsupported> cannotGive(Benefit benefit, org.loyaltyhub.shared.Money minimumSpend) {
        if (benefit instanceof Benefit.PercentOff off && off.cap() != null
                && largestCart(off).compareTo(minimumSpend) < 0) {
            return Optional.of(new Unsupported("percent-cap-not-in-shop", "WooCommerce caps a percentage by the "
                    + "largest cart that may use the coupon (" + largestCart(off) + "), which is below the minimum cart ("
                    + minimumSpend + "): no cart could use it"));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> find(Connection c, String code) throws Refused, ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("GET", c.base() + "/wp-json/wc/v3/coupons?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8), headers(c, false), null);
        if (!a.ok()) {
            throw Refused.of(a, message(a));
        }
        for (JsonNode coupon : Json.MAPPER.readTree(a.body())) {
            if (code.equalsIgnoreCase(Json.text(coupon, "code"))) {
                return Optional.ofNullable(Json.text(coupon, "id"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void delete(Connection c, String shopId) throws Refused, ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("DELETE", c.base() + "/wp-json/wc/v3/coupons/" + shopId + "?force=true",
                headers(c, false), null);
        if (!a.ok() && a.status() != 404) {
            throw Refused.of(a, message(a));
        }
    }

    private static Map<String, String> headers(Connection c, boolean json) {
        String auth = ShopHttp.basic(c.apiKey(), c.apiSecret());
        return json ? Map.of("Authorization", auth, "Accept", "application/json", "Content-Type", "application/json")
                : Map.of("Authorization", auth, "Accept", "application/json");
    }

    private static String errorCode(ShopHttp.Answer a) {
        try {
            return Json.text(Json.MAPPER.readTree(a.body()), "code");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    static String message(ShopHttp.Answer a) {
        try {
            return Json.text(Json.MAPPER.readTree(a.body()), "message");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
