package org.loyaltyhub.marketing.internal.reservations;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarEventTest {

    private static final Instant START = Instant.parse("2030-01-07T09:00:00Z");

    @Test
    void anEventHasUtcTimesEscapedTextAndCrlfLines() {
        String ics = new CalendarEvent("reservation-7@loyalty.test", Instant.parse("2030-01-01T10:00:00Z"), START,
                START.plusSeconds(3600), "Tavolo, veranda; 2", "Via Roma 1\nMilano", "Bar \\ Sport").ics();
        assertThat(ics).isEqualTo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//LoyaltyHub//Reservations//EN\r\n"
                + "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\nUID:reservation-7@loyalty.test\r\n"
                + "DTSTAMP:20300101T100000Z\r\nDTSTART:20300107T090000Z\r\nDTEND:20300107T100000Z\r\n"
                + "SUMMARY:Tavolo\\, veranda\\; 2\r\nLOCATION:Via Roma 1\\nMilano\r\nDESCRIPTION:Bar \\\\ Sport\r\n"
                + "STATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String ics = new CalendarEvent("u", START, START, START.plusSeconds(60), "è".repeat(100), null, null).ics();
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + "è".repeat(100) + "\r\n");
    }
}
