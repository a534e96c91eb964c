package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.CampaignEventService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Campaign events in the back office (issue 12 §2): the event types (built in, and the circuit's own with their JSON
 * schema), a form to declare one, and the latest events received with what each did.
 */
@Page
class CampaignEventsPage {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CampaignEventService events;

    CampaignEventsPage(CampaignEventService events) {
        this.events = events;
    }

    @GetMapping("/admin/events")
    String show(Caller caller, Model model) {
        return show(caller, model, Map.of("schema", "{\"properties\": {}}"), Map.of());
    }

    @PostMapping("/admin/events/types")
    String declare(Caller caller, @RequestParam Map<String, String> form, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = form.getOrDefault("name", "").strip();
        Map<String, Object> schema = null;
        try {
            schema = JSON.readValue(form.getOrDefault("schema", ""), new TypeReference<Map<String, Object>>() { });
        } catch (JacksonException e) {
            errors.put("schema", "events.error.json");
        }
        if (name.isEmpty()) {
            errors.put("name", "events.error.name");
        }
        if (errors.isEmpty()) {
            try {
                events.declare(caller, new CampaignEventService.TypeInput(name, schema));
                return "redirect:/admin/events?declared";
            } catch (InvalidInput e) {
                e.fieldErrors().forEach((field, message) -> errors.put(field.startsWith("schema") ? "schema" : "name",
                        field.startsWith("schema") ? "events.error.schema" : "events.error.name"));
                model.addAttribute("detail", String.join("; ", e.fieldErrors().entrySet().stream()
                        .map(x -> x.getKey() + ": " + x.getValue()).toList()));
            }
        }
        return show(caller, model, form, errors);
    }

    private String show(Caller caller, Model model, Map<String, String> form, Map<String, String> errors) {
        caller.require(Role.CIRCUIT_ADMIN);
        model.addAttribute("types", events.types(caller)).addAttribute("latest", events.latest(caller, null))
                .addAttribute("form", form).addAttribute("errors", errors);
        return "events";
    }
}
