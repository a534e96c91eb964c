package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.Notice;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.marketing.internal.Notifier;
import org.loyaltyhub.marketing.reservations.Reservation;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The messages of a booking (confirmation with the calendar file, reminder, cancellation) are notifications like the
 * others ({@link NotificationKind#BOOKING_CONFIRMED} …): the circuit's templates in the member's language with the
 * booking's shortcodes (date and time in the circuit's zone, place, seats), in the customer's inbox, e-mailed in the
 * circuit's layout through the outbox, in the booking's transaction, once per reservation and kind.
 */
@Component
class ReservationMails {

    private final Tenancy tenancy;
    private final Notifier notifier;
    private final PublicUrl urls;
    private final Clock clock;

    ReservationMails(Tenancy tenancy, Notifier notifier, PublicUrl urls, Clock clock) {
        this.tenancy = tenancy;
        this.notifier = notifier;
        this.urls = urls;
        this.clock = clock;
    }

    void send(NotificationKind kind, Reservation r, Member member, ZoneId zone) {
        Circuit circuit = tenancy.circuit(r.circuitId());
        Store store = tenancy.store(r.circuitId(), r.storeId());
        Language language = member.languageOr(circuit.defaultCountry());
        var start = r.startsAt().atZone(zone);
        Map<Shortcode, String> values = Map.of(
                Shortcode.BOOKING_NAME, r.bookableName(),
                Shortcode.BOOKING_DATE, DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL)
                        .withLocale(language.locale()).format(start),
                Shortcode.BOOKING_TIME, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                        .withLocale(language.locale()).format(start),
                Shortcode.BOOKING_PLACE, place(store),
                Shortcode.BOOKING_SEATS, String.valueOf(r.seats()),
                Shortcode.STORE_NAME, store.name(),
                Shortcode.CUSTOMER_AREA_URL, urls.anywhere("/c/" + circuit.id() + "/my/bookings"));
        notifier.tell(new Notice(r.circuitId(), member.id(), kind, kind.name().toLowerCase(java.util.Locale.ROOT)
                        + ":" + r.id(), values),
                kind == NotificationKind.BOOKING_CONFIRMED ? calendar(r, store, circuit) : null);
    }

    private static String place(Store store) {
        return Stream.of(store.name(), store.address(), store.city()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(", "));
    }

    private Mailer.Attachment calendar(Reservation r, Store store, Circuit circuit) {
        CalendarEvent event = new CalendarEvent("reservation-" + r.id() + "@" + urls.anywhere("/").replaceAll(
                "^https?://|/.*$", ""), clock.instant(), r.startsAt(), r.endsAt(), r.bookableName() + " · "
                + store.name(), place(store), circuit.name());
        return new Mailer.Attachment("reservation-" + r.id() + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                event.bytes());
    }
}
