package org.loyaltyhub.privacy.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The back office's audit log: circuit administrators browse their circuit's records, company administrators their
 * company's, filtered by period, action, entity and actor, and download what they see as CSV. A filter that is not
 * understood comes back with its message next to the field.
 */
@Page
class AuditPage {

    private final AuditLog log;
    private final AuditCsv csv;

    AuditPage(AuditLog log, AuditCsv csv) {
        this.log = log;
        this.csv = csv;
    }

    @GetMapping("/admin/audit")
    String page(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
                @RequestParam(required = false) Integer page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("from", from);
        form.put("to", to);
        form.put("action", action);
        form.put("entity", entity);
        form.put("entityId", entityId);
        form.put("actor", actor);
        AuditQuery query;
        try {
            query = AuditQuery.parse(from, to, action, entity, entityId, actor);
        } catch (InvalidInput e) {
            model.addAttribute("errors", e.fieldErrors());
            query = AuditQuery.all();
        }
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/audit");
        UriComponentsBuilder download = UriComponentsBuilder.fromPath("/admin/audit.csv");
        form.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                link.queryParam(k, v);
                download.queryParam(k, v);
            }
        });
        model.addAttribute("records", log.search(caller, query, PageQuery.of(page, 50)))
                .addAttribute("form", form)
                .addAttribute("actions", AuditAction.values())
                .addAttribute("link", link.encode().build().toUriString())
                .addAttribute("download", download.encode().build().toUriString());
        return "privacy/audit";
    }

    @GetMapping("/admin/audit.csv")
    void download(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
                  @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
                  HttpServletResponse response) throws IOException {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        csv.write(caller, AuditQuery.parse(from, to, action, entity, entityId, actor), response);
    }
}
