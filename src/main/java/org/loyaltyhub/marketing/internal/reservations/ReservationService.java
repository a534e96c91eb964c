package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.marketing.ReservationAttended;
import org.loyaltyhub.marketing.internal.reservations.ReservationRows.BookableRow;
import org.loyaltyhub.marketing.internal.reservations.ReservationRows.ReservationRow;
import org.loyaltyhub.marketing.reservations.Bookable;
import org.loyaltyhub.marketing.reservations.BookableInput;
import org.loyaltyhub.marketing.reservations.Booking;
import org.loyaltyhub.marketing.reservations.BookingRefused;
import org.loyaltyhub.marketing.reservations.Reservation;
import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.loyaltyhub.marketing.reservations.Reservations;
import org.loyaltyhub.marketing.reservations.Slot;
import org.loyaltyhub.marketing.reservations.SlotRule;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.marketing.NotificationKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads, checks and saves reservations: the calendar's rules in {@link SlotRule}, the places of a slot counted by
 * the database in the booking's transaction, access by the caller's tenant and role.
 */
@Service
@Transactional
class ReservationService implements Reservations {

    /** A reminder goes this long before the start, for bookings made earlier than that. */
    static final Duration REMINDER_BEFORE = Duration.ofHours(24);

    private final ReservationRows rows;
    private final Tenancy tenancy;
    private final Members members;
    private final ReservationMails mails;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final Programs programs;

    ReservationService(ReservationRows rows, Tenancy tenancy, Members members, ReservationMails mails,
                       ApplicationEventPublisher events, java.time.Clock clock, Programs programs) {
        this.programs = programs;
        this.rows = rows;
        this.tenancy = tenancy;
        this.members = members;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The circuit's time zone ({@code program_settings.time_zone}), whatever the server's. */
    @Override
    @Transactional(readOnly = true)
    public ZoneId zone(long circuitId) {
        return ZoneId.of(programs.settings(circuitId).timeZone());
    }

    @Override
    public Bookable define(Caller caller, long storeId, BookableInput input) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Store store = tenancy.storeFor(caller, storeId);
        long id = rows.insertBookable(store.circuitId(), store.companyId(), store.id(), input, clock.instant());
        return bookable(caller, id);
    }

