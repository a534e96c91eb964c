package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.integrations.shopify.ShopifyInstall;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks of Shopify's install requests, with the example of Shopify's own documentation. */
class ShopInstallSignaturesTest {

    /** Shopify's documented callback: secret "hush", these parameters, this hmac. */
    private static Map<String, String> documented() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("code", "0907a61c0c8d55e99db179b68161bc00");
        q.put("hmac", "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf");
        q.put("shop", "some-shop.myshopify.com");
        q.put("state", "0.6784241404160823");
        q.put("timestamp", "1337178173");
        return q;
    }

    @Test
    void theDocumentedCallbackVerifiesWithTheDocumentedSecret() {
        assertThat(ShopifyInstall.message(documented())).isEqualTo(
                "code=0907a61c0c8d55e99db179b68161bc00&shop=some-shop.myshopify.com&state=0.6784241404160823&timestamp=1337178173");
        ShopifyInstall.verifyHmac(documented(), "hush");
    }

    @Test
    void aChangedParameterAWrongSecretOrAMissingHmacIsRefusedWith401() {
        Map<String, String> changed = documented();
        changed.put("shop", "evil-shop.myshopify.com");
        for (Map<String, String> q : java.util.List.of(changed, withoutHmac())) {
            assertThatThrownBy(() -> ShopifyInstall.verifyHmac(q, "hush"))
                    .isInstanceOfSatisfying(ShopAuthorization.Refused.class, e -> assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.UNAUTHENTICATED));
        }
        assertThatThrownBy(() -> ShopifyInstall.verifyHmac(documented(), "not-hush"))
                .isInstanceOf(ShopAuthorization.Refused.class).hasMessageContaining("does not match");
        Map<String, String> notHex = documented();
        notHex.put("hmac", "zz");
        assertThatThrownBy(() -> ShopifyInstall.verifyHmac(notHex, "hush")).isInstanceOf(ShopAuthorization.Refused.class);
    }

    private static Map<String, String> withoutHmac() {
        Map<String, String> q = documented();
        q.remove("hmac");
        return q;
    }

    @Test
    void aShopIsNamedByItsMyshopifyDomainWhicheverWayItIsTyped() {
        assertThat(ShopifyInstall.domain("Bottega")).contains("bottega.myshopify.com");
        assertThat(ShopifyInstall.domain(" bottega.myshopify.com ")).contains("bottega.myshopify.com");
        assertThat(ShopifyInstall.domain("https://bottega.myshopify.com/admin/apps")).contains("bottega.myshopify.com");
        assertThat(ShopifyInstall.domain("bottega.example.com")).isEmpty();
        assertThat(ShopifyInstall.domain("evil.com/.myshopify.com")).isEmpty();
        assertThat(ShopifyInstall.domain("-x.myshopify.com")).isEmpty();
        assertThat(ShopifyInstall.domain("")).isEmpty();
    }

    @Test
    void theGrantMustCoverEveryRequestedScopeAWriteScopeCoveringItsRead() {
        assertThat(ShopifyInstall.missingScopes("read_orders,read_customers,write_discounts",
                "write_orders,read_customers,write_discounts")).isEmpty();
        assertThat(ShopifyInstall.missingScopes("read_orders,read_customers,write_discounts",
                "read_orders,read_discounts")).containsExactly("read_customers", "write_discounts");
        assertThat(ShopifyInstall.missingScopes("read_orders", null)).containsExactly("read_orders");
    }
}
