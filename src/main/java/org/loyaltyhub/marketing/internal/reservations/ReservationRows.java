package org.loyaltyhub.marketing.internal.reservations;

import org.loyaltyhub.marketing.reservations.BookableInput;
import org.loyaltyhub.marketing.reservations.BookableKind;
import org.loyaltyhub.marketing.reservations.OpeningHours;
import org.loyaltyhub.marketing.reservations.ReservationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The reservations' tables: bookables with their hours and closed days, reservations, and the slots' places. */
@Component
class ReservationRows {

    /** A bookable as stored, before the store's name is added. */
    record BookableRow(long id, long circuitId, long companyId, long storeId, BookableKind kind, String name,
                       int durationMinutes, int capacity, boolean active, List<OpeningHours> hours,
                       Set<LocalDate> closures) {
    }

    /** A reservation as stored, before names are added. */
    record ReservationRow(long id, long circuitId, long bookableId, long storeId, long memberId, Instant startsAt,
                          Instant endsAt, int seats, ReservationStatus status) {
    }

    private record Head(long id, long circuitId, long companyId, long storeId, BookableKind kind, String name,
                        int durationMinutes, int capacity, boolean active) {
    }

    private static final String RESERVATION = "select id, circuit_id, bookable_id, store_id, member_id, starts_at, "
            + "ends_at, seats, status from reservation ";

    private final JdbcClient jdbc;

    ReservationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertBookable(long circuitId, long companyId, long storeId, BookableInput in, Instant at) {
        long id = jdbc.sql("""
                        insert into bookable (circuit_id, company_id, store_id, kind, name, duration_minutes, capacity,
                                              active, created_at)
                        values (:c, :co, :s, :kind, :name, :duration, :capacity, :active, :at) returning id""")
                .param("c", circuitId).param("co", companyId).param("s", storeId).param("kind", in.kind().name())
                .param("name", in.name()).param("duration", in.durationMinutes()).param("capacity", in.capacity())
                .param("active", in.active()).param("at", Timestamp.from(at)).query(Long.class).single();
        writeCalendar(id, in);
        return id;
    }

    void updateBookable(long id, BookableInput in) {
        jdbc.sql("""
                        update bookable set kind = :kind, name = :name, duration_minutes = :duration,
                                            capacity = :capacity, active = :active where id = :id""")
                .param("kind", in.kind().name()).param("name", in.name()).param("duration", in.durationMinutes())
                .param("capacity", in.capacity()).param("active", in.active()).param("id", id).update();
        jdbc.sql("delete from bookable_hours where bookable_id = :id").param("id", id).update();
        jdbc.sql("delete from bookable_closure where bookable_id = :id").param("id", id).update();
        writeCalendar(id, in);
    }

    private void writeCalendar(long id, BookableInput in) {
        for (OpeningHours h : in.hours()) {
            jdbc.sql("insert into bookable_hours (bookable_id, weekday, opens, closes) values (:id, :d, :o, :c)")
                    .param("id", id).param("d", h.day().getValue()).param("o", h.opens()).param("c", h.closes())
                    .update();
        }
        for (LocalDate day : in.closures()) {
            jdbc.sql("insert into bookable_closure (bookable_id, day) values (:id, :day)").param("id", id)
                    .param("day", day).update();
        }
    }

    Optional<BookableRow> bookable(long circuitId, long id) {
        return bookables("where circuit_id = :c and id = :id", Map.of("c", circuitId, "id", id)).stream().findFirst();
    }

    List<BookableRow> bookables(long circuitId, boolean activeOnly) {
        return bookables("where circuit_id = :c" + (activeOnly ? " and active" : ""), Map.of("c", circuitId));
    }

    private List<BookableRow> bookables(String where, Map<String, Object> params) {
        List<Head> rows = jdbc.sql("select id, circuit_id, company_id, store_id, kind, name, duration_minutes, "
                        + "capacity, active from bookable " + where + " order by store_id, name, id")
                .params(params)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getLong("circuit_id"), rs.getLong("company_id"),
                        rs.getLong("store_id"), BookableKind.valueOf(rs.getString("kind")), rs.getString("name"),
                        rs.getInt("duration_minutes"), rs.getInt("capacity"), rs.getBoolean("active")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(Head::id).toArray(Long[]::new);
        Map<Long, List<OpeningHours>> hours = new HashMap<>();
        jdbc.sql("select bookable_id, weekday, opens, closes from bookable_hours where bookable_id = any(:ids) "
                        + "order by weekday, opens").param("ids", ids)
                .query(rs -> {
                    hours.computeIfAbsent(rs.getLong("bookable_id"), k -> new java.util.ArrayList<>())
                            .add(new OpeningHours(DayOfWeek.of(rs.getInt("weekday")),
                                    rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime()));
                });
        Map<Long, Set<LocalDate>> closures = new HashMap<>();
        jdbc.sql("select bookable_id, day from bookable_closure where bookable_id = any(:ids) order by day")
                .param("ids", ids)
                .query(rs -> {
                    closures.computeIfAbsent(rs.getLong("bookable_id"), k -> new TreeSet<>())
                            .add(rs.getDate("day").toLocalDate());
                });
        return rows.stream().map(r -> new BookableRow(r.id(), r.circuitId(), r.companyId(), r.storeId(), r.kind(),
                r.name(), r.durationMinutes(), r.capacity(), r.active(), hours.getOrDefault(r.id(), List.of()),
                closures.getOrDefault(r.id(), Set.of()))).toList();
    }

