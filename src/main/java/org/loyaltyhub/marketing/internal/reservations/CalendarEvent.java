package org.loyaltyhub.marketing.internal.reservations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A booking as an iCalendar file (RFC 5545) that mail and calendar apps add with one tap: one event, times in UTC,
 * text values escaped, lines folded at 75 octets and ended by CRLF.
 */
public record CalendarEvent(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
                            String description) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public String ics() {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//LoyaltyHub//Reservations//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid);
        line(out, "DTSTAMP:" + UTC.format(stamp));
        line(out, "DTSTART:" + UTC.format(start));
        line(out, "DTEND:" + UTC.format(end));
        line(out, "SUMMARY:" + text(summary));
        if (location != null && !location.isBlank()) {
            line(out, "LOCATION:" + text(location));
        }
        if (description != null && !description.isBlank()) {
            line(out, "DESCRIPTION:" + text(description));
        }
        line(out, "STATUS:CONFIRMED");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    public byte[] bytes() {
        return ics().getBytes(StandardCharsets.UTF_8);
    }

    /** TEXT escaping of RFC 5545 §3.3.11. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 sequence), ended by CRLF. */
    private static void line(StringBuilder out, String line) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
