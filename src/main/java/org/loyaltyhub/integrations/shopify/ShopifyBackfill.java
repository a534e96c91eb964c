package org.loyaltyhub.integrations.shopify;

import org.loyaltyhub.integrations.backfill.BackfillPhase;
import org.loyaltyhub.integrations.backfill.BackfillSource;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shopify through a bulk operation of the Admin GraphQL API (the version {@link ShopifyAdmin} uses): one
 * {@code bulkOperationRunQuery} per phase (customers, then orders with their line items) filtered on
 * {@code created_at}, polled with {@code node(id:)} until {@code COMPLETED}, then its JSONL file read
 * {@link #PER_PAGE} root objects at a time (line items are lines of their own, after their order, with
 * {@code __parentId}). The cursor holds the operation, then its file's address and how many orders were read.
 * Each object is turned into the REST shape its webhook carries and read by the webhook's own
 * {@link ShopifyHandler#order}, so both give the same purchase.
 */
@Component
class ShopifyBackfill implements BackfillSource {

    static final int PER_PAGE = 250;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private static final String RUN = """
            mutation($query: String!) { bulkOperationRunQuery(query: $query) {
              bulkOperation { id status } userErrors { field message code } } }""";
    private static final String POLL = """
            query($id: ID!) { node(id: $id) { ... on BulkOperation {
              id status errorCode objectCount rootObjectCount url } } }""";
    private static final String CUSTOMERS = """
            { customers(query: "%s") { edges { node {
              id email firstName lastName createdAt emailMarketingConsent { marketingState } } } } }""";
    private static final String ORDERS = """
            { orders(query: "%s") { edges { node {
              id email createdAt updatedAt cancelledAt displayFinancialStatus displayFulfillmentStatus currencyCode
              taxesIncluded discountCodes totalPriceSet { shopMoney { amount currencyCode } }
              customer { id email firstName lastName }
              refunds { id totalRefundedSet { shopMoney { amount } } }
              lineItems { edges { node { id quantity sku product { id }
                originalUnitPriceSet { shopMoney { amount } }
                discountAllocations { allocatedAmountSet { shopMoney { amount } } }
                taxLines { priceSet { shopMoney { amount } } } } } } } } } }""";

    private final ShopifyAdmin admin;
    private final ShopHttp http;

    ShopifyBackfill(ShopifyAdmin admin, ShopHttp http) {
        this.admin = admin;
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.SHOPIFY;
    }

    /** Where a phase is: its operation, then the file's address and the root objects read. */
    record Cursor(String operation, String url, int read, Integer total) {

        static Cursor of(String json) {
            JsonNode j = Json.MAPPER.readTree(json);
            return new Cursor(Json.text(j, "operation"), Json.text(j, "url"), j.path("read").asInt(0),
                    j.path("total").isNumber() ? j.path("total").asInt() : null);
        }

        String json() {
            ObjectNode j = Json.MAPPER.createObjectNode().put("operation", operation).put("url", url).put("read", read);
            return total == null ? j.toString() : j.put("total", total).toString();
        }
    }

    @Override
    public Page read(Connection c, Period period, BackfillPhase phase, String cursor)
            throws ShopHttp.Unreachable, ShopRefused {
        if (cursor == null) {
            return Page.waiting(new Cursor(run(c, period, phase), null, 0, null).json());
        }
        Cursor at = Cursor.of(cursor);
        if (at.url() == null) {
            return poll(c, at);
        }
        return file(at, phase);
    }

    private String run(Connection c, Period period, BackfillPhase phase) throws ShopHttp.Unreachable, ShopRefused {
        String filter = "created_at:>='" + ISO.format(period.start()) + "' AND created_at:<'" + ISO.format(period.end())
                + "'";
        String query = (phase == BackfillPhase.CUSTOMERS ? CUSTOMERS : ORDERS).formatted(filter.replace("\"", ""));
        ShopHttp.Answer a = admin.graphql(c, RUN, Json.MAPPER.createObjectNode().put("query", query));
        JsonNode data = ShopifyAdmin.data(a);
        if (data == null) {
            throw new ShopRefused(a, "Shopify");
        }
        JsonNode result = data.path("bulkOperationRunQuery");
        JsonNode errors = result.path("userErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            String code = Json.text(errors.get(0), "code");
            String message = "Shopify refused the bulk operation: " + Json.text(errors.get(0), "message");
            if ("OPERATION_IN_PROGRESS".equals(code)) {
                throw ShopRefused.forNow(message); // another bulk query of the app is running: try later
            }
            throw new ShopRefused(message);
        }
        String id = Json.text(result.path("bulkOperation"), "id");
        if (id == null) {
            throw new ShopRefused("Shopify started no bulk operation");
        }
        return id;
    }

    private Page poll(Connection c, Cursor at) throws ShopHttp.Unreachable, ShopRefused {
        ShopHttp.Answer a = admin.graphql(c, POLL, Json.MAPPER.createObjectNode().put("id", at.operation()));
        JsonNode data = ShopifyAdmin.data(a);
        if (data == null) {
            throw new ShopRefused(a, "Shopify");
        }
        JsonNode op = data.path("node");
        String status = Json.text(op, "status");
        if (status == null) {
            throw new ShopRefused("Shopify does not know the bulk operation " + at.operation());
        }
        return switch (status) {
            case "CREATED", "RUNNING" -> Page.waiting(at.json());
            case "COMPLETED" -> {
                String url = Json.text(op, "url");
                Integer total = op.path("rootObjectCount").isMissingNode() ? null
                        : Integer.valueOf(op.path("rootObjectCount").asInt());
                // no file: nothing matched the period
                yield url == null ? new Page(List.of(), List.of(), 0, at.json(), true, false, 0, 0)
                        : new Page(List.of(), List.of(), 0, new Cursor(at.operation(), url, 0, total).json(), false,
                        false, 0, total);
            }
            default -> throw new ShopRefused("Shopify's bulk operation ended " + status
                    + (Json.text(op, "errorCode") == null ? "" : " (" + Json.text(op, "errorCode") + ")"));
        };
    }

    private Page file(Cursor at, BackfillPhase phase) throws ShopHttp.Unreachable, ShopRefused {
        ShopHttp.Answer a = http.send("GET", at.url(), Map.of(), null);
        if (!a.ok()) {
            throw new ShopRefused(a, "Shopify's bulk operation file");
        }
        List<ShopifyJsonl.Root> roots = ShopifyJsonl.roots(a.body());
        int to = Math.min(roots.size(), at.read() + PER_PAGE);
        List<ShopifyJsonl.Root> page = roots.subList(Math.min(at.read(), roots.size()), to);
        String next = new Cursor(at.operation(), at.url(), to, roots.size()).json();
        boolean last = to >= roots.size();
        int unreadable = 0;
        if (phase == BackfillPhase.CUSTOMERS) {
            List<ShopOrder.Customer> customers = new ArrayList<>();
            for (ShopifyJsonl.Root r : page) {
                try {
                    customers.add(ShopifyHandler.customer(ShopifyJsonl.restCustomer(r.object())));
                } catch (IllegalArgumentException e) { // UnusableDelivery, or a required field missing
                    unreadable++;
                }
            }
            return Page.ofCustomers(customers, unreadable, next, last, to, roots.size());
        }
        List<ShopOrder> orders = new ArrayList<>();
        for (ShopifyJsonl.Root r : page) {
            try {
                orders.add(ShopifyHandler.order("orders/updated", ShopifyJsonl.restOrder(r)));
            } catch (IllegalArgumentException e) { // UnusableDelivery, or a required field missing
                unreadable++;
            }
        }
        return Page.ofOrders(orders, unreadable, next, last, to, roots.size());
    }
}
