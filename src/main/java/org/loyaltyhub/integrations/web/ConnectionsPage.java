package org.loyaltyhub.integrations.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.ConnectionCheck;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.ConnectionService.NewConnection;
import org.loyaltyhub.integrations.internal.DeliveryLog;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.ShopAuthorization;
import org.loyaltyhub.integrations.internal.ShopPlatforms;
import org.loyaltyhub.integrations.shopify.ShopifyInstall;
import org.loyaltyhub.integrations.woocommerce.WooKeyApproval;
import org.loyaltyhub.shared.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop connections of a company (all companies for a circuit administrator): connect a shop, test it, see its
 * latest deliveries and replay one. A refused form comes back with the message next to the field; a generated
 * secret is shown once, on the page that answers the creation.
 */
@Page
class ConnectionsPage {

    private final ConnectionService connections;
    private final ConnectionCheck shops;
    private final DeliveryLog deliveries;
    private final Tenancy tenancy;
    private final Validator validator;
    private final ShopAuthorization authorization;
    private final PublicUrl publicUrl;
    private final ShopPlatforms platforms;
    private final ShopifyInstall shopifyInstall;
    private final WooKeyApproval wooKeys;

    ConnectionsPage(ConnectionService connections, ConnectionCheck shops, DeliveryLog deliveries, Tenancy tenancy,
                    Validator validator, ShopAuthorization authorization, PublicUrl publicUrl, ShopPlatforms platforms,
                    ShopifyInstall shopifyInstall, WooKeyApproval wooKeys) {
        this.connections = connections;
        this.shops = shops;
        this.deliveries = deliveries;
        this.tenancy = tenancy;
        this.validator = validator;
        this.authorization = authorization;
        this.publicUrl = publicUrl;
        this.platforms = platforms;
        this.shopifyInstall = shopifyInstall;
        this.wooKeys = wooKeys;
    }

    /** One connection as the page lists it, with its latest deliveries. */
    record Row(ConnectionService.View connection, String companyName, List<DeliveryLog.Item> deliveries) {
    }

