package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.ConditionReader;
import org.loyaltyhub.marketing.Flaw;
import org.loyaltyhub.marketing.InvalidSegment;
import org.loyaltyhub.marketing.Segment;
import org.loyaltyhub.marketing.SegmentChoices;
import org.loyaltyhub.marketing.SegmentCount;
import org.loyaltyhub.marketing.SegmentDefinition;
import org.loyaltyhub.marketing.SegmentInUse;
import org.loyaltyhub.marketing.SegmentInput;
import org.loyaltyhub.programs.SegmentUsers;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Segments for the back office. Circuit administrators create, change and delete them; company administrators read
 * them and count and list their members, only the members their company deals with when companies are kept apart
 * (a segment is the circuit's: promotions and coupon campaigns of the whole circuit target it, so only the circuit
 * administrator changes it). Store operators and API keys have no access.
 */
@Service
@Transactional
public class SegmentService {

    public static final int MAX_PAGE = 200;

    private final SegmentRows rows;
    private final SegmentQueries queries;
    private final Tenancy tenancy;
    private final Clock clock;
    private final ObjectProvider<SegmentUsers> users;

    SegmentService(SegmentRows rows, SegmentQueries queries, Tenancy tenancy, Clock clock,
                   ObjectProvider<SegmentUsers> users) {
        this.rows = rows;
        this.queries = queries;
        this.tenancy = tenancy;
        this.clock = clock;
        this.users = users;
    }

    @Transactional(readOnly = true)
    public List<Segment> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return rows.list(caller.circuit());
    }

    @Transactional(readOnly = true)
    public Segment get(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return rows.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Segment", id));
    }

    public Segment create(Caller caller, SegmentInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        ConditionReader.Read read = read(caller, input, null);
        return rows.find(caller.circuit(), rows.insert(caller.circuit(), read, caller.actor())).orElseThrow();
    }

    /** Replaces the segment's name, description and conditions (sending the same again changes nothing). */
    public Segment update(Caller caller, long id, SegmentInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        get(caller, id);
        rows.update(caller.circuit(), id, read(caller, input, id));
        return get(caller, id);
    }

    /**
     * Deletes a segment no campaign targets; one that some do is refused with their list ({@link SegmentInUse}). The
     * segment's row is locked first: a campaign saved meanwhile with it as target waits (it checks the segment with a
     * key-share lock, see {@link SegmentMembership#exists}) and then finds it gone, or is seen here.
     */
    public void delete(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!rows.lock(caller.circuit(), id)) {
            throw new NotFound("Segment", id);
        }
        List<SegmentUsers.SegmentUse> usedBy = users.orderedStream()
                .flatMap(u -> u.targeting(caller.circuit(), id).stream())
                .sorted(java.util.Comparator.comparing(SegmentUsers.SegmentUse::kind)
                        .thenComparingLong(SegmentUsers.SegmentUse::id)).toList();
        if (!usedBy.isEmpty()) {
            throw new SegmentInUse(id, usedBy);
        }
        rows.delete(caller.circuit(), id);
    }

    /** The saved segment's members now: the total and the page of up to {@code limit} after {@code after}. */
    @Transactional(readOnly = true)
    public SegmentCount members(Caller caller, long id, long after, int limit) {
        return queries.evaluate(compile(caller, get(caller, id).definition()), after, limit(limit));
    }

    /** How many members the saved segment has now (that the caller may see). */
    @Transactional(readOnly = true)
    public long count(Caller caller, long id) {
        return queries.count(compile(caller, get(caller, id).definition()));
    }

    /** A segment being edited, counted before it is saved (nothing is written); its name is not needed yet. */
    @Transactional(readOnly = true)
    public SegmentCount preview(Caller caller, SegmentInput input, int limit) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        SegmentChoices choices = choices(caller);
        SegmentDefinition d = ConditionReader.definition(input, choices::exists);
        return queries.evaluate(compile(caller, d), 0, limit(limit));
    }

    /** Every member of the segment the caller may see, in id order, one row at a time (a CSV export). */
    @Transactional(readOnly = true)
    public void each(Caller caller, long id, RowCallbackHandler row) {
        queries.each(compile(caller, get(caller, id).definition()), row);
    }

    @Transactional(readOnly = true)
    public SegmentChoices choices(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return queries.choices(caller.circuit());
    }

    private ConditionReader.Read read(Caller caller, SegmentInput input, Long id) {
        ConditionReader.Read read = ConditionReader.read(input, choices(caller)::exists);
        if (rows.nameTaken(caller.circuit(), read.name(), id)) {
            throw new InvalidSegment(Map.of("name", Flaw.NAME_TAKEN));
        }
        return read;
    }

    private SegmentSql.Compiled compile(Caller caller, SegmentDefinition d) {
        boolean restricted = !caller.isCircuitAdmin() && tenancy.circuit(caller.circuit()).companiesKeptApart();
        return SegmentSql.compile(caller.circuit(), d, clock.instant(), restricted ? caller.companyId() : null);
    }

    private static int limit(int limit) {
        return Math.max(1, Math.min(limit, MAX_PAGE));
    }
}
