package org.loyaltyhub.privacy.rights;

import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.LotRule;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.privacy.DataRequest;
import org.loyaltyhub.privacy.Erasure;
import org.loyaltyhub.privacy.ErasureSource;
import org.loyaltyhub.privacy.MemberErased;
import org.loyaltyhub.privacy.MemberExport;
import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.privacy.MemberVisibility;
import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Export and erasure of a member. Erasing forfeits what the member still holds (an expiry entry with reason
 * "erasure", so it counts as breakage and clearing still sees whose lots they were), then runs
 * {@link PersonalData#ERASE} and records who, when and why, in one transaction.
 */
@Service
@Transactional
class RightsService implements MemberRights {

    static final String FORFEIT_REASON = "erasure";
    /** Shopify gives 30 days to answer a data request. */
    static final Duration DATA_REQUEST_DUE = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(RightsService.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final MemberVisibility visibility;
    private final ApplicationEventPublisher events;
    private final Mailer mailer;
    private final Clock clock;
    private final org.loyaltyhub.tenancy.Tenancy tenancy;
    private final org.springframework.context.MessageSource messages;

    RightsService(JdbcClient jdbc, Ledger ledger, MemberVisibility visibility, ApplicationEventPublisher events,
                  Mailer mailer, Clock clock, org.loyaltyhub.tenancy.Tenancy tenancy,
                  org.springframework.context.MessageSource messages) {
        this.tenancy = tenancy;
        this.messages = messages;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.visibility = visibility;
        this.events = events;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public MemberExport export(Caller caller, long memberId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        if (caller.storeId() != null) {
            throw new Forbidden("A store's key is for the till: export a member's data with the company's key");
        }
        visibility.requireVisible(caller, memberId);
        return exportOwn(caller.circuit(), memberId);
    }

    @Override
    @Transactional(readOnly = true)
    public MemberExport exportOwn(long circuitId, long memberId) {
        String email = contact(circuitId, memberId, false).email();
        Map<String, Object> params = Map.of("c", circuitId, "m", memberId);
        List<ExportFiles.Table> tables = new ArrayList<>();
        for (PersonalData.Collection collection : PersonalData.EXPORT) {
            tables.add(jdbc.sql(collection.sql()).params(params).param("email", email)
                    .query((org.springframework.jdbc.core.ResultSetExtractor<ExportFiles.Table>) rs -> table(collection, rs)));
        }
        Instant now = clock.instant();
        return new MemberExport("member-" + memberId + "-" + now.getEpochSecond() + ".zip",
                ExportFiles.zip(circuitId, memberId, now, tables));
    }

    @Override
    public Erasure erase(Caller caller, long memberId, String reason) {
        caller.require(Role.CIRCUIT_ADMIN);
        visibility.requireVisible(caller, memberId);
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidInput("reason", "Say why the member is erased (1 to 500 characters)");
        }
        return erase(caller.circuit(), memberId, ErasureSource.ADMINISTRATOR, caller.actor(), reason.strip());
    }

    @Override
    public Erasure eraseOwn(long circuitId, long memberId) {
        return erase(circuitId, memberId, ErasureSource.CUSTOMER, "customer", "asked by the customer");
    }

    @Override
    public Erasure eraseForShop(long circuitId, long memberId, String shop) {
        return erase(circuitId, memberId, ErasureSource.SHOP, shop, "asked by the shop (customers/redact)");
    }

    @Override
    public Erasure eraseInactive(long circuitId, long memberId, int years) {
        return erase(circuitId, memberId, ErasureSource.RETENTION, "retention", "inactive for " + years + " years");
    }

    /** Erases a member once: a second request returns the first record and changes nothing. */
    Erasure erase(long circuitId, long memberId, ErasureSource source, String actor, String reason) {
        Contact contact = contact(circuitId, memberId, true);
        Optional<Erasure> done = erasure(circuitId, memberId);
        if (done.isPresent()) {
            return done.get();
        }
        long forfeited = forfeit(circuitId, memberId, actor);
        List<String> shopRefs = jdbc.sql("select shop_customer_id from member_shop_link where circuit_id = :c "
                + "and member_id = :m").param("c", circuitId).param("m", memberId).query(String.class).list();
        Set<String> needles = new LinkedHashSet<>(contact.cards());
        Set<String> refs = new LinkedHashSet<>(shopRefs);
        if (contact.email() != null) {
            needles.add(contact.email());
            needles.add(contact.email().toLowerCase(java.util.Locale.ROOT));
            refs.add(contact.email());
        }
        if (contact.phone() != null) {
            needles.add(contact.phone());
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as stored
        for (String statement : PersonalData.ERASE) {
            jdbc.sql(statement).param("c", circuitId).param("m", memberId).param("email", contact.email())
                    .param("phone", contact.phone()).param("needles", String.join("\n", needles))
                    .param("shopRefs", String.join("\n", refs)).param("refPattern", PersonalData.naming(refs))
                    .param("session", MemberRights.sessionIndex(circuitId, memberId))
                    .param("now", Timestamp.from(now)).param("actor", actor).update();
        }
        Erasure erasure = new Erasure(circuitId, memberId, source, actor, reason, forfeited, now);
        jdbc.sql("insert into member_erasure (member_id, circuit_id, source, actor, reason, forfeited, erased_at) "
                        + "values (:m, :c, :source, :actor, :reason, :forfeited, :at)")
                .param("m", memberId).param("c", circuitId).param("source", source.name()).param("actor", actor)
                .param("reason", reason).param("forfeited", forfeited).param("at", Timestamp.from(now)).update();
        events.publishEvent(new MemberErased(circuitId, memberId, source));
        log.info("Member {} of circuit {} erased ({}, by {}); {} points forfeited", memberId, circuitId, source,
                actor, forfeited);
        return erasure;
    }

    /**
     * Releases reservations, then moves what is left of every lot the member holds, and what is still pending, to its
     * purpose's expired.
     */
    private long forfeit(long circuitId, long memberId, String actor) {
        for (Long hold : jdbc.sql("select id from hold where circuit_id = :c and member_id = :m and status = 'HELD'")
                .param("c", circuitId).param("m", memberId).query(Long.class).list()) {
            ledger.release(circuitId, hold, FORFEIT_REASON, actor);
        }
        long points = 0;
        for (Purpose purpose : Purpose.values()) {
            if (!purpose.heldByMember()) {
                continue;
            }
            AccountRef available = AccountRef.member(purpose.available(), memberId);
            for (Ledger.OpenLot lot : ledger.openLots(circuitId, available)) {
                ledger.post(EntryDraft.transfer(circuitId, "erasure:" + memberId + ":lot:" + lot.lotId(),
                                purpose == Purpose.POINTS ? "EXPIRY" : purpose.name() + "_EXPIRY", FORFEIT_REASON)
                        .move(available, AccountRef.circuit(purpose.expired()), lot.remaining(),
                                new LotRule.ConsumeLot(lot.lotId()), null)
                        .member(memberId).company(lot.issuerCompanyId()).actor(actor).build());
                points += purpose == Purpose.POINTS ? lot.remaining() : 0;
            }
            AccountRef pending = AccountRef.member(purpose.pending(), memberId);
            long waiting = ledger.balance(circuitId, pending);
            if (waiting > 0) { // not yet awarded: forfeited too; the purchases' awards are closed (MemberErased)
                ledger.post(EntryDraft.transfer(circuitId, "erasure:" + memberId + ":pending:" + purpose.name(),
                                purpose == Purpose.POINTS ? "EXPIRY" : purpose.name() + "_EXPIRY", FORFEIT_REASON)
                        .move(pending, AccountRef.circuit(purpose.expired()), waiting, null, null)
                        .member(memberId).actor(actor).build());
                points += purpose == Purpose.POINTS ? waiting : 0;
            }
        }
        return points;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Erasure> erasure(long circuitId, long memberId) {
        return jdbc.sql("select * from member_erasure where circuit_id = :c and member_id = :m")
                .param("c", circuitId).param("m", memberId).query(RightsService::erasure).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Erasure> erasures(Caller caller, int limit) {
        caller.require(Role.CIRCUIT_ADMIN);
        return jdbc.sql("select * from member_erasure where circuit_id = :c order by erased_at desc, member_id desc "
                        + "limit :limit").param("c", caller.circuit()).param("limit", Math.clamp(limit, 1, 500))
                .query(RightsService::erasure).list();
    }

    @Override
    public DataRequest requestFromShop(long circuitId, long companyId, long memberId, String shop, String requestKey) {
        Instant now = clock.instant();
        int made = jdbc.sql("insert into data_request (circuit_id, company_id, member_id, requested_by, request_key, "
                        + "requested_at, due_at) values (:c, :co, :m, :by, :key, :at, :due) on conflict do nothing")
                .param("c", circuitId).param("co", companyId).param("m", memberId).param("by", shop)
                .param("key", requestKey).param("at", Timestamp.from(now))
                .param("due", Timestamp.from(now.plus(DATA_REQUEST_DUE))).update();
        DataRequest request = jdbc.sql("select * from data_request where circuit_id = :c and request_key = :key")
                .param("c", circuitId).param("key", requestKey).query(RightsService::request).single();
        if (made > 0) {
            java.util.Locale locale = tenancy.circuit(circuitId).staffLocale();
            String due = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                    .withLocale(locale).withZone(java.time.ZoneOffset.UTC).format(request.dueAt());
            Object[] args = {shop, memberId, due};
            for (String to : jdbc.sql("select email from operator where circuit_id = :c and enabled and (role = "
                            + "'CIRCUIT_ADMIN' or (role = 'COMPANY_ADMIN' and company_id = :co))")
                    .param("c", circuitId).param("co", companyId).query(String.class).list()) {
                mailer.send(new Mailer.Mail(to, messages.getMessage("privacy.dataRequestMail.subject", args, locale),
                        messages.getMessage("privacy.dataRequestMail.body", args, locale)));
            }
        }
        return request;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DataRequest> dataRequests(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return jdbc.sql("select * from data_request where circuit_id = :c and (:all or company_id = :co) "
                        + "order by requested_at desc, id desc limit 200")
                .param("c", caller.circuit()).param("all", caller.isCircuitAdmin())
                .param("co", caller.companyId() == null ? -1 : caller.companyId())
                .query(RightsService::request).list();
    }

    @Override
    public MemberExport fulfil(Caller caller, long dataRequestId) {
        DataRequest request = dataRequests(caller).stream().filter(r -> r.id() == dataRequestId).findFirst()
                .orElseThrow(() -> new NotFound("Data request", dataRequestId));
        jdbc.sql("update data_request set downloaded_at = coalesce(downloaded_at, :at) where id = :id")
                .param("at", Timestamp.from(clock.instant())).param("id", dataRequestId).update();
        return exportOwn(request.circuitId(), request.memberId());
    }

    private record Contact(String email, String phone, List<String> cards) {
    }

    /** The member's contacts and card numbers; {@code lock}: with the member's row locked until the transaction ends. */
    private Contact contact(long circuitId, long memberId, boolean lock) {
        Contact contact = jdbc.sql("select email, phone from member where circuit_id = :c and id = :m"
                        + (lock ? " for update" : ""))
                .param("c", circuitId).param("m", memberId)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), List.of())).optional()
                .orElseThrow(() -> new NotFound("Member", memberId));
        return new Contact(contact.email(), contact.phone(), jdbc.sql("select number from card where circuit_id = :c "
                + "and member_id = :m").param("c", circuitId).param("m", memberId).query(String.class).list());
    }

    private static ExportFiles.Table table(PersonalData.Collection collection, ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        while (rs.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.put(columns.get(i - 1), value(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new ExportFiles.Table(collection, columns, rows);
    }

    private static Object value(Object v) throws SQLException {
        return switch (v) {
            case null -> null;
            case Timestamp t -> t.toInstant().toString();
            case java.sql.Date d -> d.toLocalDate().toString();
            case java.math.BigDecimal b -> b.toPlainString();
            case Number n -> n;
            case Boolean b -> b;
            default -> v.toString();
        };
    }

    private static Erasure erasure(ResultSet rs, int n) throws SQLException {
        return new Erasure(rs.getLong("circuit_id"), rs.getLong("member_id"),
                ErasureSource.valueOf(rs.getString("source")), rs.getString("actor"), rs.getString("reason"),
                rs.getLong("forfeited"), rs.getTimestamp("erased_at").toInstant());
    }

    private static DataRequest request(ResultSet rs, int n) throws SQLException {
        Timestamp downloaded = rs.getTimestamp("downloaded_at");
        return new DataRequest(rs.getLong("id"), rs.getLong("circuit_id"), (Long) rs.getObject("company_id"),
                rs.getLong("member_id"), rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(),
                rs.getTimestamp("due_at").toInstant(), downloaded == null ? null : downloaded.toInstant());
    }
}
