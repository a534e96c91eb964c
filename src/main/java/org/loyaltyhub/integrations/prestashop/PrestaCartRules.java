package org.loyaltyhub.integrations.prestashop;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.DiscountApi;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * PrestaShop cart rules over the webservice (the key as Basic user, empty password; XML in, JSON out). The amount is
 * tax included, in the shop's currency with the code's ISO code, and the rule is named in every active language
 * (both looked up through the webservice; a key without access to {@code currencies} and {@code languages} gets the
 * shop's first currency and language, id 1, and a warning in the log). Dates are sent in UTC. PrestaShop does not
 * refuse a duplicate code, so creating first looks the code up.
 */
@Component
class PrestaCartRules implements DiscountApi {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PrestaCartRules.class);

    private final ShopHttp http;

    PrestaCartRules(ShopHttp http) {
        this.http = http;
    }

    @Override
    public String create(Connection c, NewCode code) throws Refused, ShopHttp.Unreachable {
        Optional<String> existing = find(c, code.code());
        if (existing.isPresent()) {
            return existing.get();
        }
        String currency = currencyId(c, code.minimumSpend().currency().getCurrencyCode());
        String names = languageIds(c).stream().map(id -> "<language id=\"" + id + "\">"
                + xmlText("LoyaltyHub " + code.label()) + "</language>").collect(java.util.stream.Collectors.joining());
        // customer 0: any customer (an anonymous gift card's code, for whoever holds it)
        String customer = code.shopCustomer() == null ? "0" : xmlText(code.shopCustomer());
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
                <cart_rule>
                <id_customer>%s</id_customer>
                <date_from>%s</date_from>
                <date_to>%s</date_to>
                <name>%s</name>
                <description>%s</description>
                <quantity>1</quantity>
                <quantity_per_user>1</quantity_per_user>
                <priority>1</priority>
                <partial_use>0</partial_use>
                <code>%s</code>
                <minimum_amount>%s</minimum_amount>
                <minimum_amount_tax>1</minimum_amount_tax>
                <minimum_amount_currency>%s</minimum_amount_currency>
                <minimum_amount_shipping>0</minimum_amount_shipping>
                <cart_rule_restriction>1</cart_rule_restriction>
                %s
                <reduction_tax>1</reduction_tax>
                <reduction_exclude_special>%s</reduction_exclude_special>
                <highlight>0</highlight>
                <active>1</active>
                </cart_rule>
                </prestashop>
                """.formatted(customer, DATE.format(code.startsAt()), DATE.format(code.expiresAt()),
                names, xmlText("loyaltyhub_hold=" + code.holdId()),
                xmlText(code.code()), code.minimumSpend().display().toPlainString(), currency,
                benefit(code.benefit(), currency), code.limits().excludeDiscounted() ? 1 : 0);
        ShopHttp.Answer a = http.send("POST", c.base() + "/api/cart_rules?output_format=JSON",
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Content-Type", "application/xml",
                        "Accept", "application/json"), xml);
        if (!a.ok()) {
            throw Refused.of(a, message(a));
        }
        return Json.text(Json.MAPPER.readTree(a.body()).path("cart_rule"), "id");
    }

    /**
     * The cart rule's action: an amount off (tax included, in the code's currency), a percentage off the order
     * without shipping ({@code reduction_product} 0), a gift product (PrestaShop puts one unit in the cart), or free
     * shipping.
     */
    private static String benefit(Benefit benefit, String currency) {
        return switch (benefit) {
            case Benefit.AmountOff off -> "<reduction_amount>" + off.amount().display().toPlainString()
                    + "</reduction_amount>\n<reduction_currency>" + currency + "</reduction_currency>";
            case Benefit.PercentOff off -> "<reduction_percent>" + off.percent().stripTrailingZeros().toPlainString()
                    + "</reduction_percent>\n<reduction_product>0</reduction_product>";
            case Benefit.FreeProduct free -> "<gift_product>" + free.productId()
                    + "</gift_product>\n<gift_product_attribute>0</gift_product_attribute>";
            case Benefit.FreeShipping ignored -> "<free_shipping>1</free_shipping>";
        };
    }

    /** PrestaShop's cart rules have no maximum amount for a percentage. */
    @Override
    public Optional<Unsupported> cannotGive(Benefit benefit, org.loyaltyhub.shared.Money minimumSpend) {
        if (benefit instanceof Benefit.PercentOff off && off.cap() != null) {
            return Optional.of(new Unsupported("percent-cap-not-in-shop", "PrestaShop's cart rules cannot cap a "
                    + "percentage (" + off.cap() + " at most): use this voucher at the till, or a reward without a cap"));
        }
        return Optional.empty();
    }

    /** The id of the shop's currency with this ISO code; refused if the shop does not have it. */
    private String currencyId(Connection c, String iso) throws Refused, ShopHttp.Unreachable {
        java.util.List<String> ids = lookup(c, "currencies", "iso_code", iso);
        if (ids == null) {
            return "1";
        }
        if (ids.isEmpty()) {
            throw new Refused(422, "the shop has no currency " + iso + ": add it in PrestaShop (Localization > "
                    + "Currencies) or use a circuit with the shop's currency", false);
        }
        return ids.getFirst();
    }

    private java.util.List<String> languageIds(Connection c) throws Refused, ShopHttp.Unreachable {
        java.util.List<String> ids = lookup(c, "languages", "active", "1");
        return ids == null || ids.isEmpty() ? java.util.List.of("1") : ids;
    }

    /** The ids of a resource's rows matching a filter; null when the key may not read the resource. */
    private java.util.List<String> lookup(Connection c, String resource, String field, String value)
            throws Refused, ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("GET", c.base() + "/api/" + resource + "?output_format=JSON&display="
                        + URLEncoder.encode("[id," + field + "]", StandardCharsets.UTF_8) + "&filter"
                        + URLEncoder.encode("[" + field + "]", StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode("[" + value + "]", StandardCharsets.UTF_8),
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Accept", "application/json"), null);
        if (a.status() == 401 || a.status() == 403 || a.status() == 404 || a.status() == 405) {
            log.warn("Connection {}: the webservice key may not read {} (HTTP {}); using id 1. Grant it GET on {}.",
                    c.id(), resource, a.status(), resource);
            return null;
        }
        if (!a.ok()) {
            throw Refused.of(a, message(a));
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (JsonNode row : Json.MAPPER.readTree(a.body()).path(resource)) { // none found: [] rather than an object
            if (value.equalsIgnoreCase(Json.text(row, field)) && Json.text(row, "id") != null) {
                ids.add(Json.text(row, "id"));
            }
        }
        return ids;
    }

    @Override
    public Optional<String> find(Connection c, String code) throws Refused, ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("GET", c.base() + "/api/cart_rules?output_format=JSON&display="
                        + URLEncoder.encode("[id,code]", StandardCharsets.UTF_8) + "&filter"
                        + URLEncoder.encode("[code]", StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode("[" + code + "]", StandardCharsets.UTF_8),
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Accept", "application/json"), null);
        if (!a.ok()) {
            throw Refused.of(a, message(a));
        }
        JsonNode body = Json.MAPPER.readTree(a.body());
        for (JsonNode rule : body.path("cart_rules")) { // an empty result is [] rather than an object
            if (code.equalsIgnoreCase(Json.text(rule, "code"))) {
                return Optional.ofNullable(Json.text(rule, "id"));
            }
        }
        return Optional.empty();
    }

    @Override
    public void delete(Connection c, String shopId) throws Refused, ShopHttp.Unreachable {
        ShopHttp.Answer a = http.send("DELETE", c.base() + "/api/cart_rules/" + shopId,
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), "")), null);
        if (!a.ok() && a.status() != 404) {
            throw Refused.of(a, message(a));
        }
    }

    private static String xmlText(String s) {
        return "<![CDATA[" + s.replace("]]>", "]]]]><![CDATA[>") + "]]>";
    }

    private static String message(ShopHttp.Answer a) {
        try {
            JsonNode errors = Json.MAPPER.readTree(a.body()).path("errors");
            return errors.isArray() && !errors.isEmpty() ? Json.text(errors.get(0), "message") : null;
        } catch (RuntimeException notJson) {
            return a.body() == null ? null : a.body().substring(0, Math.min(200, a.body().length()));
        }
    }
}
