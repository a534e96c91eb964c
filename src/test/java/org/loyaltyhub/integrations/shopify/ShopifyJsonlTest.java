package org.loyaltyhub.integrations.shopify;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.loyaltyhub.purchases.PurchaseStatus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifyJsonlTest {

    private static final String FILE = """
            {"id":"gid://shopify/Order/1","email":"a@shop.test","createdAt":"2026-01-10T10:00:00Z","updatedAt":"2026-01-10T11:00:00Z","cancelledAt":null,"displayFinancialStatus":"PARTIALLY_REFUNDED","displayFulfillmentStatus":"UNFULFILLED","currencyCode":"EUR","taxesIncluded":true,"discountCodes":["WELCOME"],"totalPriceSet":{"shopMoney":{"amount":"110.00","currencyCode":"EUR"}},"customer":{"id":"gid://shopify/Customer/9","email":"a@shop.test","firstName":"Anna","lastName":"Rossi"},"refunds":[{"id":"gid://shopify/Refund/5","totalRefundedSet":{"shopMoney":{"amount":"11.00","currencyCode":"EUR"}}}]}
            {"id":"gid://shopify/LineItem/11","quantity":2,"sku":"S","product":{"id":"gid://shopify/Product/3"},"originalUnitPriceSet":{"shopMoney":{"amount":"60.00","currencyCode":"EUR"}},"discountAllocations":[{"allocatedAmountSet":{"shopMoney":{"amount":"10.00","currencyCode":"EUR"}}}],"taxLines":[{"priceSet":{"shopMoney":{"amount":"20.00","currencyCode":"EUR"}}}],"__parentId":"gid://shopify/Order/1"}
            {"id":"gid://shopify/Order/2","email":"b@shop.test","createdAt":"2026-01-11T10:00:00Z","updatedAt":"2026-01-11T10:00:00Z","cancelledAt":"2026-01-12T10:00:00Z","displayFinancialStatus":"VOIDED","displayFulfillmentStatus":"UNFULFILLED","currencyCode":"EUR","taxesIncluded":false,"discountCodes":[],"totalPriceSet":{"shopMoney":{"amount":"5.00","currencyCode":"EUR"}},"customer":null,"refunds":[]}
            """;

    @Test
    void aFilesOrdersAreReadAsTheirWebhooksWouldCarryThemWithTheirLineItemsTaxAndDiscountsTakenOff() {
        List<ShopifyJsonl.Root> roots = ShopifyJsonl.roots(FILE);

        assertThat(roots).hasSize(2);
        ShopOrder first = ShopifyHandler.order("orders/updated", ShopifyJsonl.restOrder(roots.get(0)));
        assertThat(first.orderId()).isEqualTo("1");
        assertThat(first.status()).isEqualTo(PurchaseStatus.PAID);
        assertThat(first.total()).isEqualByComparingTo("110.00");
        assertThat(first.refunds()).containsOnlyKeys("5");
        assertThat(first.refunds().get("5")).isEqualByComparingTo("11.00");
        assertThat(first.customer().id()).isEqualTo("9");
        assertThat(first.codes()).containsExactly("WELCOME");
        assertThat(first.lines()).hasSize(1);
        assertThat(first.lines().getFirst().productId()).isEqualTo("3");
        assertThat(first.lines().getFirst().unitPrice()).as("(2 × 60 − 10 − 20) ÷ 2").isEqualByComparingTo("45.00");
        ShopOrder second = ShopifyHandler.order("orders/updated", ShopifyJsonl.restOrder(roots.get(1)));
        assertThat(second.status()).isEqualTo(PurchaseStatus.CANCELLED);
        assertThat(second.customer().guest()).isTrue();
    }

    @Test
    void aChildWhoseParentIsNotInTheFileIsLeftOutAndGlobalIdsBecomeTheIdsWebhooksCarry() {
        List<ShopifyJsonl.Root> roots = ShopifyJsonl.roots("""
                {"id":"gid://shopify/LineItem/1","__parentId":"gid://shopify/Order/404"}
                {"id":"gid://shopify/Customer/7","email":"c@shop.test"}
                """);

        assertThat(roots).hasSize(1);
        assertThat(ShopifyJsonl.legacyId("gid://shopify/Order/820982911946154508")).isEqualTo("820982911946154508");
    }
}
