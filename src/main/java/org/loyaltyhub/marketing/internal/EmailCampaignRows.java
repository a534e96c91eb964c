package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.programs.SegmentUsers;
import org.loyaltyhub.marketing.EmailCampaign;
import org.loyaltyhub.marketing.EmailCampaignDraft;
import org.loyaltyhub.marketing.EmailCampaignReport;
import org.loyaltyhub.marketing.EmailCampaignStatus;
import org.loyaltyhub.marketing.MessageTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** EmailCampaigns and their recipients in the database. */
@Component
class EmailCampaignRows {

    private static final String COLUMNS = "id, name, segment_id, filter, subject_it, body_it, subject_en, body_en, "
            + "attribution_days, status, send_at, created_at, queued_at, finished_at";

    private final JdbcClient jdbc;

    EmailCampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new draft; with a request key already used, the campaign it created (a retried request). */
    long insert(long circuitId, EmailCampaignDraft d, String requestKey, String actor, Instant now) {
        Optional<Long> created = jdbc.sql("insert into email_campaign (circuit_id, name, segment_id, filter, subject_it, "
                        + "body_it, subject_en, body_en, attribution_days, status, request_key, created_by, created_at) "
                        + "values (:c, :name, :segment, :filter, :si, :bi, :se, :be, :days, 'DRAFT', :key, :by, :at) "
                        + "on conflict (circuit_id, request_key) do nothing returning id")
                .params(draftParams(d)).param("c", circuitId).param("key", requestKey).param("by", actor)
                .param("at", Timestamp.from(now)).query(Long.class).optional();
        return created.orElseGet(() -> jdbc.sql("select id from email_campaign where circuit_id = :c and request_key = :key")
                .param("c", circuitId).param("key", requestKey).query(Long.class).single());
    }

    void update(long circuitId, long id, EmailCampaignDraft d) {
        jdbc.sql("update email_campaign set name = :name, segment_id = :segment, filter = :filter, subject_it = :si, "
                        + "body_it = :bi, subject_en = :se, body_en = :be, attribution_days = :days "
                        + "where circuit_id = :c and id = :id")
                .params(draftParams(d)).param("c", circuitId).param("id", id).update();
    }

