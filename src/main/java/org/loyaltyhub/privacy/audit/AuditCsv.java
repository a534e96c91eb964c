package org.loyaltyhub.privacy.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The audit log as CSV, for the page's download and the API alike: one row per record, newest first. */
@Component
class AuditCsv {

    private static final List<String> HEADER = List.of("at", "action", "actor_kind", "actor", "actor_name",
            "company_id", "store_id", "operation", "entity", "entity_id", "fields", "status");

    private final AuditLog log;

    AuditCsv(AuditLog log) {
        this.log = log;
    }

    void write(Caller caller, AuditQuery query, HttpServletResponse response) throws IOException {
        AuditLog.requireReader(caller);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("audit.csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvCells.row(HEADER));
        log.each(caller, query, r -> {
            try {
                out.write(CsvCells.row(List.of(r.at().toString(), r.action().name(), r.actorKind().name(), r.actor(),
                        text(r.actorName()), text(r.companyId()), text(r.storeId()), r.operation(), r.entity(),
                        text(r.entityId()), String.join(" ", r.fields()), String.valueOf(r.status()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
