package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.EntryPosted;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.Notice;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.programs.BadgeChanged;
import org.loyaltyhub.programs.MembershipChanged;
import org.loyaltyhub.programs.MembershipExpiring;
import org.loyaltyhub.programs.ReferralRewarded;
import org.loyaltyhub.programs.StatusEventKind;
import org.loyaltyhub.programs.TierChanged;
import org.loyaltyhub.rewards.VoucherIssued;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the business facts other modules publish in their transactions (entries on a member's points, tier, badge and
 * membership changes, vouchers issued) into notices, in those same transactions. A notice that cannot be made is
 * logged and skipped: a message never undoes the fact it tells about.
 */
@Component
class NotificationTriggers {

    private static final Logger log = LoggerFactory.getLogger(NotificationTriggers.class);

    private final Notifier notifier;
    private final NotificationSettings settings;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final Clock clock;

    NotificationTriggers(Notifier notifier, NotificationSettings settings, Ledger ledger, Tenancy tenancy, Clock clock) {
        this.notifier = notifier;
        this.settings = settings;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @EventListener
    void on(EntryPosted e) {
        if (!concernsMember(e)) {
            return;
        }
        safely(e.circuitId(), () -> tell(e, threshold(e.circuitId())));
    }

    /** Entries posted together (an import's opening balances): the circuit's threshold read once for all of them. */
    @EventListener
    void on(org.loyaltyhub.ledger.EntriesPosted posted) {
        List<EntryPosted> concerned = posted.entries().stream().filter(NotificationTriggers::concernsMember).toList();
        if (concerned.isEmpty()) {
            return;
        }
        safely(posted.circuitId(), () -> {
            Long threshold = threshold(posted.circuitId());
            concerned.forEach(e -> safely(e.circuitId(), () -> tell(e, threshold)));
        });
    }

    private static boolean concernsMember(EntryPosted e) {
        return e.memberId() != null && (e.memberAvailable() != 0 || PointsNews.REDEEMING.contains(e.kind()));
    }

    /** The balance whose crossing the circuit tells members of, if it does. */
    private Long threshold(long circuitId) {
        var thresholdSetting = settings.of(circuitId, NotificationKind.THRESHOLD_REACHED);
        return thresholdSetting.enabled() ? thresholdSetting.threshold() : null;
    }

    private void tell(EntryPosted e, Long threshold) {
        if (threshold == null && !PointsNews.EARNING.contains(e.kind()) && !PointsNews.REDEEMING.contains(e.kind())) {
            return;
        }
        long balance = ledger.memberBalance(e.circuitId(), e.memberId(), clock.instant()).available();
        var news = PointsNews.of(e.kind(), e.reversedKind() != null, e.memberAvailable(), balance, threshold);
        if (news.isEmpty()) {
            return;
        }
        Ledger.Entry entry = ledger.entry(e.circuitId(), e.entryId()).orElseThrow();
        String store = entry.storeId() == null ? "" : tenancy.store(e.circuitId(), entry.storeId()).name();
        Language language = notifier.languageOf(e.circuitId(), e.memberId());
        for (NotificationKind kind : news) {
            long points = kind == NotificationKind.POINTS_REDEEMED ? redeemed(entry) : e.memberAvailable();
            Map<Shortcode, String> values = new EnumMap<>(Shortcode.class);
            values.put(Shortcode.POINTS, Notifier.points(points, language));
            values.put(Shortcode.STORE_NAME, store);
            if (threshold != null) {
                values.put(Shortcode.THRESHOLD, Notifier.points(threshold, language));
            }
            notifier.tell(new Notice(e.circuitId(), e.memberId(), kind,
                    kind.name().toLowerCase() + ":" + e.entryId(), values));
        }
    }

    private static long redeemed(Ledger.Entry entry) {
        return entry.postings().stream().filter(p -> p.account().kind() == AccountKind.REDEEMED && p.amount() > 0)
                .mapToLong(Ledger.Posting::amount).sum();
    }

    @EventListener
    void on(TierChanged e) {
        if (e.to() != null) {
            status(e.circuitId(), e.memberId(), NotificationKind.TIER_CHANGED, Shortcode.TIER,
                    () -> inTheirLanguage(e.circuitId(), e.memberId(), e.toName(), e.to()),
                    "tier:" + e.memberId() + ":" + e.toTierId() + ":" + clock.instant().toEpochMilli());
        }
    }

    @EventListener
    void on(BadgeChanged e) {
        if (e.to() != null) {
            status(e.circuitId(), e.memberId(), NotificationKind.BADGE_CHANGED, Shortcode.BADGE,
                    () -> inTheirLanguage(e.circuitId(), e.memberId(), e.toName(), e.to()),
                    "badge:" + e.memberId() + ":" + e.toBadgeId() + ":" + clock.instant().toEpochMilli());
        }
    }

    /** A tier's or badge's name in the member's language (the English one when the event has no names). */
    private String inTheirLanguage(long circuitId, long memberId, org.loyaltyhub.programs.MemberStatus.Names names,
                                   String english) {
        return names == null ? english : names.in(notifier.languageOf(circuitId, memberId).locale());
    }

    @EventListener
    void on(MembershipChanged e) {
        if (e.kind() == StatusEventKind.MEMBERSHIP_RENEWED) {
            status(e.circuitId(), e.memberId(), NotificationKind.MEMBERSHIP_RENEWED, Shortcode.EXPIRY_DATE,
                    () -> date(e.endsAt(), notifier.languageOf(e.circuitId(), e.memberId())),
                    "membership-renewed:" + e.membershipId() + ":"
                            + e.endsAt().toEpochMilli());
        }
    }

    @EventListener
    void on(MembershipExpiring e) {
        status(e.circuitId(), e.memberId(), NotificationKind.MEMBERSHIP_EXPIRING, Shortcode.EXPIRY_DATE,
                () -> date(e.endsAt(), notifier.languageOf(e.circuitId(), e.memberId())),
                "membership-expiring:" + e.membershipId() + ":"
                        + e.endsAt().toEpochMilli());
    }

    @EventListener
    void on(VoucherIssued e) {
        safely(e.circuitId(), () -> {
            String expiry = date(e.expiresAt(), notifier.languageOf(e.circuitId(), e.memberId()));
            notifier.tell(new Notice(e.circuitId(), e.memberId(), NotificationKind.VOUCHER_ISSUED,
                    "voucher:" + e.voucherId(), Map.of(Shortcode.VOUCHER_CODE, e.code(), Shortcode.EXPIRY_DATE, expiry)));
        });
    }

    /** The member is told what an operator decided about a receipt that waited for review. */
    @EventListener
    void on(org.loyaltyhub.purchases.ReceiptReviewed e) {
        safely(e.circuitId(), () -> {
            String store = tenancy.store(e.circuitId(), e.storeId()).name();
            notifier.tell(e.approved()
                    ? new Notice(e.circuitId(), e.memberId(), NotificationKind.RECEIPT_APPROVED,
                    "receipt:" + e.claimId(), Map.of(Shortcode.STORE_NAME, store))
                    : new Notice(e.circuitId(), e.memberId(), NotificationKind.RECEIPT_REFUSED,
                    "receipt:" + e.claimId(), Map.of(Shortcode.STORE_NAME, store, Shortcode.REASON, e.reason())));
        });
    }

    /** The referrer is told of their reward, once per award (a friend's purchase that took over a reversed one again). */
    @EventListener
    void on(ReferralRewarded e) {
        if (e.referrerPoints() == 0) {
            return;
        }
        safely(e.circuitId(), () -> notifier.tell(new Notice(e.circuitId(), e.referrerId(),
                NotificationKind.REFERRAL_REWARD, "referral:" + e.friendId() + ":" + e.purchaseId(),
                Map.of(Shortcode.POINTS, Notifier.points(e.referrerPoints(),
                        notifier.languageOf(e.circuitId(), e.referrerId()))))));
    }

    /** The value is worked out inside {@link #safely}: a member who cannot be read never undoes the fact. */
    private void status(long circuitId, long memberId, NotificationKind kind, Shortcode shortcode,
                        java.util.function.Supplier<String> value, String key) {
        safely(circuitId, () -> notifier.tell(new Notice(circuitId, memberId, kind, key,
                Map.of(shortcode, value.get()))));
    }

    static String date(Instant at, Language language) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(language.locale())
                .format(at.atZone(ZoneOffset.UTC));
    }

    private void safely(long circuitId, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException ex) {
            log.warn("Circuit {}: a notification could not be prepared: {}", circuitId, ex.toString());
        }
    }
}
