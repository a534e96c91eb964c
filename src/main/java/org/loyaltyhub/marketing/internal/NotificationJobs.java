package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.Notice;
import org.loyaltyhub.marketing.NotificationKind;
import org.loyaltyhub.marketing.Shortcode;
import org.loyaltyhub.members.Language;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.ClusterJobs;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The notifications no single transaction causes: points about to expire (once per member and expiry day, N days
 * ahead as the circuit set) and the birthday greeting (once per member and year). One node at a time runs a round;
 * each member is told in a transaction of their own under a business key, so a crash or a second round repeats
 * nothing.
 */
@Component
public class NotificationJobs {

    private static final int PAGE = 500;

    private final ClusterJobs jobs;
    private final NotificationSettings settings;
    private final Notifier notifier;
    private final Ledger ledger;
    private final Members members;
    private final Clock clock;

    NotificationJobs(ClusterJobs jobs, NotificationSettings settings, Notifier notifier, Ledger ledger,
                     Members members, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.notifier = notifier;
        this.ledger = ledger;
        this.members = members;
        this.clock = clock;
    }

    /** How many members a round told. */
    public record Run(int expiring, int birthdays) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.notification-interval:PT1H}", initialDelayString = "PT2M")
    void scheduled() {
        runAt(clock.instant());
    }

    /** One round as of {@code now}; null when another node runs it. */
    public Run runAt(Instant now) {
        return jobs.runExclusively("notifications", () -> new Run(expiring(now), birthdays(now)));
    }

    private int expiring(Instant now) {
        int told = 0;
        for (long circuitId : settings.circuitsSending(NotificationKind.POINTS_EXPIRING)) {
            int days = settings.of(circuitId, NotificationKind.POINTS_EXPIRING).days();
            long after = 0;
            List<Ledger.ExpiringPoints> page;
            do {
                page = ledger.pointsExpiring(circuitId, now, now.plus(Duration.ofDays(days)), after, PAGE);
                for (Ledger.ExpiringPoints p : page) {
                    LocalDate day = LocalDate.ofInstant(p.firstExpiry(), ZoneOffset.UTC);
                    Language language = notifier.languageOf(circuitId, p.memberId());
                    told += item("member " + p.memberId(), new Notice(circuitId, p.memberId(),
                            NotificationKind.POINTS_EXPIRING, "expiring:" + p.memberId() + ":" + day,
                            Map.of(Shortcode.POINTS, Notifier.points(p.points(), language),
                                    Shortcode.EXPIRY_DATE, NotificationTriggers.date(p.firstExpiry(), language))));
                    after = p.memberId();
                }
            } while (page.size() == PAGE);
        }
        return told;
    }

    private int birthdays(Instant now) {
        int told = 0;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (long circuitId : settings.circuitsSending(NotificationKind.BIRTHDAY)) {
            long after = 0;
            List<Long> page;
            do {
                page = members.bornOn(circuitId, MonthDay.from(today), after, PAGE);
                for (long memberId : page) {
                    told += item("member " + memberId, new Notice(circuitId, memberId, NotificationKind.BIRTHDAY,
                            "birthday:" + memberId + ":" + today.getYear(), Map.of()));
                    after = memberId;
                }
            } while (page.size() == PAGE);
        }
        return told;
    }

    private int item(String what, Notice notice) {
        return jobs.runItem("Notifications", what, () -> notifier.tell(notice)) ? 1 : 0;
    }
}
