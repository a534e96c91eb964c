package org.loyaltyhub.privacy.audit;

import org.loyaltyhub.tenancy.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One line of the audit log: who (operator or API key, with their circuit, company and store), when, what
 * (a change or a read), on which entity and id, and the names of the fields sent (never their values).
 */
public record AuditRecord(long id, Long circuitId, Long companyId, Long storeId, Instant at, ActorKind actorKind,
                          String actor, String actorName, AuditAction action, String operation, String entity,
                          String entityId, List<String> fields, int status) {

    /** Field names that are ignored: the form's CSRF token says nothing about the change. */
    static final java.util.Set<String> NOT_FIELDS = java.util.Set.of("_csrf");

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(operation, "operation");
        if (entity == null || entity.isBlank()) {
            throw new IllegalArgumentException("an audit record names the entity it is about");
        }
        fields = fields == null ? List.of() : fields.stream().filter(f -> !NOT_FIELDS.contains(f)).distinct().sorted().toList();
    }

    /** A new record of what the caller did (its id is given by the log). */
    static AuditRecord of(Caller caller, Instant at, AuditAction action, String operation, String entity,
                          String entityId, List<String> fields, int status) {
        return new AuditRecord(0, caller.circuitId(), caller.companyId(), caller.storeId(), at, ActorKind.of(caller),
                caller.actor(), caller.name(), action, operation, entity, entityId, fields, status);
    }
}
