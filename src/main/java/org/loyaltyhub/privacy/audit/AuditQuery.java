package org.loyaltyhub.privacy.audit;

import org.loyaltyhub.shared.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A filter of the audit log: a period of days (UTC, both included), an action, an entity and its id, an actor. Every
 * part is optional; a period whose end comes before its start is refused.
 */
public record AuditQuery(LocalDate from, LocalDate to, AuditAction action, String entity, String entityId, String actor) {

    public AuditQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from");
        }
        entity = blankToNull(entity);
        entityId = blankToNull(entityId);
        actor = blankToNull(actor);
        for (String[] text : new String[][] {{"entity", entity}, {"entityId", entityId}, {"actor", actor}}) {
            if (text[1] != null && text[1].length() > 200) {
                throw new InvalidInput(text[0], "must be at most 200 characters");
            }
        }
    }

    /** From the text of a form or query string, refusing what is not a date or an action with a named field. */
    public static AuditQuery parse(String from, String to, String action, String entity, String entityId, String actor) {
        return new AuditQuery(date("from", from), date("to", to), action(action), entity, entityId, actor);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    Instant start() {
        return from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant end() {
        return to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static AuditAction action(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("action", "must be CHANGE or READ");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
