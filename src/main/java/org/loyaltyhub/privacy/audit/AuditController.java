package org.loyaltyhub.privacy.audit;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The audit log by API: who changed what and who read whose personal data. Circuit administrators read their
 * circuit's records, company administrators their company's; nobody can change or remove one.
 */
@RestController
class AuditController {

    private final AuditLog log;
    private final AuditCsv csv;

    AuditController(AuditLog log, AuditCsv csv) {
        this.log = log;
        this.csv = csv;
    }

    @Operation(summary = "Audit records, newest first: changes (CHANGE) made through the back office and the API, and "
            + "reads of members' personal data (READ). Filters: from/to (ISO days, UTC, both included), action, entity "
            + "(members, purchases, ...), entityId, actor (operator:12, api-key:3, a whole kind: operator or api-key, or part of a name)")
    @GetMapping("/api/v1/audit")
    Page<AuditRecord> search(Caller caller, @RequestParam(required = false) String from,
                             @RequestParam(required = false) String to, @RequestParam(required = false) String action,
                             @RequestParam(required = false) String entity,
                             @RequestParam(required = false) String entityId,
                             @RequestParam(required = false) String actor,
                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return log.search(caller, AuditQuery.parse(from, to, action, entity, entityId, actor), PageQuery.of(page, size));
    }

    @Operation(summary = "The same audit records as CSV (text/csv), with the same filters, every page at once")
    @GetMapping("/api/v1/audit/csv")
    void download(Caller caller, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String action, @RequestParam(required = false) String entity,
                  @RequestParam(required = false) String entityId, @RequestParam(required = false) String actor,
                  HttpServletResponse response) throws IOException {
        csv.write(caller, AuditQuery.parse(from, to, action, entity, entityId, actor), response);
    }
}
