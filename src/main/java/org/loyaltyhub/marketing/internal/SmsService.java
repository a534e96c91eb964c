package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.EntryDraft;
import org.loyaltyhub.ledger.InsufficientBalance;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.SmsCreditsRecharged;
import org.loyaltyhub.marketing.SmsSegments;
import org.loyaltyhub.marketing.SmsSend;
import org.loyaltyhub.marketing.SmsSettlement;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SMS with company credits (seed 002 "Crediti SMS"). The circuit administrator recharges a company's credits; a
 * company administrator sends SMS to its own customers who have a phone and the marketing consent. The whole send is
 * priced (one credit a segment of each member's text) and debited before anything goes out: without the credits it
 * is refused and nothing is sent. The same request key again answers the send it made.
 */
@Service
@Transactional
public class SmsService {

    public static final long MAX_RECHARGE = 1_000_000;

    private final Ledger ledger;
    private final Tenancy tenancy;
    private final Members members;
    private final Notifier notifier;
    private final SegmentRows segments;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final SmsSender sender;

    SmsService(Ledger ledger, Tenancy tenancy, Members members, Notifier notifier, SegmentRows segments,
               JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, SmsSender sender) {
        this.sender = sender;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.members = members;
        this.notifier = notifier;
        this.segments = segments;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** A company's SMS credits. */
    public record Credits(long companyId, long credits) {
    }

    /** A send: how many members it reaches and the credits it cost. */
    public record Sent(String sendKey, int recipients, long credits) {
    }

    /** An SMS whose send was interrupted while the gateway had it, waiting for an operator to settle it. */
    public record Unsettled(long id, long memberId, String phone, String body, int segments, SmsStatus status,
                            java.time.Instant handedAt, String error) {
    }

    /** The company's SMS whose outcome is unknown (company administrator), oldest first. */
    @Transactional(readOnly = true)
    public List<Unsettled> unsettled(Caller caller) {
        caller.require(Role.COMPANY_ADMIN);
        return jdbc.sql("select id, member_id, phone, body, segments, status, sending_at, error from sms_message "
                        + "where circuit_id = :c and company_id = :company and status = 'UNKNOWN' order by id limit 500")
                .param("c", caller.circuit()).param("company", caller.companyId())
                .query((rs, n) -> new Unsettled(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), SmsStatus.valueOf(rs.getString(6)),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /**
     * Settles one of the company's SMS whose outcome is unknown (company administrator): by asking the gateway, or
     * as the operator checked; never sends it again. Answers its status afterwards.
     */
    public SmsStatus settle(Caller caller, long messageId, SmsSettlement how) {
        caller.require(Role.COMPANY_ADMIN);
        if (how == null) {
            throw new InvalidInput("how", "One of " + java.util.Arrays.toString(SmsSettlement.values()));
        }
        return sender.settle(caller.circuit(), caller.companyId(), messageId, how, caller.actor());
    }

    @Transactional(readOnly = true)
    public Credits credits(Caller caller, long companyId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        Company company = tenancy.company(caller, companyId);
        return new Credits(company.id(), ledger.balance(caller.circuit(), AccountRef.smsCredits(company.id())));
    }

    /**
     * Adds credits to a company's balance and tells billing ({@link SmsCreditsRecharged}, same transaction); the same
     * request key again adds nothing more and tells nothing.
     */
    public Credits recharge(Caller caller, long companyId, long credits, String requestKey) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (credits <= 0 || credits > MAX_RECHARGE) {
            throw new InvalidInput("credits", "Between 1 and " + MAX_RECHARGE + " credits");
        }
        Company company = tenancy.company(caller, companyId);
        PostedEntry entry = ledger.post(EntryDraft.transfer(caller.circuit(),
                        "sms-recharge:" + company.id() + ":" + requestKey, "SMS_RECHARGE", "SMS credits recharge")
                .move(AccountRef.circuit(AccountKind.SMS_ISSUANCE), AccountRef.smsCredits(company.id()), credits)
                .company(company.id()).actor(caller.actor()).build());
        if (!entry.replayed()) {
            events.publishEvent(new SmsCreditsRecharged(caller.circuit(), company.id(), entry.id(), credits));
        }
        return credits(caller, company.id());
    }

    /** Prices the send, debits the company's credits and queues the messages ({@link SmsSender} sends them). */
    public Sent send(Caller caller, SmsSend send, String requestKey) {
        caller.require(Role.COMPANY_ADMIN);
        long companyId = caller.companyId();
        String key = requestKey == null || requestKey.isBlank() ? java.util.UUID.randomUUID().toString()
                : requestKey.strip();
        if (key.length() > 100) {
            throw new InvalidInput("requestKey", "A request key has at most 100 characters");
        }
        var done = replay(caller.circuit(), companyId, key);
        if (done.isPresent()) {
            return done.get();
        }
        Circuit circuit = tenancy.circuit(caller.circuit());
        Language language = Language.ofCountry(circuit.defaultCountry());
        List<Priced> priced = new ArrayList<>();
        for (long memberId : recipients(caller, companyId, send)) {
            Member m = members.own(circuit.id(), memberId);
            String text = send.text().render(notifier.values(circuit, m, language)).text();
            SmsSegments segments = SmsSegments.of(text);
            if (segments.segments() > SmsSegments.MAX_SEGMENTS) {
                throw new InvalidInput("text", "For member " + memberId + " the text takes " + segments.segments()
                        + " segments; at most " + SmsSegments.MAX_SEGMENTS);
            }
            priced.add(new Priced(m, text, segments.segments()));
        }
        if (priced.isEmpty()) {
            throw new InvalidInput("segmentId", "None of the segment's members is your customer with a phone and the "
                    + "marketing consent");
        }
        long cost = priced.stream().mapToLong(Priced::segments).sum();
        AccountRef account = AccountRef.smsCredits(companyId);
        long balance = ledger.balance(circuit.id(), account);
        if (balance < cost) {
            throw new InsufficientBalance(AccountKind.SMS_CREDITS, balance, cost);
        }
        ledger.post(EntryDraft.transfer(circuit.id(), "sms:" + companyId + ":" + key, "SMS_SENT",
                        "SMS to " + priced.size() + " customers")
                .move(account, AccountRef.circuit(AccountKind.SMS_SPENT), cost)
                .company(companyId).actor(caller.actor()).build());
        Timestamp now = Timestamp.from(clock.instant());
        for (Priced p : priced) {
            jdbc.sql("insert into sms_message (circuit_id, company_id, member_id, send_key, phone, body, segments, "
                            + "status, created_at) values (:c, :company, :m, :key, :phone, :body, :segments, 'QUEUED', :at)")
                    .param("c", circuit.id()).param("company", companyId).param("m", p.member().id())
                    .param("key", key).param("phone", p.member().phone()).param("body", p.text())
                    .param("segments", p.segments()).param("at", now).update();
        }
        return new Sent(key, priced.size(), cost);
    }

    private record Priced(Member member, String text, int segments) {
    }

    private java.util.Optional<Sent> replay(long circuitId, long companyId, String key) {
        return jdbc.sql("select count(*), coalesce(sum(segments), 0) from sms_message where circuit_id = :c "
                        + "and company_id = :company and send_key = :key")
                .param("c", circuitId).param("company", companyId).param("key", key)
                .query((rs, n) -> rs.getInt(1) == 0 ? null : new Sent(key, rs.getInt(1), rs.getLong(2)))
                .optional();
    }

    /**
     * The members the send goes to. Listed ones must each be the company's customer with a phone and the marketing
     * consent (otherwise the send is refused, naming them); a segment's are those of them that are.
     */
    private List<Long> recipients(Caller caller, long companyId, SmsSend send) {
        if (send.segmentId() != null) {
            var segment = segments.find(caller.circuit(), send.segmentId())
                    .orElseThrow(() -> new InvalidInput("segmentId", "There is no segment " + send.segmentId()
                            + " in this circuit"));
            SegmentSql.Compiled q = SegmentSql.compile(caller.circuit(), segment.definition(), clock.instant(),
                    companyId);
            return jdbc.sql("select m.member_id " + q.from() + " and m.phone is not null and "
                            + EmailCampaignRows.MARKETING_CONSENT + " order by m.member_id")
                    .params(q.params()).query(Long.class).list();
        }
        List<Long> refused = new ArrayList<>();
        for (long memberId : send.memberIds().stream().distinct().toList()) {
            boolean customer = jdbc.sql("select exists (select 1 from segment_member_company where member_id = :m "
                            + "and company_id = :company)")
                    .params(Map.of("m", memberId, "company", companyId)).query(Boolean.class).single();
            Member m = customer ? members.own(caller.circuit(), memberId) : null;
            if (m == null || m.phone() == null
                    || !ConsentRule.allows(NotificationKind.Audience.MARKETING, m.consents())) {
                refused.add(memberId);
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidInput("memberIds", "Not your customers with a phone and the marketing consent: "
                    + refused.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
        }
        return send.memberIds().stream().distinct().toList();
    }
}
