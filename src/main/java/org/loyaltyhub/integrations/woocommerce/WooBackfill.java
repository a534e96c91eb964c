package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.integrations.backfill.BackfillPhase;
import org.loyaltyhub.integrations.backfill.BackfillSource;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce through the REST API v3: {@code GET /wp-json/wc/v3/customers} (no date filter in the API: read by
 * registration date, the customers registered in the period are kept, {@code date_created_gmt}, and the reading
 * stops at the first registered after it) and {@code /orders?after=&before=} (created
 * in the period), 100 a page, as many pages as {@code X-WP-TotalPages} says ({@code X-WP-Total}: how many in all). The cursor is the next page's number.
 * An order is the same JSON a webhook carries, read by the webhook's own {@link WooCommerceHandler#order}.
 */
@Component
class WooBackfill implements BackfillSource {

    static final int PER_PAGE = 100;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final ShopHttp http;

    WooBackfill(ShopHttp http) {
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.WOOCOMMERCE;
    }

    @Override
    public Page read(Connection c, Period period, BackfillPhase phase, String cursor)
            throws ShopHttp.Unreachable, ShopRefused {
        int page = cursor == null ? 1 : Integer.parseInt(cursor);
        String url = c.base() + (phase == BackfillPhase.CUSTOMERS
                ? "/wp-json/wc/v3/customers?role=all&orderby=registered_date&order=asc"
                : "/wp-json/wc/v3/orders?after=" + ISO.format(period.start()) + "&before=" + ISO.format(period.end())
                + "&dates_are_gmt=true&orderby=id&order=asc")
                + "&per_page=" + PER_PAGE + "&page=" + page;
        ShopHttp.Answered a = http.sendForHeaders("GET", url, Map.of("Authorization",
                ShopHttp.basic(c.apiKey(), c.apiSecret()), "Accept", "application/json"), null);
        if (!a.answer().ok()) {
            throw new ShopRefused(a.answer(), "WooCommerce");
        }
        JsonNode items = a.answer().json();
        if (items == null || !items.isArray()) {
            throw new ShopRefused("WooCommerce answered something that is not a list of " + phase.name().toLowerCase());
        }
        Integer pages = a.intHeader("X-WP-TotalPages");
        Integer total = a.intHeader("X-WP-Total");
        boolean last = items.size() < PER_PAGE || (pages != null && page >= pages);
        String next = String.valueOf(page + 1);
        int done = (page - 1) * PER_PAGE + items.size();
        int unreadable = 0;
        if (phase == BackfillPhase.CUSTOMERS) {
            List<ShopOrder.Customer> customers = new ArrayList<>();
            for (JsonNode item : items) {
                java.time.Instant registered = Json.instant(item, "date_created_gmt");
                last = last || (registered != null && !registered.isBefore(period.end())); // sorted: none later is in it
                if (period.contains(registered)) {
                    try {
                        customers.add(WooCommerceHandler.customer(item));
                    } catch (IllegalArgumentException noId) {
                        unreadable++;
                    }
                }
            }
            return Page.ofCustomers(customers, unreadable, next, last, done, total);
        }
        List<ShopOrder> orders = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                orders.add(WooCommerceHandler.order(item));
            } catch (IllegalArgumentException e) { // UnusableDelivery, or a required field missing
                unreadable++;
            }
        }
        return Page.ofOrders(orders, unreadable, next, last, done, total);
    }
}
