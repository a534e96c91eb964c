package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.SmsAlreadySettled;
import org.loyaltyhub.marketing.SmsProvider;
import org.loyaltyhub.marketing.SmsSettlement;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.shared.Meters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Sends the queued SMS through the gateway, one node at a time, at most once each. Twilio's Messages API has no
 * idempotency key, so a message is marked SENDING in a committed transaction of its own before the gateway is asked,
 * then SENT (with the gateway's id) or FAILED (credits given back to the company) in another. A message still
 * SENDING when the job starts again was left by a node that died between the gateway's answer and that commit: it
 * is not sent again but marked UNKNOWN, for the company's administrator to settle ({@link SmsService#settle}).
 */
@Component
public class SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SmsSender.class);
    private static final int BATCH = 100;

    private final ClusterJobs jobs;
    private final SmsProvider provider;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate own;
    private final Meters meters;

    SmsSender(ClusterJobs jobs, SmsProvider provider, Ledger ledger, JdbcClient jdbc, Clock clock,
              PlatformTransactionManager transactions, Meters meters) {
        this.meters = meters;
        this.jobs = jobs;
        this.provider = provider;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A queued message; no company for a notification's SMS (the circuit pays it). */
    private record Queued(long id, long circuitId, Long companyId, String phone, String body, int segments) {
    }

    /** A message as the gateway may have it: its status and when it was handed over. */
    private record Handed(Queued message, SmsStatus status, java.time.Instant since) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.sms-interval:PT5S}",
            initialDelayString = "${loyaltyhub.jobs.sms-interval:PT5S}")
    void scheduled() {
        runOnce();
    }

    /** Sends what is queued; returns how many were sent (null when another node is sending). */
    public Integer runOnce() {
        return jobs.runExclusively("sms", () -> {
            interrupted();
            int sent = 0;
            List<Long> ids;
            long after = 0;
            do {
                ids = jdbc.sql("select id from sms_message where status = 'QUEUED' and id > :after order by id "
                        + "limit :n").param("after", after).param("n", BATCH).query(Long.class).list();
                for (long id : ids) {
                    sent += send(id) ? 1 : 0;
                    after = id;
                }
            } while (ids.size() == BATCH);
            return sent;
        });
    }

    /**
     * Messages left SENDING: this job holds the cluster's lock, so the run that marked them is gone (its node died
     * or lost the database mid-send). They become UNKNOWN, never resent on their own.
     */
    private void interrupted() {
        int left = jdbc.sql("update sms_message set status = 'UNKNOWN', error = 'interrupted while the gateway had it' "
                + "where status = 'SENDING'").update();
        if (left > 0) {
            log.warn("{} SMS were interrupted while the gateway had them: marked UNKNOWN for an operator to settle "
                    + "(they are not resent)", left);
        }
    }

    private boolean send(long id) {
        Timestamp now = Timestamp.from(clock.instant());
        Queued q = own.execute(status -> jdbc.sql("update sms_message set status = 'SENDING', sending_at = :now "
                        + "where id = :id and status = 'QUEUED' "
                        + "returning id, circuit_id, company_id, phone, body, segments")
                .param("id", id).param("now", now)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getInt(6))).optional().orElse(null));
        if (q == null) {
            return false;
        }
        try {
            String providerId = provider.send(q.phone(), q.body()).providerId();
            return jobs.runItem("sms", "message " + id, () -> sent(id, providerId, now));
        } catch (SmsProvider.SmsRefused e) {
            jobs.runItem("sms", "message " + id, () -> failed(q, e.getMessage(), now, null));
            return false;
        } catch (RuntimeException e) {
            log.warn("SMS {}: the gateway's answer is unknown, marked UNKNOWN (not resent): {}", id, e.getMessage());
            own.executeWithoutResult(status -> jdbc.sql("update sms_message set status = 'UNKNOWN', error = :e "
                    + "where id = :id and status = 'SENDING'").param("e", String.valueOf(e.getMessage()))
                    .param("id", id).update());
            meters.sms(Meters.SendOutcome.UNKNOWN);
            return false;
        }
    }

    private boolean sent(long id, String providerId, Timestamp now) {
        boolean sent = jdbc.sql("update sms_message set status = 'SENT', provider_id = :p, sent_at = :now "
                        + "where id = :id and status in ('SENDING', 'UNKNOWN')")
                .param("p", providerId).param("now", now).param("id", id).update() == 1;
        if (sent) {
            meters.sms(Meters.SendOutcome.SENT);
        }
        return sent;
    }

    /**
     * Settles an UNKNOWN message of the company (no company: one of the circuit's notifications): asking the gateway
     * (SENT with its id when the gateway has it, still UNKNOWN otherwise), or as the operator says (NOT_SENT gives a
     * company its credits back). Never sends it again.
     */
    public SmsStatus settle(long circuitId, Long companyId, long messageId, SmsSettlement how, String actor) {
        var row = jdbc.sql("select id, circuit_id, company_id, phone, body, segments, status, sending_at "
                        + "from sms_message where id = :id and circuit_id = :c and "
                        + (companyId == null ? "company_id is null" : "company_id = :company") + " for update")
                .param("id", messageId).param("c", circuitId).param("company", companyId == null ? 0L : companyId)
                .query((rs, n) -> new Handed(new Queued(rs.getLong(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getString(4), rs.getString(5), rs.getInt(6)), SmsStatus.valueOf(rs.getString(7)),
                        rs.getTimestamp(8) == null ? clock.instant() : rs.getTimestamp(8).toInstant()))
                .optional().orElseThrow(() -> new NotFound("SMS", messageId));
        Queued q = row.message();
        if (!row.status().unsettled()) {
            throw new SmsAlreadySettled(messageId, row.status());
        }
        Timestamp now = Timestamp.from(clock.instant());
        return switch (how) {
            case ASK_GATEWAY -> provider.find(q.phone(), q.body(), row.since())
                    .map(found -> {
                        jdbc.sql("update sms_message set status = 'SENT', provider_id = :p, sent_at = :now, "
                                        + "settled_by = :by where id = :id")
                                .param("p", found.providerId()).param("now", now).param("by", actor)
                                .param("id", messageId).update();
                        return SmsStatus.SENT;
                    }).orElse(SmsStatus.UNKNOWN);
            case SENT -> {
                jdbc.sql("update sms_message set status = 'SENT', sent_at = :now, settled_by = :by where id = :id")
                        .param("now", now).param("by", actor).param("id", messageId).update();
                yield SmsStatus.SENT;
            }
            case NOT_SENT -> {
                failed(q, "settled as not sent", now, actor);
                yield SmsStatus.FAILED;
            }
        };
    }

    /**
     * Marks it FAILED and gives a company its credits back, once (the refund's key is the message); a notification's
     * SMS was paid by no company and gives nothing back.
     */
    private boolean failed(Queued q, String error, Timestamp now, String settledBy) {
        int changed = jdbc.sql("update sms_message set status = 'FAILED', error = :e, sent_at = :now, "
                        + "settled_by = :by where id = :id and status in ('SENDING', 'UNKNOWN')")
                .param("e", error).param("now", now).param("by", settledBy).param("id", q.id()).update();
        if (changed == 1) {
            meters.sms(Meters.SendOutcome.FAILED);
        }
        if (changed == 1 && q.companyId() != null) {
            ledger.post(EntryDraft.transfer(q.circuitId(), "sms-refund:" + q.id(), "SMS_REFUND",
                            "SMS not sent: credits given back")
                    .move(AccountRef.circuit(AccountKind.SMS_SPENT), AccountRef.smsCredits(q.companyId()), q.segments())
                    .company(q.companyId()).build());
        }
        return changed == 1;
    }
}