    @GetMapping({"/company/connections", "/admin/connections"})
    String page(Caller caller, Model model, @RequestParam(name = "shopify", required = false) String shopify) {
        if (shopify != null) { // from Shopify's admin, through /shopify/install: the shop is known, the store is not
            model.addAttribute("install", Map.of("shop", shopify)).addAttribute("installErrors", Map.of());
        }
        return page(caller, model);
    }

    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        List<Company> companies = tenancy.companies(caller);
        List<Row> rows = companies.stream().flatMap(company -> connections.list(caller, company.id()).stream()
                .map(v -> new Row(v, company.name(), deliveries.of(connections.owned(caller, v.id()), null,
                        PageQuery.of(0, 10)).items()))).toList();
        Map<Long, List<Store>> stores = new LinkedHashMap<>();
        companies.forEach(c -> stores.put(c.id(), tenancy.storesOf(caller.circuit(), c.id())));
        model.addAttribute("rows", rows).addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("shopifyApp", shopifyInstall.appConfigured())
                .addAttribute("publicBase", publicUrl.of(""))
                .addAttribute("platforms", List.of(Platform.values()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of()).addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("install")) {
            model.addAttribute("install", Map.of()).addAttribute("installErrors", Map.of());
        }
        return "connections";
    }

    @PostMapping("/company/connections")
    String create(Caller caller, @RequestParam Map<String, String> form, Model model, HttpServletRequest request) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Long storeId = number(form.get("storeId"));
        Long companyId = storeId == null ? caller.companyId()
                : tenancy.storeFor(caller, storeId).companyId();
        Platform platform = platform(form.get("platform"));
        if (platform == null) {
            errors.put("platform", "connections.error.platform");
        }
        if (companyId == null) {
            errors.put("storeId", "connections.error.store");
        }
        NewConnection c = new NewConnection(platform, text(form, "name"), text(form, "shopUrl"), text(form, "shopDomain"),
                storeId, text(form, "apiKey"), text(form, "apiSecret"), text(form, "webhookSecret"),
                "on".equals(form.get("enrolGuests")));
        for (ConstraintViolation<NewConnection> v : validator.validate(c)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), "connections.error." + v.getPropertyPath());
        }
        if (errors.isEmpty()) {
            try {
                ConnectionService.View created = connections.create(caller, companyId, c);
                if (platforms.of(platform).approvesKeysInShop() && c.apiKey() == null) {
                    // no pasted keys: the shop's administrator approves LoyaltyHub in WordPress instead
                    return wooAuthorization(caller, created.id(), request, model);
                }
                model.addAttribute("created", created);
                if (c.apiKey() != null && platforms.of(platform).registersWebhooks()) {
                    model.addAttribute("registration",
                            authorization.registerWebhooks(caller, created.id(), publicUrl.of(request, "")));
                }
                return page(caller, model);
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f, "connections.error.invalid"));
            } catch (LoyaltyException e) {
                errors.put("shopDomain", "connections.error.taken");
            }
        }
        form.remove("apiKey");
        form.remove("apiSecret");
        form.remove("webhookSecret");
        model.addAttribute("form", form).addAttribute("errors", errors);
        return page(caller, model);
    }

    @PostMapping("/company/connections/{id}/test")
    String test(Caller caller, @PathVariable long id, Model model) {
        CheckResult result = shops.check(connections.owned(caller, id));
        model.addAttribute("tested", id).addAttribute("testResult", result);
        return page(caller, model);
    }

    /**
     * Switches a connection off (its webhooks are refused with 410, no codes are made) or back on. Back on, its
     * webhooks are registered again: WooCommerce disables a webhook that keeps failing.
     */
    @PostMapping("/company/connections/{id}/active")
    String switchOnOff(Caller caller, @PathVariable long id, @RequestParam boolean active, HttpServletRequest request,
                       Model model) {
        Connection c = connections.owned(caller, id);
        connections.change(caller, c.companyId(), id, new ConnectionService.Change(null, null, null, null, null, null,
                active));
        model.addAttribute("switched", active ? "connections.switchedOn" : "connections.switchedOff");
        if (active && c.apiKey() != null && platforms.of(c.platform()).registersWebhooks()) {
            model.addAttribute("registration", authorization.registerWebhooks(caller, id, publicUrl.of(request, "")));
        }
        return page(caller, model);
    }

    @PostMapping("/company/connections/{id}/webhooks")
    String registerWebhooks(Caller caller, @PathVariable long id, HttpServletRequest request, Model model) {
        model.addAttribute("registration", authorization.registerWebhooks(caller, id, publicUrl.of(request, "")));
        return page(caller, model);
    }

    /** Sends the administrator to WooCommerce, which asks the shop's administrator to approve LoyaltyHub. */
    @PostMapping("/company/connections/{id}/woocommerce/authorize")
    String authorizeWooCommerce(Caller caller, @PathVariable long id, HttpServletRequest request, Model model) {
        return wooAuthorization(caller, id, request, model);
    }

    private String wooAuthorization(Caller caller, long id, HttpServletRequest request, Model model) {
        String target = wooKeys.begin(caller, id,
                publicUrl.of(request, "/company/connections/" + id + "/woocommerce/return"),
                publicUrl.of(request, "/api/v1/hooks/woocommerce/" + id + "/keys"));
        return onTo(target, connections.owned(caller, id).shopDomain(), model);
    }

    /**
     * The step to the shop: a page that follows its link by itself. A redirect would not do: the page's policy lets
     * forms post to this site only ({@code form-action 'self'}), and browsers apply it to a form's redirects.
     */
    private static String onTo(String target, String shop, Model model) {
        model.addAttribute("target", target).addAttribute("shop", shop);
        return "continue";
    }

    /**
     * WooCommerce sends the administrator back here ({@code success=1} when approved). The keys arrived before, at
     * the callback; with them the webhooks are registered.
     */
    @GetMapping("/company/connections/{id}/woocommerce/return")
    String wooCommerceReturn(Caller caller, @PathVariable long id, @RequestParam(required = false) String success,
                             HttpServletRequest request, Model model) {
        Connection c = connections.owned(caller, id);
        if (!"1".equals(success)) {
            model.addAttribute("authorizationProblem", "connections.auth.denied");
        } else if (c.apiKey() == null || c.apiSecret() == null) {
            model.addAttribute("authorizationProblem", "connections.auth.noKeys");
        } else {
            model.addAttribute("authorized", connections.get(caller, c.companyId(), id))
                    .addAttribute("registration", authorization.registerWebhooks(caller, id, publicUrl.of(request, "")));
        }
        return page(caller, model);
    }

    /** Starts the Shopify app's installation in the named shop, for a store of the company. */
    @PostMapping("/company/connections/shopify")
    String installShopify(Caller caller, @RequestParam Map<String, String> install, HttpServletRequest request,
                          Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Long storeId = number(install.get("storeId"));
        if (ShopifyInstall.domain(install.get("shop")).isEmpty()) {
            errors.put("shop", "connections.error.shopifyShop");
        }
        if (errors.isEmpty()) {
            try {
                String target = shopifyInstall.begin(caller, storeId, install.get("shop"),
                        publicUrl.of(request, "/company/connections/shopify/callback"));
                return onTo(target, ShopifyInstall.domain(install.get("shop")).orElseThrow(), model);
            } catch (InvalidInput e) {
                e.fieldErrors().keySet().forEach(f -> errors.put(f.equals("shopDomain") ? "shop" : "storeId",
                        f.equals("shopDomain") ? "connections.error.shopifyShop" : "connections.error.store"));
            } catch (org.loyaltyhub.shared.NotFound e) {
                errors.put("storeId", "connections.error.store");
            } catch (LoyaltyException e) {
                errors.put("shop", e.code().equals("shopify-app-not-configured")
                        ? "connections.auth.shopify-app-not-configured" : "connections.auth.other");
            }
        }
        model.addAttribute("install", install).addAttribute("installErrors", errors);
        return page(caller, model);
    }

    /** Shopify sends the administrator back here with the code; see {@link ShopAuthorization#completeShopify}. */
    @GetMapping("/company/connections/shopify/callback")
    String shopifyCallback(Caller caller, @RequestParam Map<String, String> query, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        try {
            ShopAuthorization.Connected done = shopifyInstall.complete(caller, query, publicUrl.of(request, ""));
            model.addAttribute("authorized", done.connection()).addAttribute("registration", done.webhooks());
        } catch (ShopAuthorization.Refused e) {
            response.setStatus(org.loyaltyhub.shared.web.Problems.status(e.failure()));
            model.addAttribute("authorizationProblem", "connections.auth." + e.code())
                    .addAttribute("authorizationDetail", e.getMessage());
        }
        return page(caller, model);
    }

    /**
     * The Shopify app's address: Shopify opens it, signed, when a merchant installs or opens the app from the
     * Shopify admin. The administrator picks the store on the connections page, where the shop is filled in.
     */
    @GetMapping("/shopify/install")
    String shopifyLaunch(Caller caller, @RequestParam Map<String, String> query) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        String domain = shopifyInstall.verifyLaunch(query);
        return "redirect:/company/connections?shopify=" + domain + "#shopify-install";
    }

    @PostMapping("/company/deliveries/{id}/replay")
    String replay(Caller caller, @PathVariable long id) {
        deliveries.replay(caller, id);
        return "redirect:/company/connections?replayed=" + id;
    }

    private static Platform platform(String value) {
        try {
            return value == null ? null : Platform.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(Map<String, String> form, String field) {
        String value = form.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Long number(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