    /** Inserts the reservation unless its request key was used: its id, or empty for a replay. */
    Optional<Long> insertReservation(long circuitId, BookableRow b, long memberId, Instant start, Instant end,
                                     int seats, String requestKey, Long landingPageId, Instant at,
                                     Instant reminderDue) {
        return jdbc.sql("""
                        insert into reservation (circuit_id, bookable_id, store_id, member_id, starts_at, ends_at, seats,
                                                 status, request_key, landing_page_id, created_at, reminder_due_at)
                        values (:c, :b, :s, :m, :start, :end, :seats, 'BOOKED', :key, :landing, :at, :due)
                        on conflict (circuit_id, request_key) do nothing returning id""")
                .param("c", circuitId).param("b", b.id()).param("s", b.storeId()).param("m", memberId)
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("seats", seats)
                .param("key", requestKey).param("landing", landingPageId).param("at", Timestamp.from(at))
                .param("due", reminderDue == null ? null : Timestamp.from(reminderDue))
                .query(Long.class).optional();
    }

    Optional<ReservationRow> byRequestKey(long circuitId, String requestKey) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and request_key = :key").param("c", circuitId)
                .param("key", requestKey).query(ReservationRows::reservation).optional();
    }

    /**
     * Takes places in a slot: one statement that creates the slot's row or adds to it only while the places stay
     * within the capacity, so concurrent bookings queue on the row and the last ones find it full. False when full.
     */
    boolean take(long bookableId, Instant start, int capacity, int seats) {
        return jdbc.sql("""
                        insert into reservation_slot (bookable_id, starts_at, capacity, taken)
                        values (:b, :start, :capacity, :seats)
                        on conflict (bookable_id, starts_at) do update
                            set taken = reservation_slot.taken + excluded.taken, capacity = excluded.capacity
                            where reservation_slot.taken + excluded.taken <= excluded.capacity""")
                .param("b", bookableId).param("start", Timestamp.from(start)).param("capacity", capacity)
                .param("seats", seats).update() == 1;
    }

    void giveBack(long bookableId, Instant start, int seats) {
        jdbc.sql("update reservation_slot set taken = taken - :seats where bookable_id = :b and starts_at = :start")
                .param("seats", seats).param("b", bookableId).param("start", Timestamp.from(start)).update();
    }

    /** Places taken per slot start in a time range. */
    Map<Instant, Integer> taken(long bookableId, Instant from, Instant to) {
        Map<Instant, Integer> taken = new HashMap<>();
        jdbc.sql("select starts_at, taken from reservation_slot where bookable_id = :b and starts_at >= :from "
                        + "and starts_at < :to").param("b", bookableId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(rs -> {
                    taken.put(rs.getTimestamp("starts_at").toInstant(), rs.getInt("taken"));
                });
        return taken;
    }

    /** The reservation, locked for a change of status. */
    /** A member's reservations still booked that start after the instant, locked until the transaction ends. */
    List<ReservationRow> lockBooked(long circuitId, long memberId, Instant after) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and member_id = :m and status = 'BOOKED' "
                        + "and starts_at > :after order by id for update").param("c", circuitId).param("m", memberId)
                .param("after", Timestamp.from(after)).query(ReservationRows::reservation).list();
    }

    Optional<ReservationRow> lock(long circuitId, long id) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and id = :id for update").param("c", circuitId)
                .param("id", id).query(ReservationRows::reservation).optional();
    }

    Optional<ReservationRow> reservation(long circuitId, long id) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and id = :id").param("c", circuitId).param("id", id)
                .query(ReservationRows::reservation).optional();
    }

    void close(long id, ReservationStatus status, Instant at, String by) {
        jdbc.sql("update reservation set status = :status, closed_at = :at, closed_by = :by where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by).param("id", id)
                .update();
    }

    List<ReservationRow> ofMember(long circuitId, long memberId, Instant from) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and member_id = :m and starts_at >= :from "
                        + "order by starts_at, id limit 100")
                .param("c", circuitId).param("m", memberId).param("from", Timestamp.from(from))
                .query(ReservationRows::reservation).list();
    }

    List<ReservationRow> atStore(long circuitId, long storeId, Instant from, Instant to) {
        return jdbc.sql(RESERVATION + "where circuit_id = :c and store_id = :s and starts_at >= :from "
                        + "and starts_at < :to order by starts_at, id")
                .param("c", circuitId).param("s", storeId).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to)).query(ReservationRows::reservation).list();
    }

    /** Booked reservations whose reminder is due, and that have not started. */
    List<Long> remindersDue(Instant now, int limit) {
        return jdbc.sql("select id from reservation where reminder_due_at <= :now and reminded_at is null "
                        + "and status = 'BOOKED' and starts_at > :now order by reminder_due_at limit :limit")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    /** Marks the reminder sent, once: the reservation when it was still due, else empty. */
    Optional<ReservationRow> claimReminder(long id, Instant now) {
        return jdbc.sql("update reservation set reminded_at = :now where id = :id and reminded_at is null "
                        + "and status = 'BOOKED' and starts_at > :now returning id, circuit_id, bookable_id, "
                        + "store_id, member_id, starts_at, ends_at, seats, status")
                .param("now", Timestamp.from(now)).param("id", id).query(ReservationRows::reservation).optional();
    }

    private static ReservationRow reservation(ResultSet rs, int n) throws SQLException {
        return new ReservationRow(rs.getLong("id"), rs.getLong("circuit_id"), rs.getLong("bookable_id"),
                rs.getLong("store_id"), rs.getLong("member_id"), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), rs.getInt("seats"),
                ReservationStatus.valueOf(rs.getString("status")));
    }
}