    @Override
    public Bookable change(Caller caller, long bookableId, BookableInput input) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        bookable(caller, bookableId);
        rows.updateBookable(bookableId, input);
        return bookable(caller, bookableId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Bookable> bookables(Caller caller) {
        return rows.bookables(caller.circuit(), false).stream().filter(b -> covers(caller, b))
                .map(this::bookable).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Bookable bookable(Caller caller, long bookableId) {
        BookableRow row = rows.bookable(caller.circuit(), bookableId).filter(b -> covers(caller, b))
                .orElseThrow(() -> new NotFound("Bookable", bookableId));
        return bookable(row);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Bookable> offered(long circuitId) {
        return rows.bookables(circuitId, true).stream().map(this::bookable).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Bookable offered(long circuitId, long bookableId) {
        return rows.bookable(circuitId, bookableId).filter(BookableRow::active).map(this::bookable)
                .orElseThrow(() -> new NotFound("Bookable", bookableId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Slot> slots(long circuitId, long bookableId, LocalDate day) {
        Bookable b = offered(circuitId, bookableId);
        ZoneId zone = zone(circuitId);
        SlotRule rule = new SlotRule(b, zone);
        Instant from = day.atStartOfDay(zone).toInstant();
        Map<Instant, Integer> taken = rows.taken(bookableId, from, day.plusDays(1).atStartOfDay(zone).toInstant());
        return rule.starts(day).stream()
                .map(s -> new Slot(s, rule.end(s), Math.max(0, b.capacity() - taken.getOrDefault(s, 0)))).toList();
    }

    @Override
    public Reservation book(long circuitId, long memberId, Booking booking) {
        Member member = members.own(circuitId, memberId);
        return book(rows.bookable(circuitId, booking.bookableId())
                .orElseThrow(() -> new NotFound("Bookable", booking.bookableId())), member, booking);
    }

    @Override
    public Reservation book(Caller caller, long memberId, Booking booking) {
        Member member = members.visible(caller, memberId);
        BookableRow b = rows.bookable(caller.circuit(), booking.bookableId()).filter(row -> covers(caller, row))
                .orElseThrow(() -> new NotFound("Bookable", booking.bookableId()));
        return book(b, member, booking);
    }

    private Reservation book(BookableRow row, Member member, Booking booking) {
        var replay = rows.byRequestKey(row.circuitId(), booking.requestKey());
        if (replay.isPresent()) {
            return reservation(replay.get());
        }
        Bookable b = bookable(row);
        SlotRule rule = new SlotRule(b, zone(row.circuitId()));
        Instant now = clock.instant();
        rule.refusal(booking.startsAt(), booking.seats(), now).ifPresent(reason -> {
            throw new BookingRefused(reason);
        });
        Instant due = booking.startsAt().minus(REMINDER_BEFORE);
        var id = rows.insertReservation(row.circuitId(), row, member.id(), booking.startsAt(),
                rule.end(booking.startsAt()), booking.seats(), booking.requestKey(), booking.landingPageId(), now,
                due.isAfter(now) ? due : null);
        if (id.isEmpty()) { // the same request committed meanwhile
            return reservation(rows.byRequestKey(row.circuitId(), booking.requestKey()).orElseThrow());
        }
        if (!rows.take(row.id(), booking.startsAt(), row.capacity(), booking.seats())) {
            throw new BookingRefused(BookingRefused.Reason.OVER_CAPACITY);
        }
        Reservation r = reservation(rows.reservation(row.circuitId(), id.get()).orElseThrow());
        mails.send(NotificationKind.BOOKING_CONFIRMED, r, member, zone(row.circuitId()));
        return r;
    }

    @Override
    @Transactional(readOnly = true)
    public Reservation reservation(Caller caller, long reservationId) {
        return reservation(visible(caller, reservationId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Reservation> upcoming(long circuitId, long memberId) {
        Names names = new Names(circuitId);
        return rows.ofMember(circuitId, memberId, clock.instant().minus(Duration.ofDays(1))).stream()
                .map(names::of).toList();
    }

    @Override
    public Reservation cancel(long circuitId, long memberId, long reservationId) {
        ReservationRow r = rows.lock(circuitId, reservationId).filter(row -> row.memberId() == memberId)
                .orElseThrow(() -> new NotFound("Reservation", reservationId));
        if (!r.startsAt().isAfter(clock.instant()) && r.status() == ReservationStatus.BOOKED) {
            throw new BookingRefused(BookingRefused.Reason.IN_THE_PAST);
        }
        return close(r, ReservationStatus.CANCELLED, "member:" + memberId);
    }

    @Override
    public Reservation cancel(Caller caller, long reservationId) {
        visible(caller, reservationId);
        return close(rows.lock(caller.circuit(), reservationId).orElseThrow(), ReservationStatus.CANCELLED,
                caller.actor());
    }

    @Override
    public Reservation mark(Caller caller, long reservationId, ReservationStatus attendance) {
        if (attendance == null || !attendance.isAttendance()) {
            throw new org.loyaltyhub.shared.InvalidInput("attendance", "mark ARRIVED or NO_SHOW");
        }
        visible(caller, reservationId);
        ReservationRow r = rows.lock(caller.circuit(), reservationId).orElseThrow();
        if (attendance == ReservationStatus.NO_SHOW && r.status() == ReservationStatus.BOOKED
                && clock.instant().isBefore(r.startsAt())) {
            throw new BookingRefused(BookingRefused.Reason.TOO_EARLY);
        }
        Reservation marked = close(r, attendance, caller.actor());
        if (attendance == ReservationStatus.ARRIVED) {
            events.publishEvent(new ReservationAttended(r.circuitId(), r.memberId(), r.id(), r.storeId(),
                    clock.instant()));
        }
        return marked;
    }

    private Reservation close(ReservationRow r, ReservationStatus next, String by) {
        ReservationStatus status = r.status().then(next);
        rows.close(r.id(), status, clock.instant(), by);
        Reservation closed = reservation(rows.reservation(r.circuitId(), r.id()).orElseThrow());
        if (status == ReservationStatus.CANCELLED) {
            rows.giveBack(r.bookableId(), r.startsAt(), r.seats());
            mails.send(NotificationKind.BOOKING_CANCELLED, closed, members.own(r.circuitId(), r.memberId()),
                    zone(r.circuitId()));
        }
        return closed;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Reservation> day(Caller caller, long storeId, LocalDate day) {
        Store store = tenancy.storeFor(caller, storeId);
        Names names = new Names(store.circuitId());
        ZoneId zone = zone(store.circuitId());
        return rows.atStore(store.circuitId(), store.id(), day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant()).stream().map(names::of).toList();
    }

    /** Sends the reminder of one reservation if it is still due (a job item). */
    boolean remind(long reservationId) {
        return rows.claimReminder(reservationId, clock.instant()).map(row -> {
            Reservation r = reservation(row);
            mails.send(NotificationKind.BOOKING_REMINDER, r, members.own(r.circuitId(), r.memberId()),
                    zone(r.circuitId()));
            return true;
        }).orElse(false);
    }

    private ReservationRow visible(Caller caller, long reservationId) {
        return rows.reservation(caller.circuit(), reservationId)
                .filter(r -> caller.coversStore(tenancy.store(r.circuitId(), r.storeId())))
                .orElseThrow(() -> new NotFound("Reservation", reservationId));
    }

    private boolean covers(Caller caller, BookableRow b) {
        return caller.coversStore(tenancy.store(b.circuitId(), b.storeId()));
    }

    private Bookable bookable(BookableRow b) {
        return new Bookable(b.id(), b.circuitId(), b.companyId(), b.storeId(),
                tenancy.store(b.circuitId(), b.storeId()).name(), b.kind(), b.name(), b.durationMinutes(),
                b.capacity(), b.active(), b.hours(), b.closures());
    }

    private Reservation reservation(ReservationRow r) {
        return new Names(r.circuitId()).of(r);
    }

    /** Names of stores, bookables and members, each looked up once per answer. */
    private final class Names {

        private final long circuitId;
        private final Map<Long, String> stores = new HashMap<>();
        private final Map<Long, String> bookables = new HashMap<>();
        private final Map<Long, String> members = new HashMap<>();

        Names(long circuitId) {
            this.circuitId = circuitId;
        }

        Reservation of(ReservationRow r) {
            String store = stores.computeIfAbsent(r.storeId(), id -> tenancy.store(circuitId, id).name());
            String bookable = bookables.computeIfAbsent(r.bookableId(),
                    id -> rows.bookable(circuitId, id).map(BookableRow::name).orElse(""));
            String member = members.computeIfAbsent(r.memberId(),
                    id -> ReservationService.this.members.own(circuitId, id).displayName());
            return new Reservation(r.id(), r.circuitId(), r.bookableId(), bookable, r.storeId(), store,
                    r.memberId(), member, r.startsAt(), r.endsAt(), r.seats(), r.status());
        }
    }
}