    private static java.util.Map<String, Object> draftParams(EmailCampaignDraft d) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("name", d.name());
        p.put("segment", d.segmentId());
        p.put("filter", d.filter());
        p.put("si", d.italian().subject());
        p.put("bi", d.italian().body());
        p.put("se", d.english().subject());
        p.put("be", d.english().body());
        p.put("days", d.attributionDays());
        return p;
    }

    Optional<EmailCampaign> find(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from email_campaign where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(EmailCampaignRows::campaign).optional();
    }

    /** The circuit's campaigns still to go out (drafts and scheduled: they read their segment when sent), by id. */
    List<SegmentUsers.SegmentUse> targeting(long circuitId, long segmentId) {
        return jdbc.sql("select id, name from email_campaign where circuit_id = :c and segment_id = :s "
                        + "and status in ('DRAFT', 'SCHEDULED') order by id")
                .param("c", circuitId).param("s", segmentId)
                .query((rs, n) -> new SegmentUsers.SegmentUse(SegmentUsers.SegmentUse.Kind.EMAIL_CAMPAIGN,
                        rs.getLong("id"), rs.getString("name"))).list();
    }

    /** The circuit of a campaign, whoever asks (the tracking links name only the campaign). */
    Optional<Long> circuitOf(long id) {
        return jdbc.sql("select circuit_id from email_campaign where id = :id").param("id", id).query(Long.class).optional();
    }

    List<EmailCampaign> list(long circuitId) {
        return jdbc.sql("select " + COLUMNS + " from email_campaign where circuit_id = :c order by id desc limit 200")
                .param("c", circuitId).query(EmailCampaignRows::campaign).list();
    }

    /** The status moves only from the one read (a concurrent change makes this false). */
    boolean move(long id, EmailCampaignStatus from, EmailCampaignStatus to, Instant sendAt, Instant now) {
        return jdbc.sql("update email_campaign set status = :to, send_at = coalesce(cast(:sendAt as timestamptz), send_at), "
                        + "queued_at = case when :to = 'SENDING' then :now else queued_at end, "
                        + "finished_at = case when :to in ('SENT', 'CANCELLED') then :now else finished_at end "
                        + "where id = :id and status = :from")
                .param("id", id).param("from", from.name()).param("to", to.name())
                .param("sendAt", sendAt == null ? null : Timestamp.from(sendAt)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Scheduled campaigns whose time has come, oldest first. */
    List<Long> due(Instant now) {
        return jdbc.sql("select id from email_campaign where status = 'SCHEDULED' and send_at <= :now order by send_at, id")
                .param("now", Timestamp.from(now)).query(Long.class).list();
    }

    List<Long> sending() {
        return jdbc.sql("select id from email_campaign where status = 'SENDING' order by id").query(Long.class).list();
    }

    /**
     * Queues the members the audience query selects ({@code from ... where ...} over {@code segment_member m}) that
     * have an e-mail address and the marketing consent in force; a member already queued stays as they were.
     */
    int queue(long campaignId, SegmentSql.Compiled audience) {
        return jdbc.sql("insert into email_campaign_recipient (campaign_id, member_id, status) select :campaign, m.member_id, "
                        + "'QUEUED' " + audience.from() + " and m.email is not null and " + MARKETING_CONSENT
                        + " on conflict do nothing")
                .params(audience.params()).param("campaign", campaignId).update();
    }

    /** The latest marketing consent of the member {@code m} is a grant (the consents in force, kept on member_facts). */
    static final String MARKETING_CONSENT = "coalesce((select 'MARKETING' = any(f.consents_given) from "
            + "segment_member_facts f where f.member_id = m.member_id), false)";

    /** Up to {@code limit} recipients still queued, locked for this transaction (another node skips them). */
    List<Long> takeQueued(long campaignId, int limit) {
        return jdbc.sql("select member_id from email_campaign_recipient where campaign_id = :c and status = 'QUEUED' "
                        + "order by member_id limit :n for update skip locked")
                .param("c", campaignId).param("n", limit).query(Long.class).list();
    }

    void sent(long campaignId, long memberId, Long outboxId, Instant now) {
        jdbc.sql("update email_campaign_recipient set status = :s, outbox_id = :o, sent_at = :now "
                        + "where campaign_id = :c and member_id = :m")
                .param("s", outboxId == null ? "SKIPPED" : "SENT").param("o", outboxId)
                .param("now", Timestamp.from(now)).param("c", campaignId).param("m", memberId).update();
    }

    boolean anyQueued(long campaignId) {
        return jdbc.sql("select exists (select 1 from email_campaign_recipient where campaign_id = :c and status = 'QUEUED')")
                .param("c", campaignId).query(Boolean.class).single();
    }

    /** E-mails queued in the minute up to {@code now}. */
    long sentInMinuteBefore(Instant now) {
        return jdbc.sql("select count(*) from email_campaign_recipient where sent_at > :since and sent_at <= :now "
                        + "and status = 'SENT'")
                .param("since", Timestamp.from(now.minusSeconds(60))).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The first open or click of a recipient (later ones change nothing). */
    void opened(long campaignId, long memberId, Instant now) {
        jdbc.sql("update email_campaign_recipient set opened_at = :now where campaign_id = :c and member_id = :m "
                        + "and status = 'SENT' and opened_at is null")
                .param("now", Timestamp.from(now)).param("c", campaignId).param("m", memberId).update();
    }

    void clicked(long campaignId, long memberId, Instant now) {
        jdbc.sql("update email_campaign_recipient set clicked_at = :now, opened_at = coalesce(opened_at, :now) "
                        + "where campaign_id = :c and member_id = :m and status = 'SENT' and clicked_at is null")
                .param("now", Timestamp.from(now)).param("c", campaignId).param("m", memberId).update();
    }

    EmailCampaignReport report(long circuitId, long campaignId, int attributionDays) {
        return jdbc.sql("""
                        select count(*) as recipients,
                               count(*) filter (where r.status = 'SENT') as sent,
                               count(*) filter (where o.failed_at is not null) as failed,
                               count(*) filter (where r.status = 'SKIPPED') as skipped,
                               count(*) filter (where r.status = 'SENT' and exists (select 1
                                   from campaign_consent_withdrawn w where w.member_id = r.member_id
                                    and w.circuit_id = :c and w.recorded_at >= r.sent_at)) as unsubscribed,
                               count(r.opened_at) as opened,
                               count(r.clicked_at) as clicked,
                               coalesce(sum(p.purchases), 0) as purchases,
                               coalesce(sum(p.total), 0) as total,
                               coalesce(sum(pp.points), 0) as points
                          from email_campaign_recipient r
                          left join mail_outbox o on o.id = r.outbox_id
                          left join lateral (select count(*) as purchases, sum(cp.total) as total
                                               from campaign_purchase cp
                                              where cp.member_id = r.member_id and cp.circuit_id = :c
                                                and cp.occurred_at >= r.sent_at
                                                and cp.occurred_at < r.sent_at + make_interval(days => :days)) p
                                 on r.status = 'SENT'
                          left join lateral (select sum(a.base_points) as points from campaign_purchase_points a
                                              where a.member_id = r.member_id and a.circuit_id = :c
                                                and a.occurred_at >= r.sent_at
                                                and a.occurred_at < r.sent_at + make_interval(days => :days)) pp
                                 on r.status = 'SENT'
                         where r.campaign_id = :id""")
                .param("c", circuitId).param("id", campaignId).param("days", attributionDays)
                .query((rs, n) -> new EmailCampaignReport(rs.getLong("recipients"), rs.getLong("sent") - rs.getLong("failed"),
                        rs.getLong("failed"), rs.getLong("skipped"), rs.getLong("unsubscribed"), rs.getLong("opened"),
                        rs.getLong("clicked"), rs.getLong("purchases"), rs.getBigDecimal("total"),
                        rs.getLong("points")))
                .single();
    }

    private static EmailCampaign campaign(ResultSet rs, int n) throws SQLException {
        Long segment = rs.getObject("segment_id", Long.class);
        EmailCampaignDraft draft = new EmailCampaignDraft(rs.getString("name"), segment,
                rs.getString("filter"), new MessageTemplate(rs.getString("subject_it"), rs.getString("body_it")),
                new MessageTemplate(rs.getString("subject_en"), rs.getString("body_en")), rs.getInt("attribution_days"));
        return new EmailCampaign(rs.getLong("id"), draft, EmailCampaignStatus.valueOf(rs.getString("status")),
                instant(rs, "send_at"), instant(rs, "created_at"), instant(rs, "queued_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
