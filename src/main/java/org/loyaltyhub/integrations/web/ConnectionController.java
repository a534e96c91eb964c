package org.loyaltyhub.integrations.web;

import jakarta.validation.Valid;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.ConnectionService.Change;
import org.loyaltyhub.integrations.internal.ConnectionService.NewConnection;
import org.loyaltyhub.integrations.internal.ConnectionService.View;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.ConnectionCheck;
import org.loyaltyhub.integrations.internal.WebhookReport;
import org.loyaltyhub.integrations.internal.DeliveryLog;
import org.loyaltyhub.integrations.internal.ShopAuthorization;
import org.loyaltyhub.shared.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A company's shop connections: create, read, change credentials or rotate the secret, test; and their deliveries. */
@RestController
class ConnectionController {

    private final ConnectionService connections;
    private final ConnectionCheck shops;
    private final DeliveryLog deliveries;
    private final ShopAuthorization authorization;
    private final PublicUrl publicUrl;

    ConnectionController(ConnectionService connections, ConnectionCheck shops, DeliveryLog deliveries,
                         ShopAuthorization authorization, PublicUrl publicUrl) {
        this.connections = connections;
        this.shops = shops;
        this.deliveries = deliveries;
        this.authorization = authorization;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/api/v1/companies/{companyId}/connections")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<View> create(Caller caller, @PathVariable long companyId, @Valid @RequestBody NewConnection c) {
        View view = connections.create(caller, companyId, c);
        return ResponseEntity.status(201).header("Location",
                "/api/v1/companies/" + companyId + "/connections/" + view.id()).body(view);
    }

    @GetMapping("/api/v1/companies/{companyId}/connections")
    List<View> list(Caller caller, @PathVariable long companyId) {
        return connections.list(caller, companyId);
    }

    @GetMapping("/api/v1/companies/{companyId}/connections/{id}")
    View get(Caller caller, @PathVariable long companyId, @PathVariable long id) {
        return connections.get(caller, companyId, id);
    }

    @PatchMapping("/api/v1/companies/{companyId}/connections/{id}")
    View change(Caller caller, @PathVariable long companyId, @PathVariable long id, @Valid @RequestBody Change c) {
        return connections.change(caller, companyId, id, c);
    }

    @PostMapping("/api/v1/companies/{companyId}/connections/{id}/test")
    CheckResult test(Caller caller, @PathVariable long companyId, @PathVariable long id) {
        return shops.check(connections.owned(caller, companyId, id));
    }

    /**
     * Registers LoyaltyHub's webhooks in the shop through its API (WooCommerce: {@code /wp-json/wc/v3/webhooks};
     * Shopify: {@code webhookSubscriptionCreate}); safe to repeat. The answer says, per topic, what was done.
     */
    @PostMapping("/api/v1/companies/{companyId}/connections/{id}/webhooks")
    WebhookReport registerWebhooks(Caller caller, @PathVariable long companyId, @PathVariable long id,
                                             HttpServletRequest request) {
        connections.owned(caller, companyId, id);
        return authorization.registerWebhooks(caller, id, publicUrl.of(request, ""));
    }

    @GetMapping("/api/v1/connections/{id}/deliveries")
    Page<DeliveryLog.Item> deliveries(Caller caller, @PathVariable long id, @RequestParam(required = false) String status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return deliveries.of(connections.owned(caller, id), status, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/deliveries/{id}/replay")
    DeliveryLog.Item replay(Caller caller, @PathVariable long id) {
        return deliveries.replay(caller, id);
    }
}
