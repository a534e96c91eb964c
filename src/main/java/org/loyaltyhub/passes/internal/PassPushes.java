package org.loyaltyhub.passes.internal;

import org.loyaltyhub.ledger.EntryPosted;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Keeps wallet passes up to date. A balance change marks the member's pass updated and queues a push per wallet in
 * the posting transaction (so it happens exactly when the entry does); after the commit, and on a cluster-safe sweep
 * that also recovers pushes a restart interrupted, each queued push is sent: APNs for every device that keeps the
 * Apple pass, a PATCH of the Google object. A failed push is retried with growing delays, then given up and logged.
 */
@Component
class PassPushes {

    private static final Logger log = LoggerFactory.getLogger(PassPushes.class);
    static final String JOB = "wallet-pass-pushes";

    /** Which wallet a queued push goes to. */
    enum Channel { APPLE, GOOGLE }

    private record Due(long circuitId, long memberId, Channel channel, int attempts) {
    }

    private final JdbcClient jdbc;
    private final MemberPasses passes;
    private final PassSetups setups;
    private final CardFaces faces;
    private final Apns apns;
    private final GoogleWallet google;
    private final ClusterJobs jobs;
    private final PassSettings settings;
    private final Clock clock;

    PassPushes(JdbcClient jdbc, MemberPasses passes, PassSetups setups, CardFaces faces, Apns apns,
               GoogleWallet google, ClusterJobs jobs, PassSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.passes = passes;
        this.setups = setups;
        this.faces = faces;
        this.apns = apns;
        this.google = google;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(EntryPosted e) {
        if (e.memberId() == null || e.memberAvailable() == 0 || !passes.touch(e.circuitId(), e.memberId())) {
            return; // not a change of the points a pass shows, or the member has no pass
        }
        queuePushes(e);
    }

    /** Entries posted together (an import's opening balances): the passes of all their members touched at once. */
    @EventListener
    void on(org.loyaltyhub.ledger.EntriesPosted posted) {
        List<Long> members = posted.entries().stream().filter(e -> e.memberId() != null && e.memberAvailable() != 0)
                .map(EntryPosted::memberId).distinct().toList();
        java.util.Set<Long> withPass = members.isEmpty() ? java.util.Set.of()
                : passes.touch(posted.circuitId(), members);
        java.util.Set<Long> queued = new java.util.HashSet<>();
        posted.entries().stream().filter(e -> e.memberId() != null && withPass.contains(e.memberId())
                && queued.add(e.memberId())).forEach(this::queuePushes);
    }

    private void queuePushes(EntryPosted e) {
        PassSetup setup = setups.of(e.circuitId());
        boolean queued = false;
        if (setup.apple() && !passes.pushTokens(e.circuitId(), e.memberId()).isEmpty()) {
            queued = queue(e.circuitId(), e.memberId(), Channel.APPLE);
        }
        if (setup.google()) {
            queued |= queue(e.circuitId(), e.memberId(), Channel.GOOGLE);
        }
        if (queued && settings.pushAfterCommit() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Thread.ofVirtual().name("wallet-pass-push").start(PassPushes.this::sendDue);
                }
            });
        }
    }

    private boolean queue(long circuitId, long memberId, Channel channel) {
        return jdbc.sql("""
                        insert into pass_push (circuit_id, member_id, channel, due_at) values (:c, :m, :ch, :now)
                        on conflict (circuit_id, member_id, channel) do update set due_at = excluded.due_at,
                            attempts = 0, last_error = null""")
                .param("c", circuitId).param("m", memberId).param("ch", channel.name())
                .param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.passes.sweep-interval:PT1M}",
            initialDelayString = "${loyaltyhub.passes.sweep-interval:PT1M}")
    void sweep() {
        sendDue();
    }

    /** Sends every push due now, one at a time; returns how many were done, or null when another node is at it. */
    Integer sendDue() {
        return jobs.runExclusively(JOB, () -> {
            int done = 0;
            for (Due due : due()) {
                if (jobs.runItem(JOB, due.channel() + " " + due.circuitId() + "/" + due.memberId(), () -> send(due))) {
                    done++;
                }
            }
            return done;
        });
    }

    private List<Due> due() {
        return jdbc.sql("select circuit_id, member_id, channel, attempts from pass_push where due_at <= :now "
                        + "and attempts < :max order by due_at limit 500")
                .param("now", Timestamp.from(clock.instant())).param("max", settings.maxAttempts())
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), Channel.valueOf(rs.getString(3)), rs.getInt(4)))
                .list();
    }

    private boolean send(Due due) {
        String error;
        try {
            error = due.channel() == Channel.APPLE ? pushApple(due) : patchGoogle(due);
        } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (error == null) {
            jdbc.sql("delete from pass_push where circuit_id = :c and member_id = :m and channel = :ch")
                    .param("c", due.circuitId()).param("m", due.memberId()).param("ch", due.channel().name()).update();
            return true;
        }
        int attempts = due.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            log.warn("Wallet pass push {} for member {} of circuit {} given up after {} attempts: {}", due.channel(),
                    due.memberId(), due.circuitId(), attempts, error);
        }
        jdbc.sql("update pass_push set attempts = :a, last_error = :err, due_at = :next where circuit_id = :c "
                        + "and member_id = :m and channel = :ch")
                .param("a", attempts).param("err", error.length() > 300 ? error.substring(0, 300) : error)
                .param("next", Timestamp.from(clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempts, 10)))))
                .param("c", due.circuitId()).param("m", due.memberId()).param("ch", due.channel().name()).update();
        return false;
    }

    /** Null when every device was told (or is gone), else what went wrong. */
    private String pushApple(Due due) {
        var cert = setups.apple(due.circuitId());
        if (cert.isEmpty()) {
            return null; // the circuit removed its certificate: nothing to push with
        }
        ApnsAuth auth = setups.providerToken(due.circuitId()).<ApnsAuth>map(t -> t)
                .orElseGet(() -> new ApnsAuth.Certificate(cert.get()));
        int failed = 0;
        for (String token : passes.pushTokens(due.circuitId(), due.memberId())) {
            switch (apns.push(auth, cert.get().passTypeId(), token)) {
                case DEVICE_GONE -> passes.forgetPushToken(token);
                case FAILED -> failed++;
                case DELIVERED -> { }
            }
        }
        return failed == 0 ? null : "APNs refused or did not answer for " + failed + " device(s)";
    }

    private String patchGoogle(Due due) {
        var account = setups.google(due.circuitId());
        var pass = passes.existing(due.circuitId(), due.memberId());
        if (account.isEmpty() || pass.isEmpty()) {
            return null;
        }
        PassSetup setup = setups.of(due.circuitId());
        google.updateBalance(account.get(), setup, faces.of(setup, due.memberId()), pass.get().serial());
        return null;
    }
}
