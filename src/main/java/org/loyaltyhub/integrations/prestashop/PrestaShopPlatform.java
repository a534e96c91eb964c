package org.loyaltyhub.integrations.prestashop;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.Inbound;
import org.loyaltyhub.integrations.internal.Outcome;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.PluginFormat;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopPlatform;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * PrestaShop, through LoyaltyHub's module: the module posts its webhooks by itself (signed like the WordPress
 * plugin's); the webservice key checks the connection and makes cart rules for the shop's customer.
 */
@Component
class PrestaShopPlatform implements ShopPlatform {

    private final PrestaShopHandler handler;
    private final PrestaCartRules cartRules;
    private final ShopHttp http;

    PrestaShopPlatform(PrestaShopHandler handler, PrestaCartRules cartRules, ShopHttp http) {
        this.handler = handler;
        this.cartRules = cartRules;
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.PRESTASHOP;
    }

    @Override
    public Inbound verify(Connection c, Function<String, String> header, byte[] body) {
        return PluginFormat.verify(c, header, body);
    }

    @Override
    public Outcome handle(Connection c, String topic, JsonNode body) {
        return handler.handle(c, topic, body);
    }

    @Override
    public CheckResult check(Connection c) throws ShopHttp.Unreachable {
        if (c.apiKey() == null) {
            return CheckResult.problem("no PrestaShop webservice key is stored for this connection");
        }
        ShopHttp.Answer a = http.send("GET", c.base() + "/api/?output_format=JSON",
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Accept", "application/json"), null);
        return CheckResult.judge(a, "PrestaShop webservice (/api)", "the webservice key is wrong or disabled",
                body -> body.isObject() ? CheckResult.fine(c.name()) : null);
    }

    @Override
    public Optional<DiscountApi> discounts() {
        return Optional.of(cartRules);
    }
}
