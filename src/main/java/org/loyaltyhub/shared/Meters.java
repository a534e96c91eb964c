package org.loyaltyhub.shared;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Locale;

/**
 * The application's own meters (scraped at {@code /actuator/prometheus}), in one place so that their names and tags
 * stay consistent. Each module calls the method for its fact where the fact happens. Facts that are writes count when
 * their transaction commits (a rolled-back purchase was never recorded); refusals count at once.
 * <p>
 * Tags are low-cardinality on purpose: outcomes, platforms, job names and kinds fixed in code. There is no circuit or
 * member tag: a platform hosts any number of circuits, and every tag value multiplies the series a Prometheus server
 * keeps; per-circuit figures are the analytics reports' job.
 */
@Component
public class Meters {

    /** What became of a redemption (a reservation at a checkout). */
    public enum RedemptionOutcome {
        HELD, REFUSED, CAPTURED, RELEASED, EXPIRED, REFUNDED
    }

    /** What became of one attempt to send an e-mail or an SMS. */
    public enum SendOutcome {
        SENT, FAILED, GIVEN_UP, UNKNOWN
    }

    /** What became of a scheduled job's round on this node. */
    public enum JobOutcome {
        RAN, SKIPPED, FAILED
    }

    private final MeterRegistry registry;

    public Meters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A purchase recorded for the first time (not a replay, not a status change), with the status it came with. */
    public void purchaseRecorded(Enum<?> status) {
        afterCommit(() -> registry.counter("loyaltyhub.purchases.recorded", "status", tag(status)).increment());
    }

    /** Points credited to members from the circuit's issuance or a company budget. */
    public void pointsIssued(long points) {
        afterCommit(() -> counter("loyaltyhub.points.issued", "points issued to members").increment(points));
    }

    /** Points spent by members (captured redemptions and other spending). */
    public void pointsRedeemed(long points) {
        afterCommit(() -> counter("loyaltyhub.points.redeemed", "points members spent").increment(points));
    }

    public void redemption(RedemptionOutcome outcome) {
        Runnable count = () -> registry.counter("loyaltyhub.redemptions", "outcome", tag(outcome)).increment();
        if (outcome == RedemptionOutcome.REFUSED) {
            count.run(); // the refusal rolls its transaction back, but it happened
        } else {
            afterCommit(count);
        }
    }

    /**
     * A shop's webhook (or a reconciled order) processed: {@code outcome} processed, ignored or failed. Counted when
     * the processing commits: a delivery whose transaction rolls back is counted once, as the failure it became.
     */
    public void webhookDelivery(Enum<?> platform, Enum<?> outcome) {
        afterCommit(() -> registry.counter("loyaltyhub.webhook.deliveries", "platform", tag(platform), "outcome",
                tag(outcome)).increment());
    }

    public void mail(SendOutcome outcome) {
        afterCommit(() -> registry.counter("loyaltyhub.mails", "outcome", tag(outcome)).increment());
    }

    public void sms(SendOutcome outcome) {
        afterCommit(() -> registry.counter("loyaltyhub.sms", "outcome", tag(outcome)).increment());
    }

    /** A round of a scheduled job, named in code (never after a circuit or an item). */
    public void jobRun(String job, JobOutcome outcome, Duration took) {
        Timer.builder("loyaltyhub.jobs").description("rounds of scheduled jobs on this node")
                .tag("job", job).tag("outcome", tag(outcome)).register(registry).record(took);
    }

    /** A request answered again from its stored answer; {@code channel} {@code api} or {@code mcp}. */
    public void idempotentReplay(String channel) {
        registry.counter("loyaltyhub.idempotent.replays", "channel", channel).increment();
    }

    /** A call of an assistant's tool (MCP): the tool's name is fixed in code. */
    public void toolCall(String tool, boolean refused) {
        registry.counter("loyaltyhub.mcp.tool.calls", "tool", tool, "outcome", refused ? "refused" : "done").increment();
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).baseUnit("points").register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
