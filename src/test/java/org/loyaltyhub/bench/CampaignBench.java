package org.loyaltyhub.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.loyaltyhub.marketing.internal.EmailCampaignSender;
import org.loyaltyhub.marketing.internal.SendingRate;
import org.springframework.context.ApplicationContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The campaigns phase (issue 13): a circuit of its own with {@code members} members seeded by SQL (an address and
 * the marketing consent each), a campaign to all of them (a search filter every one matches) due now; the first
 * round queues every recipient (timed), then rounds every second put e-mails in the outbox at {@code perMinute} and
 * the outbox delivers them to GreenMail (a real SMTP server in this process) for {@code seconds}.
 */
final class CampaignBench {

    /** The SMTP server the application of the benchmark sends to (started before it, when the phase is chosen). */
    static GreenMail smtp() {
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        return mail;
    }

    record Result(int members, double seedSeconds, long queued, double queueSeconds, int perMinute, double seconds,
                  long outboxed, long delivered, double drainSeconds, long drained) {
        double outboxedPerSecond() {
            return outboxed / seconds;
        }

        double deliveredPerSecond() {
            return delivered / seconds;
        }

        /** How fast the outbox delivered what was left once the campaign stopped adding to it. */
        double drainedPerSecond() {
            return drainSeconds == 0 ? 0 : drained / drainSeconds;
        }
    }

    private CampaignBench() {
    }

    static Result run(ApplicationContext context, DataSource ds, GreenMail smtp, int members, int perMinute,
                      int seconds) throws SQLException, InterruptedException {
        long t0 = System.nanoTime();
        long circuit;
        long campaign;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            circuit = single(s, "insert into circuit (name, currency) values ('Bench campaigns "
                    + System.currentTimeMillis() + "', 'EUR') returning id");
            s.execute("insert into member (circuit_id, first_name, last_name, email, city) select " + circuit
                    + ", 'Bench', 'Mailing ' || g, 'camp' || g || '.' || " + circuit + " || '@bench.test', 'Milano' "
                    + "from generate_series(1, " + members + ") g");
            s.execute("insert into consent (circuit_id, member_id, kind, granted, text_version, source) select "
                    + circuit + ", id, 'MARKETING', true, '1', 'bench' from member where circuit_id = " + circuit);
            for (String table : List.of("member", "consent")) {
                s.execute("analyze " + table);
            }
            campaign = single(s, "insert into email_campaign (circuit_id, name, filter, subject_it, body_it, "
                    + "subject_en, body_en, attribution_days, status, send_at, created_by, created_at) values ("
                    + circuit + ", 'Bench', 'Mailing', 'Ciao {first_name}', 'Offerta: https://shop.example.org/x', "
                    + "'Hello {first_name}', 'Offer: https://shop.example.org/x', 7, 'SCHEDULED', now(), 'bench', now()) "
                    + "returning id");
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        EmailCampaignSender sender = context.getBean(EmailCampaignSender.class);
        Clock clock = context.getBean(Clock.class);
        SendingRate rate = new SendingRate(perMinute);
        int before = smtp.getReceivedMessages().length;

        long t1 = System.nanoTime();
        sender.runAt(clock.instant(), new SendingRate(1));
        double queueSeconds = (System.nanoTime() - t1) / 1e9;
        long queued = count(ds, "select count(*) from email_campaign_recipient where campaign_id = " + campaign);

        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            sender.runAt(clock.instant(), rate);
            Thread.sleep(1000);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long outboxed = count(ds, "select count(*) from email_campaign_recipient where campaign_id = " + campaign
                + " and status = 'SENT'");
        long delivered = smtp.getReceivedMessages().length - before;
        // then the outbox alone: what it delivers once nothing more is added, for up to as long again
        long drainStart = System.nanoTime();
        long drainEnd = drainStart + seconds * 1_000_000_000L;
        while (smtp.getReceivedMessages().length - before < outboxed && System.nanoTime() < drainEnd) {
            Thread.sleep(200);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        long drained = smtp.getReceivedMessages().length - before - delivered;
        return new Result(members, seedSeconds, queued, queueSeconds, perMinute, elapsed, outboxed, delivered,
                drainSeconds, drained);
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return single(s, sql);
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
