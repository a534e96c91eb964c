package org.loyaltyhub.integrations.backfill;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.CustomerMatcher;
import org.loyaltyhub.integrations.internal.Delivery;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.integrations.internal.ShopOrder;
import org.loyaltyhub.integrations.internal.ShopOrders;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.shared.LoyaltyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads queued backfills in the background, on one node at a time ({@link ClusterJobs}). Each page is one
 * transaction that also stores the cursor after it, so a restart resumes at the last page committed and a page is
 * never recorded twice; each customer and order is a savepoint, so one the books refuse is counted as skipped
 * without undoing its page. Customers are matched as their webhooks are ({@link CustomerMatcher}), orders recorded
 * as their webhooks are ({@link ShopOrders}): an order a webhook brings before or after is the same purchase.
 * A shop that refuses the credentials stops the backfill at once; one that fails or cannot be reached is asked
 * again the next rounds, and stops it after {@link #ATTEMPTS} failures in a row.
 */
@Component
public class BackfillRunner {

    private static final Logger log = LoggerFactory.getLogger(BackfillRunner.class);
    static final int ATTEMPTS = 3;

    private final Backfills backfills;
    private final BackfillService service;
    private final Connections connections;
    private final CustomerMatcher matcher;
    private final ShopOrders orders;
    private final ClusterJobs cluster;
    private final Clock clock;
    private final TransactionTemplate eachItem;
    private final Duration budget;

    BackfillRunner(Backfills backfills, BackfillService service, Connections connections, CustomerMatcher matcher,
                   ShopOrders orders, ClusterJobs cluster, Clock clock, PlatformTransactionManager transactions,
                   @Value("${loyaltyhub.integrations.backfill-round:PT30S}") Duration budget) {
        this.backfills = backfills;
        this.service = service;
        this.connections = connections;
        this.matcher = matcher;
        this.orders = orders;
        this.cluster = cluster;
        this.clock = clock;
        this.budget = budget;
        this.eachItem = new TransactionTemplate(transactions);
        this.eachItem.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.integrations.backfill-interval:PT2S}",
            initialDelayString = "${loyaltyhub.integrations.backfill-interval:PT2S}")
    void scheduled() {
        runDue();
    }

    /** One round: reads every unfinished backfill as far as it can; the pages read, or null when another node runs. */
    public Integer runDue() {
        return cluster.runExclusively("shop-backfill", () -> {
            int pages = 0;
            for (long id : backfills.unfinished()) {
                pages += run(id);
            }
            return pages;
        });
    }

    private int run(long id) {
        Instant stop = Instant.now().plus(budget); // a duration, not the clock tests move
        int pages = 0;
        boolean more = true;
        while (more && Instant.now().isBefore(stop)) {
            boolean[] again = {false};
            boolean stepped = cluster.runItem("Backfill", "#" + id, () -> {
                again[0] = step(id);
                return true;
            });
            if (!stepped) { // an unexpected failure undid the page: counted, so it cannot repeat for ever
                cluster.runItem("Backfill", "#" + id + " failure", () -> {
                    backfills.lock(id).ifPresent(r -> failed(id, r, "an unexpected error (see the log)", false,
                            clock.instant()));
                    return true;
                });
            }
            more = again[0];
            pages++;
        }
        return pages;
    }

    /** Reads and records one page; whether to read the next one now. */
    private boolean step(long id) {
        Optional<Backfills.Running> locked = backfills.lock(id);
        if (locked.isEmpty()) {
            return false;
        }
        Backfills.Running r = locked.get();
        Backfill b = r.backfill();
        Instant now = clock.instant();
        Optional<Connection> connection = connections.find(b.connectionId()).filter(Connection::active);
        Optional<BackfillSource> source = connection.flatMap(c -> service.source(c.platform()));
        if (connection.isEmpty() || source.isEmpty()) {
            backfills.problem(id, "the connection was switched off or removed", true, now);
            return false;
        }
        Connection c = connection.get();
        BackfillSource.Page page;
        try {
            page = source.get().read(c, new BackfillSource.Period(b.from(), b.to()), b.phase(), r.cursor());
        } catch (ShopHttp.Unreachable e) {
            return failed(id, r, e.getMessage(), false, now);
        } catch (BackfillSource.ShopRefused e) {
            return failed(id, r, e.getMessage(), e.lasting(), now);
        } catch (RuntimeException e) {
            return failed(id, r, "the shop's answer could not be read: " + e.getMessage(), false, now);
        }
        if (page.waiting()) {
            backfills.advance(id, new Backfills.Advance(b.phase(), page.next(), b.done(), b.total(), 0, 0, 0, 0, 0,
                    false), now);
            return false;
        }
        int members = 0;
        int purchases = 0;
        int skipped = page.unreadable();
        for (ShopOrder.Customer customer : page.customers()) {
            Optional<Boolean> matched = item(() -> matcher.match(c, customer, true).isPresent());
            members += matched.orElse(false) ? 1 : 0;
            skipped += matched.isEmpty() ? 1 : 0;
        }
        for (ShopOrder order : page.orders()) {
            Optional<Boolean> recorded = item(() ->
                    orders.apply(c, order, !b.withPoints()).status() == Delivery.Status.PROCESSED);
            purchases += recorded.orElse(false) ? 1 : 0;
            skipped += recorded.isEmpty() ? 1 : 0;
        }
        boolean nextPhase = page.last() && b.phase() == BackfillPhase.CUSTOMERS;
        boolean finished = page.last() && b.phase() == BackfillPhase.ORDERS;
        backfills.advance(id, new Backfills.Advance(nextPhase ? BackfillPhase.ORDERS : b.phase(),
                nextPhase ? null : page.next(), nextPhase ? 0 : page.done(), nextPhase ? null : page.total(),
                page.customers().size(), members, page.orders().size(), purchases, skipped, finished), now);
        return !finished;
    }

    /** One customer or order in a savepoint: its result, or empty when the books refused it (counted as skipped). */
    private Optional<Boolean> item(java.util.function.Supplier<Boolean> work) {
        try {
            return Optional.ofNullable(eachItem.execute(status -> work.get()));
        } catch (LoyaltyException | IllegalArgumentException e) { // UnusableDelivery among them
            log.info("Backfill: an item was skipped: {}", e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) { // rolled back to its savepoint: the page goes on without it
            log.warn("Backfill: an item failed and was skipped", e);
            return Optional.empty();
        }
    }

    private boolean failed(long id, Backfills.Running r, String error, boolean lasting, Instant now) {
        boolean fail = lasting || r.failures() + 1 >= ATTEMPTS;
        log.warn("Backfill #{}: {}{}", id, error, fail ? " (stopped)" : " (asked again next round)");
        backfills.problem(id, error, fail, now);
        return false;
    }
}
