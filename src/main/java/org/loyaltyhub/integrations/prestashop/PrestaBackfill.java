package org.loyaltyhub.integrations.prestashop;

import org.loyaltyhub.integrations.backfill.BackfillPhase;
import org.loyaltyhub.integrations.backfill.BackfillSource;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.PluginFormat;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PrestaShop through its webservice ({@code /api}, the key as the Basic-auth user, JSON out):
 * {@code customers} and {@code orders} with {@code display=full}, {@code filter[date_add]=[from,to]&date=1} and
 * {@code limit=offset,100}, sorted by id; the cursor is the next offset. An order of the webservice is turned into
 * the body LoyaltyHub's module sends (its state's flags from {@code order_states}, the shop's cancelled, refunded
 * and payment-error states from {@code configurations}, its customer from {@code customers}, its currency's ISO code
 * from {@code currencies}, times in the shop's {@code PS_TIMEZONE}) and read by the webhook's own
 * {@link PrestaShopHandler#order}, so both give the same purchase.
 */
@Component
class PrestaBackfill implements BackfillSource {

    static final int PER_PAGE = 100;
    private static final DateTimeFormatter SHOP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ShopHttp http;

    PrestaBackfill(ShopHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.PRESTASHOP;
    }

    @Override
    public Page read(Connection c, Period period, BackfillPhase phase, String cursor)
            throws ShopHttp.Unreachable, ShopRefused {
        int offset = cursor == null ? 0 : Integer.parseInt(cursor);
        ZoneId zone = zone(c);
        String resource = phase == BackfillPhase.CUSTOMERS ? "customers" : "orders";
        String range = "[" + SHOP_TIME.format(period.start().atZone(zone)) + ","
                + SHOP_TIME.format(period.end().minusSeconds(1).atZone(zone)) + "]";
        List<JsonNode> items = list(c, resource, "display=full&filter%5Bdate_add%5D=" + encode(range)
                + "&date=1&sort=" + encode("[id_ASC]") + "&limit=" + offset + "," + PER_PAGE);
        boolean last = items.size() < PER_PAGE;
        String next = String.valueOf(offset + items.size());
        int done = offset + items.size();
        if (phase == BackfillPhase.CUSTOMERS) {
            List<ShopOrder.Customer> customers = items.stream().map(PrestaBackfill::customer).toList();
            return Page.ofCustomers(customers, 0, next, last, done, null);
        }
        Shop shop = shop(c, zone);
        Map<String, JsonNode> customers = customers(c, items);
        List<ShopOrder> orders = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode o : items) {
            try {
                orders.add(PrestaShopHandler.order(asModuleSends(o, shop, customers.get(Json.text(o, "id_customer")))));
            } catch (IllegalArgumentException e) { // UnusableDelivery, or a required field missing
                unreadable++;
            }
        }
        return Page.ofOrders(orders, unreadable, next, last, done, null);
    }

    /** A webservice customer in the module's form (the same field names, flags as "0"/"1"). */
    private static ShopOrder.Customer customer(JsonNode c) {
        return PluginFormat.customer(c);
    }

    /** What the shop says once per page: order states' flags, its three special states, currencies, time zone. */
    private record Shop(Map<String, JsonNode> states, String cancelled, String refunded, String failed,
                        Map<String, String> currencies, ZoneId zone) {
    }

    private Shop shop(Connection c, ZoneId zone) throws ShopHttp.Unreachable, ShopRefused {
        Map<String, JsonNode> states = new HashMap<>();
        for (JsonNode s : list(c, "order_states", "display=full")) {
            states.put(Json.text(s, "id"), s);
        }
        Map<String, String> config = configuration(c, "PS_OS_CANCELED", "PS_OS_REFUND", "PS_OS_ERROR");
        Map<String, String> currencies = new HashMap<>();
        for (JsonNode cur : list(c, "currencies", "display=" + encode("[id,iso_code]"))) {
            currencies.put(Json.text(cur, "id"), Json.text(cur, "iso_code"));
        }
        return new Shop(states, config.get("PS_OS_CANCELED"), config.get("PS_OS_REFUND"), config.get("PS_OS_ERROR"),
                currencies, zone);
    }

    private ZoneId zone(Connection c) throws ShopHttp.Unreachable, ShopRefused {
        String name = configuration(c, "PS_TIMEZONE").get("PS_TIMEZONE");
        try {
            return name == null ? ZoneOffset.UTC : ZoneId.of(name);
        } catch (RuntimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private Map<String, String> configuration(Connection c, String... names) throws ShopHttp.Unreachable, ShopRefused {
        Map<String, String> values = new HashMap<>();
        for (JsonNode row : list(c, "configurations", "display=" + encode("[name,value]") + "&filter%5Bname%5D="
                + encode("[" + String.join("|", names) + "]"))) {
            values.put(Json.text(row, "name"), Json.text(row, "value"));
        }
        return values;
    }

    /** The customers of a page of orders, by id, in one call. */
    private Map<String, JsonNode> customers(Connection c, List<JsonNode> orders) throws ShopHttp.Unreachable, ShopRefused {
        Set<String> ids = new LinkedHashSet<>();
        orders.forEach(o -> {
            String id = Json.text(o, "id_customer");
            if (id != null && !id.equals("0")) {
                ids.add(id);
            }
        });
        Map<String, JsonNode> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            for (JsonNode customer : list(c, "customers", "display=full&filter%5Bid%5D="
                    + encode("[" + String.join("|", ids) + "]"))) {
                byId.put(Json.text(customer, "id"), customer);
            }
        }
        return byId;
    }

    /** The order in the form of the module's {@code order.status} body (see OrderPayload.php). */
    private static JsonNode asModuleSends(JsonNode o, Shop shop, JsonNode customer) {
        ObjectNode order = Json.MAPPER.createObjectNode();
        order.put("id", Json.text(o, "id"));
        order.put("reference", Json.text(o, "reference"));
        order.put("currency", shop.currencies().get(Json.text(o, "id_currency")));
        order.put("total_paid_tax_incl", Json.text(o, "total_paid_tax_incl"));
        order.put("date_add", iso(Json.text(o, "date_add"), shop.zone()));
        order.put("date_upd", iso(Json.text(o, "date_upd"), shop.zone()));
        if (customer != null) {
            order.set("customer", customer);
        }
        String stateId = Json.text(o, "current_state");
        JsonNode flags = shop.states().getOrDefault(stateId, Json.MAPPER.createObjectNode());
        ObjectNode state = order.putObject("state");
        for (String flag : List.of("paid", "logable", "shipped", "delivery")) {
            state.put(flag, Json.flag(flags, flag));
        }
        boolean refunded = stateId != null && stateId.equals(shop.refunded());
        state.put("refunded", refunded);
        state.put("cancelled", refunded || (stateId != null && stateId.equals(shop.cancelled())));
        state.put("failed", stateId != null && stateId.equals(shop.failed()));
        ArrayNode lines = order.putArray("lines");
        for (JsonNode row : Json.array(o.path("associations"), "order_rows")) {
            lines.addObject().put("product_id", Json.text(row, "product_id"))
                    .put("product_reference", Json.text(row, "product_reference"))
                    .put("quantity", Json.text(row, "product_quantity"))
                    .put("unit_price_tax_incl", Json.text(row, "unit_price_tax_incl"))
                    .put("unit_price_tax_excl", Json.text(row, "unit_price_tax_excl"));
        }
        BigDecimal discounts = Json.money(o, "total_discounts_tax_excl");
        ArrayNode rules = order.putArray("cart_rules");
        if (discounts != null && discounts.signum() > 0) {
            rules.addObject().put("value_tax_excl", discounts.toPlainString()); // the webservice lists no codes
        }
        order.putArray("slips");
        return order;
    }

    private static String iso(String shopTime, ZoneId zone) {
        if (shopTime == null || shopTime.startsWith("0000")) {
            return null;
        }
        try {
            return LocalDateTime.parse(shopTime.replace(' ', 'T')).atZone(zone).toOffsetDateTime().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * One list of the webservice. PrestaShop answers {@code {"<resource>": [...]}}, or an empty JSON array when
     * nothing matches.
     */
    private List<JsonNode> list(Connection c, String resource, String query) throws ShopHttp.Unreachable, ShopRefused {
        ShopHttp.Answer a = http.send("GET", c.base() + "/api/" + resource + "?output_format=JSON&" + query,
                Map.of("Authorization", ShopHttp.basic(c.apiKey(), ""), "Accept", "application/json"), null);
        if (!a.ok()) {
            throw new ShopRefused(a, "PrestaShop");
        }
        JsonNode json = a.json();
        if (json != null && json.isArray() && json.isEmpty()) {
            return List.of();
        }
        if (json == null || !json.path(resource).isArray()) {
            throw new ShopRefused("PrestaShop answered something that is not a list of " + resource);
        }
        return Json.array(json, resource);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
