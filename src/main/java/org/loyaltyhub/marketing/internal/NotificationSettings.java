package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.Channel;
import org.loyaltyhub.marketing.MessageTemplate;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.NotificationSetting;
import org.loyaltyhub.marketing.SmsTemplate;
import org.loyaltyhub.members.Language;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A circuit's switches, templates and e-mail colour, as stored; a template the circuit did not write is the default
 * shipped in both languages ({@code notification.<KIND>.subject|body} in the messages files).
 */
@Component
public class NotificationSettings {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    NotificationSettings(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** The circuit's look and the key its unsubscribe links are signed with. */
    public record Style(String colour, String signingKey) {
    }

    public List<NotificationSetting> all(long circuitId) {
        Map<NotificationKind, NotificationSetting> stored = jdbc.sql(
                        "select kind, enabled, threshold, days, sms from notification_setting where circuit_id = :c")
                .param("c", circuitId)
                .query((rs, n) -> new NotificationSetting(NotificationKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                        (Long) rs.getObject(3, Long.class), (Integer) rs.getObject(4, Integer.class), rs.getBoolean(5)))
                .list().stream().collect(Collectors.toMap(NotificationSetting::kind, Function.identity()));
        return Arrays.stream(NotificationKind.values())
                .map(k -> stored.getOrDefault(k, NotificationSetting.unset(k))).toList();
    }

    public NotificationSetting of(long circuitId, NotificationKind kind) {
        return jdbc.sql("select enabled, threshold, days, sms from notification_setting where circuit_id = :c "
                        + "and kind = :k")
                .param("c", circuitId).param("k", kind.name())
                .query((rs, n) -> new NotificationSetting(kind, rs.getBoolean(1), (Long) rs.getObject(2, Long.class),
                        (Integer) rs.getObject(3, Integer.class), rs.getBoolean(4)))
                .optional().orElse(NotificationSetting.unset(kind));
    }

    /** The circuits that send this kind, for the jobs. */
    public List<Long> circuitsSending(NotificationKind kind) {
        return jdbc.sql("select circuit_id from notification_setting where kind = :k and enabled order by circuit_id")
                .param("k", kind.name()).query(Long.class).list();
    }

    void save(long circuitId, NotificationSetting s) {
        jdbc.sql("""
                        insert into notification_setting (circuit_id, kind, enabled, threshold, days, sms)
                        values (:c, :k, :enabled, :threshold, :days, :sms)
                        on conflict (circuit_id, kind) do update set enabled = excluded.enabled,
                            threshold = excluded.threshold, days = excluded.days, sms = excluded.sms""")
                .param("c", circuitId).param("k", s.kind().name()).param("enabled", s.enabled()).param("sms", s.sms())
                .param("threshold", s.threshold()).param("days", s.days()).update();
    }

    public MessageTemplate template(long circuitId, NotificationKind kind, Language language, Channel channel) {
        return custom(circuitId, kind, language, channel).orElseGet(() -> standard(kind, language));
    }

    Optional<MessageTemplate> custom(long circuitId, NotificationKind kind, Language language, Channel channel) {
        return jdbc.sql("select subject, body from notification_template where circuit_id = :c and kind = :k "
                        + "and language = :l and channel = :ch")
                .param("c", circuitId).param("k", kind.name()).param("l", language.code()).param("ch", channel.name())
                .query((rs, n) -> new MessageTemplate(rs.getString(1), rs.getString(2))).optional();
    }

    /** The SMS of a notification in a language: the circuit's, else the short one shipped. */
    public SmsTemplate smsTemplate(long circuitId, NotificationKind kind, Language language) {
        return customSms(circuitId, kind, language).orElseGet(() -> standardSms(kind, language));
    }

    Optional<SmsTemplate> customSms(long circuitId, NotificationKind kind, Language language) {
        return jdbc.sql("select body from notification_template where circuit_id = :c and kind = :k "
                        + "and language = :l and channel = 'SMS'")
                .param("c", circuitId).param("k", kind.name()).param("l", language.code())
                .query((rs, n) -> new SmsTemplate(rs.getString(1))).optional();
    }

    /** The SMS shipped with the application ({@code notification.<KIND>.sms}), short enough for one SMS mostly. */
    public SmsTemplate standardSms(NotificationKind kind, Language language) {
        return new SmsTemplate(messages.getMessage("notification." + kind.name() + ".sms", null, language.locale()));
    }

    void saveSmsTemplate(long circuitId, NotificationKind kind, Language language, SmsTemplate t) {
        jdbc.sql("""
                        insert into notification_template (circuit_id, kind, language, channel, subject, body)
                        values (:c, :k, :l, 'SMS', null, :body)
                        on conflict (circuit_id, kind, language, channel) do update set body = excluded.body,
                            updated_at = now()""")
                .param("c", circuitId).param("k", kind.name()).param("l", language.code())
                .param("body", t.body()).update();
    }

    /** The template shipped with the application. */
    public MessageTemplate standard(NotificationKind kind, Language language) {
        String key = "notification." + kind.name();
        return new MessageTemplate(messages.getMessage(key + ".subject", null, language.locale()),
                messages.getMessage(key + ".body", null, language.locale()).replace("\\n", "\n"));
    }

    void saveTemplate(long circuitId, NotificationKind kind, Language language, Channel channel, MessageTemplate t) {
        jdbc.sql("""
                        insert into notification_template (circuit_id, kind, language, channel, subject, body)
                        values (:c, :k, :l, :ch, :subject, :body)
                        on conflict (circuit_id, kind, language, channel) do update set subject = excluded.subject,
                            body = excluded.body, updated_at = now()""")
                .param("c", circuitId).param("k", kind.name()).param("l", language.code()).param("ch", channel.name())
                .param("subject", t.subject()).param("body", t.body()).update();
    }

    void resetTemplate(long circuitId, NotificationKind kind, Language language, Channel channel) {
        jdbc.sql("delete from notification_template where circuit_id = :c and kind = :k and language = :l "
                        + "and channel = :ch")
                .param("c", circuitId).param("k", kind.name()).param("l", language.code()).param("ch", channel.name())
                .update();
    }

    public Style style(long circuitId) {
        jdbc.sql("insert into notification_circuit (circuit_id) values (:c) on conflict do nothing")
                .param("c", circuitId).update();
        return jdbc.sql("select colour, signing_key from notification_circuit where circuit_id = :c")
                .param("c", circuitId).query((rs, n) -> new Style(rs.getString(1), rs.getString(2))).single();
    }

    void saveColour(long circuitId, String colour) {
        style(circuitId);
        jdbc.sql("update notification_circuit set colour = :colour where circuit_id = :c")
                .param("c", circuitId).param("colour", colour).update();
    }

    /** Whether a circuit's campaigns count opens (a tracking pixel) and clicks (links through a redirect). */
    public record Tracking(boolean opens, boolean clicks) {
    }

    public Tracking tracking(long circuitId) {
        style(circuitId);
        return jdbc.sql("select track_opens, track_clicks from notification_circuit where circuit_id = :c")
                .param("c", circuitId).query((rs, n) -> new Tracking(rs.getBoolean(1), rs.getBoolean(2))).single();
    }

    void saveTracking(long circuitId, Tracking tracking) {
        style(circuitId);
        jdbc.sql("update notification_circuit set track_opens = :o, track_clicks = :k where circuit_id = :c")
                .param("c", circuitId).param("o", tracking.opens()).param("k", tracking.clicks()).update();
    }
}
