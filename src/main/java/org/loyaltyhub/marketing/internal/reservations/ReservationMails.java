package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.internal.Notifier;
import org.loyaltyhub.marketing.reservations.Reservation;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.web.PublicUrl;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The e-mails of a booking, in the circuit's language and e-mail layout, queued in the outbox in the booking's
 * transaction: the confirmation with the calendar file, and the reminder. A member without an e-mail gets none.
 */
@Component
class ReservationMails {

    enum Kind {
        CONFIRMED, REMINDER
    }

    private final Mailer mailer;
    private final Tenancy tenancy;
    private final Notifier notifier;
    private final PublicUrl urls;
    private final MessageSource messages;
    private final Clock clock;

    ReservationMails(Mailer mailer, Tenancy tenancy, Notifier notifier, PublicUrl urls,
                     MessageSource messages, Clock clock) {
        this.mailer = mailer;
        this.tenancy = tenancy;
        this.notifier = notifier;
        this.urls = urls;
        this.messages = messages;
        this.clock = clock;
    }

    void send(Kind kind, Reservation r, Member member, ZoneId zone) {
        if (member.email() == null || member.email().isBlank()) {
            return;
        }
        Circuit circuit = tenancy.circuit(r.circuitId());
        Store store = tenancy.store(r.circuitId(), r.storeId());
        Language language = member.languageOr(circuit.defaultCountry());
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(language.locale()).withZone(zone).format(r.startsAt());
        String key = "bookings.mail." + kind.name().toLowerCase(java.util.Locale.ROOT);
        String name = member.firstName() == null ? "" : member.firstName();
        String subject = messages.getMessage(key + ".subject", new Object[] {circuit.name(), r.bookableName()},
                language.locale());
        String text = messages.getMessage(key + ".body", new Object[] {name, r.bookableName(), store.name(), when,
                r.seats()}, language.locale()).replace("\\n", "\n");
        Mailer.RichMail mail = notifier.mail(circuit, member.email(), new MessageTemplate.Rendered(subject, text),
                language, urls.anywhere("/c/" + circuit.id() + "/my/bookings"), null);
        mailer.send(mail, kind == Kind.CONFIRMED ? calendar(r, store, circuit) : null);
    }

    private Mailer.Attachment calendar(Reservation r, Store store, Circuit circuit) {
        String location = java.util.stream.Stream.of(store.name(), store.address(), store.city())
                .filter(s -> s != null && !s.isBlank()).collect(java.util.stream.Collectors.joining(", "));
        CalendarEvent event = new CalendarEvent("reservation-" + r.id() + "@" + urls.anywhere("/").replaceAll(
                "^https?://|/.*$", ""), clock.instant(), r.startsAt(), r.endsAt(), r.bookableName() + " · "
                + store.name(), location, circuit.name());
        return new Mailer.Attachment("reservation-" + r.id() + ".ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                event.bytes());
    }
}
