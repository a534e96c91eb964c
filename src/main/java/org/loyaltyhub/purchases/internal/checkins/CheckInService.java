package org.loyaltyhub.purchases.internal.checkins;

import org.loyaltyhub.programs.CampaignEvents;
import org.loyaltyhub.programs.Programs;
import org.loyaltyhub.purchases.CheckIn;
import org.loyaltyhub.purchases.CheckInRefusal;
import org.loyaltyhub.purchases.CheckInRefused;
import org.loyaltyhub.purchases.CheckIns;
import org.loyaltyhub.purchases.internal.StoreKeys;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.GeoPoint;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.StoreDirectory;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** {@link CheckIns}: checks the position or the poster's code, records the visit once a day, tells the campaigns. */
@Service
@Transactional
class CheckInService implements CheckIns {

    private static final RowMapper<CheckIn> ROW = (rs, n) -> new CheckIn(rs.getLong("id"), rs.getLong("store_id"),
            rs.getObject("day", LocalDate.class), CheckIn.Method.valueOf(rs.getString("method")),
            rs.getTimestamp("checked_in_at").toInstant());

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final StoreDirectory directory;
    private final StoreKeys keys;
    private final Programs programs;
    private final CampaignEvents campaigns;
    private final Clock clock;

    CheckInService(JdbcClient jdbc, Tenancy tenancy, StoreDirectory directory, StoreKeys keys, Programs programs,
                   CampaignEvents campaigns, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.directory = directory;
        this.keys = keys;
        this.programs = programs;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public CheckIn byPosition(long circuitId, long memberId, long storeId, GeoPoint position) {
        Store store = store(circuitId, storeId);
        GeoPoint at = GeoPoint.of(store);
        if (at == null) {
            throw new CheckInRefused(CheckInRefusal.STORE_WITHOUT_POSITION);
        }
        if (position.metresTo(at) > directory.profile(circuitId, storeId).checkinRadiusMetres()) {
            throw new CheckInRefused(CheckInRefusal.TOO_FAR);
        }
        return record(circuitId, memberId, store, CheckIn.Method.POSITION);
    }

    @Override
    public CheckIn byCode(long circuitId, long memberId, Long storeId, String text) {
        CheckInCode code = CheckInCode.read(text);
        if (storeId != null && storeId != code.storeId()) {
            throw new CheckInRefused(CheckInRefusal.ANOTHER_STORES_CODE);
        }
        Store store = store(circuitId, code.storeId());
        var key = keys.existing(circuitId, store.id());
        if (key.isEmpty() || !code.currentFor(key.get(), clock.instant())) {
            throw new CheckInRefused(CheckInRefusal.OLD_CODE);
        }
        return record(circuitId, memberId, store, CheckIn.Method.POSTER_CODE);
    }

    private CheckIn record(long circuitId, long memberId, Store store, CheckIn.Method method) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, ZoneId.of(programs.settings(circuitId).timeZone()));
        CheckIn checkIn = jdbc.sql("""
                        insert into store_checkin (circuit_id, member_id, store_id, day, method, checked_in_at)
                        values (:c, :m, :s, :day, :method, :at)
                        on conflict (circuit_id, member_id, store_id, day) do nothing returning *""")
                .param("c", circuitId).param("m", memberId).param("s", store.id()).param("day", day)
                .param("method", method.name()).param("at", Timestamp.from(now)).query(ROW).optional()
                .orElseThrow(() -> new CheckInRefused(CheckInRefusal.ALREADY_TODAY));
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        attributes.put("storeId", store.id());
        campaigns.received(new CampaignEvents.Event(circuitId, memberId, "store_checkin", "checkin-" + checkIn.id(),
                now, attributes, "customer:" + memberId));
        return checkIn;
    }

    private Store store(long circuitId, long storeId) {
        try {
            return tenancy.store(circuitId, storeId);
        } catch (NotFound e) {
            throw new CheckInRefused(CheckInRefusal.UNKNOWN_STORE);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<CheckIn> ofMember(long circuitId, long memberId) {
        return jdbc.sql("select * from store_checkin where circuit_id = :c and member_id = :m order by id desc limit 50")
                .param("c", circuitId).param("m", memberId).query(ROW).list();
    }

    @Override
    public String posterCode(Caller caller, long storeId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        Store store = tenancy.storeFor(caller, storeId);
        return CheckInCode.at(keys.key(store.circuitId(), store.id()), store.id(), clock.instant()).toString();
    }
}
