package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.SmsProvider;
import org.loyaltyhub.shared.ClusterJobs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/**
 * Sends the queued SMS through the gateway, one node at a time, each message in a transaction of its own that marks
 * it sent (with the gateway's id) or failed; a failed one gives its credits back to the company. A node that dies
 * between the gateway's acceptance and the commit sends that one message again after the restart.
 */
@Component
public class SmsSender {

    private static final int BATCH = 100;

    private final ClusterJobs jobs;
    private final SmsProvider provider;
    private final Ledger ledger;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.loyaltyhub.shared.Meters meters;

    SmsSender(ClusterJobs jobs, SmsProvider provider, Ledger ledger, JdbcClient jdbc, Clock clock,
              org.loyaltyhub.shared.Meters meters) {
        this.meters = meters;
        this.jobs = jobs;
        this.provider = provider;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Queued(long id, long circuitId, long companyId, String phone, String body, int segments) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.sms-interval:PT5S}",
            initialDelayString = "${loyaltyhub.jobs.sms-interval:PT5S}")
    void scheduled() {
        runOnce();
    }

    /** Sends what is queued; returns how many were sent (null when another node is sending). */
    public Integer runOnce() {
        return jobs.runExclusively("sms", () -> {
            int sent = 0;
            List<Long> ids;
            long after = 0;
            do {
                ids = jdbc.sql("select id from sms_message where status = 'QUEUED' and id > :after order by id "
                        + "limit :n").param("after", after).param("n", BATCH).query(Long.class).list();
                for (long id : ids) {
                    sent += jobs.runItem("sms", "message " + id, () -> send(id)) ? 1 : 0;
                    after = id;
                }
            } while (ids.size() == BATCH);
            return sent;
        });
    }

    private boolean send(long id) {
        var queued = jdbc.sql("select id, circuit_id, company_id, phone, body, segments from sms_message "
                        + "where id = :id and status = 'QUEUED' for update skip locked").param("id", id)
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).optional();
        if (queued.isEmpty()) {
            return false;
        }
        Queued q = queued.get();
        Timestamp now = Timestamp.from(clock.instant());
        try {
            String providerId = provider.send(q.phone(), q.body()).providerId();
            jdbc.sql("update sms_message set status = 'SENT', provider_id = :p, sent_at = :now where id = :id")
                    .param("p", providerId).param("now", now).param("id", id).update();
            meters.sms(org.loyaltyhub.shared.Meters.SendOutcome.SENT);
            return true;
        } catch (SmsProvider.SmsRefused e) {
            jdbc.sql("update sms_message set status = 'FAILED', error = :e, sent_at = :now where id = :id")
                    .param("e", e.getMessage()).param("now", now).param("id", id).update();
            meters.sms(org.loyaltyhub.shared.Meters.SendOutcome.FAILED);
            ledger.post(EntryDraft.transfer(q.circuitId(), "sms-refund:" + id, "SMS_REFUND",
                            "SMS the gateway refused: credits given back")
                    .move(AccountRef.circuit(AccountKind.SMS_SPENT), AccountRef.smsCredits(q.companyId()), q.segments())
                    .company(q.companyId()).build());
            return false;
        }
    }
}
