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

/** WooCommerce coupons over the REST API v3 (Basic consumer key and secret): fixed cart, one use, one e-mail. */
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
        body.put("discount_type", "fixed_cart");
        body.put("amount", code.amount().display().toPlainString());
        body.put("individual_use", true);
        body.put("usage_limit", 1);
        body.put("usage_limit_per_user", 1);
        body.putArray("email_restrictions").add(code.email());
        body.put("date_expires_gmt", GMT.format(code.expiresAt()));
        if (code.minimumSpend().isPositive()) {
            body.put("minimum_amount", code.minimumSpend().display().toPlainString());
        }
        body.put("description", "LoyaltyHub: " + code.points() + " points");
        body.put("exclude_sale_items", code.limits().excludeDiscounted());
        java.util.List<Long> only = NewCode.numeric(code.limits().onlyProducts());
        if (!code.limits().onlyProducts().isEmpty() && only.isEmpty()) {
            throw new Refused(422, "the program lets points discount only listed products, and none of them is a "
                    + "WooCommerce product id", false);
        }
        only.forEach(body.putArray("product_ids")::add);
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
