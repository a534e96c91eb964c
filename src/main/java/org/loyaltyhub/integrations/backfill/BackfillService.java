package org.loyaltyhub.integrations.backfill;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.integrations.internal.CheckResult;
import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.ConnectionCheck;
import org.loyaltyhub.integrations.internal.ConnectionService;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopPlatforms;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a backfill from a connected shop and reads its progress. A start is checked before anything is stored: the
 * period (from on or before to, not in the future), the connection (the caller's company's, switched on, with API
 * credentials, on a platform that can be read) and one harmless read from the shop, so a shop that refuses the
 * credentials or fails is answered at once and nothing is queued. Starting again what is already running answers
 * the running one; starting again a failed one resumes it where it stopped.
 */
@Service
public class BackfillService {

    private final ConnectionService connections;
    private final ConnectionCheck check;
    private final ShopPlatforms platforms;
    private final Backfills backfills;
    private final Map<Platform, BackfillSource> sources = new EnumMap<>(Platform.class);
    private final Clock clock;

    BackfillService(ConnectionService connections, ConnectionCheck check, ShopPlatforms platforms, Backfills backfills,
                    List<BackfillSource> sources, Clock clock) {
        this.connections = connections;
        this.check = check;
        this.platforms = platforms;
        this.backfills = backfills;
        this.clock = clock;
        sources.forEach(s -> this.sources.put(s.platform(), s));
    }

    /** What to read: the period, whole days (UTC, both included), and whether past orders earn points. */
    public record Request(LocalDate from, LocalDate to, Boolean withPoints) {
    }

    /** Whether a connection's platform can be backfilled. */
    public boolean available(Platform platform) {
        return sources.containsKey(platform);
    }

    Optional<BackfillSource> source(Platform platform) {
        return Optional.ofNullable(sources.get(platform));
    }

    public Backfill start(Caller caller, long connectionId, Request r) {
        Connection c = connections.owned(caller, connectionId);
        LocalDate from = r == null ? null : r.from();
        LocalDate to = r == null ? null : r.to();
        boolean withPoints = r != null && Boolean.TRUE.equals(r.withPoints());
        period(from, to);
        if (!available(c.platform())) {
            throw new LoyaltyException("backfill-not-available", Failure.REFUSED, "A " + c.platform().slug()
                    + " connection has no orders to read: connect the shop itself (WooCommerce, Shopify, PrestaShop)");
        }
        if (!c.active()) {
            throw new LoyaltyException("shop-not-connected", Failure.CONFLICT, "The connection is switched off: switch it on first");
        }
        if (!platforms.of(c.platform()).hasApiCredentials(c)) {
            throw new LoyaltyException("shop-not-connected", Failure.CONFLICT,
                    "No API credentials are stored for this shop: approve LoyaltyHub in the shop or paste its keys first");
        }
        Optional<Backfill> running = backfills.active(c.id());
        if (running.isPresent()) {
            return same(running.get(), from, to, withPoints);
        }
        CheckResult shop = check.check(c);
        if (!shop.ok()) {
            throw new LoyaltyException("shop-refused", Failure.UPSTREAM, "The shop cannot be read: " + shop.problem());
        }
        Optional<Backfill> failed = backfills.failed(c.id(), from, to, withPoints);
        if (failed.isPresent() && backfills.resume(failed.get().id())) {
            return get(caller, connectionId, failed.get().id());
        }
        Optional<Long> id = backfills.queue(c.circuitId(), c.id(), from, to, withPoints, caller.actor());
        return id.map(i -> get(caller, connectionId, i))
                .orElseGet(() -> same(backfills.active(c.id()).orElseThrow(), from, to, withPoints));
    }

    private void period(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new InvalidInput("from", "is required (yyyy-MM-dd)");
        }
        if (to == null) {
            throw new InvalidInput("to", "is required (yyyy-MM-dd)");
        }
        if (from.isAfter(to)) {
            throw new InvalidInput("to", "must be on or after the start of the period, " + from);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (to.isAfter(today)) {
            throw new InvalidInput("to", "cannot be in the future (today is " + today + ", UTC)");
        }
        if (from.isBefore(LocalDate.of(2000, 1, 1))) {
            throw new InvalidInput("from", "must be in 2000 or later");
        }
    }

    /** The running backfill when it is the one asked for again; a conflict when another period is being read. */
    private static Backfill same(Backfill running, LocalDate from, LocalDate to, boolean withPoints) {
        if (running.from().equals(from) && running.to().equals(to) && running.withPoints() == withPoints) {
            return running;
        }
        throw new LoyaltyException("backfill-running", Failure.CONFLICT, "A backfill of " + running.from() + " to " + running.to()
                + " is still running for this shop: wait until it ends").with("backfillId", running.id());
    }

    public Backfill get(Caller caller, long connectionId, long id) {
        connections.owned(caller, connectionId);
        return backfills.find(connectionId, id).orElseThrow(() -> new NotFound("Backfill", id));
    }

    /** The connection's latest backfills, newest first. */
    public List<Backfill> of(Caller caller, long connectionId) {
        connections.owned(caller, connectionId);
        return backfills.of(connectionId, 10);
    }

    /** The connection, if the caller administers it (for the page). */
    public Connection connection(Caller caller, long connectionId) {
        return connections.owned(caller, connectionId);
    }
}
