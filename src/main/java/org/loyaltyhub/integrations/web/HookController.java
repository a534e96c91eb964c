package org.loyaltyhub.integrations.web;

import org.loyaltyhub.shared.Failure;
import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.Webhooks;
import org.loyaltyhub.integrations.woocommerce.WooKeyApproval;
import org.loyaltyhub.shared.LoyaltyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shops' webhook endpoints. They carry no API credentials: each delivery authenticates by its signature,
 * verified on the raw body before anything parses it. The answer is given as soon as the delivery is stored.
 */
@RestController
class HookController {

    private final Webhooks webhooks;
    private final WooKeyApproval wooKeys;

    HookController(Webhooks webhooks, WooKeyApproval wooKeys) {
        this.webhooks = webhooks;
        this.wooKeys = wooKeys;
    }

    /**
     * WooCommerce's key exchange ({@code wc-auth}) posts the consumer key and secret here once the shop's
     * administrator approved LoyaltyHub; WooCommerce needs a 200 to finish.
     */
    @PostMapping("/api/v1/hooks/woocommerce/{connectionId}/keys")
    ResponseEntity<Map<String, Object>> wooKeys(@PathVariable long connectionId, HttpServletRequest request)
            throws IOException {
        wooKeys.receiveKeys(connectionId, body(request));
        return ResponseEntity.ok(Map.of("received", true));
    }

    @PostMapping("/api/v1/hooks/{platform}/{connectionId}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String platform, @PathVariable long connectionId,
                                                HttpServletRequest request) throws IOException {
        return answer(webhooks.receive(Platform.ofSlug(platform), connectionId, request::getHeader, body(request)));
    }

    /** Shopify's app-wide address: the shop is named by the X-Shopify-Shop-Domain header. */
    @PostMapping("/api/v1/hooks/shopify")
    ResponseEntity<Map<String, Object>> receiveShopify(HttpServletRequest request) throws IOException {
        return answer(webhooks.receive(Platform.SHOPIFY, null, request::getHeader, body(request)));
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        try {
            byte[] raw = request.getInputStream().readAllBytes();
            if (raw.length == 0 && request.getParameter("webhook_id") != null) {
                // a form body someone already parsed (WooCommerce's ping)
                return ("webhook_id=" + request.getParameter("webhook_id")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return raw;
        } catch (IOException e) {
            if (e.getClass().getSimpleName().equals("BodyTooLarge")) { // shared.web's cap on bodies without a length
                throw new LoyaltyException("body-too-large", Failure.TOO_LARGE, e.getMessage());
            }
            throw e;
        }
    }

    private static ResponseEntity<Map<String, Object>> answer(Webhooks.Receipt r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("received", true);
        if (r.deliveryId() != null) {
            body.put("deliveryId", r.deliveryId());
        }
        if (r.note() != null) {
            body.put("note", r.note());
        }
        return ResponseEntity.ok(body);
    }
}
