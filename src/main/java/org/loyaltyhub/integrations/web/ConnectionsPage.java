package org.loyaltyhub.integrations.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.integrations.internal.ConnectionCheck;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.ConnectionService.NewConnection;
import org.loyaltyhub.integrations.internal.DeliveryLog;
import org.loyaltyhub.integrations.internal.Platform;
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

    ConnectionsPage(ConnectionService connections, ConnectionCheck shops, DeliveryLog deliveries, Tenancy tenancy,
                    Validator validator) {
        this.connections = connections;
        this.shops = shops;
        this.deliveries = deliveries;
        this.tenancy = tenancy;
        this.validator = validator;
    }

    /** One connection as the page lists it, with its latest deliveries. */
    record Row(ConnectionService.View connection, String companyName, List<DeliveryLog.Item> deliveries) {
    }

    @GetMapping({"/company/connections", "/admin/connections"})
    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        List<Company> companies = tenancy.companies(caller);
        List<Row> rows = companies.stream().flatMap(company -> connections.list(caller, company.id()).stream()
                .map(v -> new Row(v, company.name(), deliveries.of(connections.owned(caller, v.id()), null,
                        PageQuery.of(0, 10)).items()))).toList();
        Map<Long, List<Store>> stores = new LinkedHashMap<>();
        companies.forEach(c -> stores.put(c.id(), tenancy.storesOf(caller.circuit(), c.id())));
        model.addAttribute("rows", rows).addAttribute("companies", companies).addAttribute("stores", stores)
                .addAttribute("platforms", List.of(Platform.WOOCOMMERCE, Platform.SHOPIFY, Platform.PRESTASHOP,
                        Platform.WORDPRESS));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of()).addAttribute("errors", Map.of());
        }
        return "connections";
    }

    @PostMapping("/company/connections")
    String create(Caller caller, @RequestParam Map<String, String> form, Model model) {
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
                model.addAttribute("created", created);
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
        ConnectionCheck.Result result = shops.check(connections.owned(caller, id));
        model.addAttribute("tested", id).addAttribute("testResult", result);
        return page(caller, model);
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
