package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Dates, schedules and funnel delays: on one node at a time, for each active date or schedule promotion falling due
 * today in its circuit's time zone, each member it may reach is given it in a transaction of their own under the
 * business key (promotion, member, occurrence), so a second round the same day gives nothing again; then each funnel
 * run that is due is settled once. Days missed (the application was down) are caught up: a round walks each
 * promotion's days from the one after the last it finished, at most {@value #CATCH_UP_DAYS} days back, to today (a
 * promotion's first round does today only). A promotion for a segment evaluates the segment once a round and asks
 * the date query for its members only.
 */
@Component
public class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);
    private static final int BATCH = 500;
    /** How many days before today a round still gives what it missed (a longer stop loses the older days). */
    public static final int CATCH_UP_DAYS = 7;

    private final ClusterJobs jobs;
    private final PromotionStore promotions;
    private final OccasionStore occasions;
    private final CampaignOccasions apply;
    private final FunnelStore funnels;
    private final FunnelRunner runner;
    private final java.time.Clock clock;
    private final ObjectProvider<SegmentMembers> segments;

    CampaignJobs(ClusterJobs jobs, PromotionStore promotions, OccasionStore occasions, CampaignOccasions apply,
                 FunnelStore funnels, FunnelRunner runner, java.time.Clock clock,
                 ObjectProvider<SegmentMembers> segments) {
        this.clock = clock;
        this.segments = segments;
        this.jobs = jobs;
        this.promotions = promotions;
        this.occasions = occasions;
        this.apply = apply;
        this.funnels = funnels;
        this.runner = runner;
    }

    /** A round: members given a date or schedule promotion, funnel runs settled. */
    public record Run(int given, int funnelRuns) {
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.jobs.campaigns-interval:PT10M}", initialDelayString = "PT45S")
    void scheduled() {
        Run run = runAt(clock.instant());
        if (run != null && (run.given() > 0 || run.funnelRuns() > 0)) {
            log.info("Campaigns: {} date or schedule promotions given, {} funnel runs settled", run.given(), run.funnelRuns());
        }
    }

    /** Runs one round as of {@code asOf}; null when another node is running it. */
    public Run runAt(Instant asOf) {
        return jobs.runExclusively("campaigns", () -> {
            int given = 0;
            for (Map.Entry<Long, List<Promotion>> circuit : promotions.activeDated().entrySet()) {
                ZoneId zone = promotions.zone(circuit.getKey());
                LocalDate today = LocalDate.ofInstant(asOf, zone);
                for (Promotion p : circuit.getValue()) {
                    given += dated(circuit.getKey(), p, today, zone, asOf);
                }
            }
            int settled = 0;
            for (FunnelStore.Run r : funnels.due(asOf, BATCH)) {
                settled += jobs.runItem("Campaigns", "funnel run " + r.id(),
                        () -> runner.settle(r.id(), "campaigns-job") != null) ? 1 : 0;
            }
            return new Run(given, settled);
        });
    }

    /** The promotion's days from the first not finished (at most {@value #CATCH_UP_DAYS} back) through today. */
    private int dated(long circuitId, Promotion p, LocalDate today, ZoneId zone, Instant asOf) {
        List<LocalDate> days = CampaignCalendar.daysToWalk(occasions.nextDay(p.id()), today, CATCH_UP_DAYS).stream()
                .filter(d -> occurrence(p, d, zone, asOf) != null).toList();
        long[] among = days.isEmpty() ? null : audience(circuitId, p);
        int given = 0;
        for (LocalDate day : days) {
            given += day(circuitId, p, day, zone, asOf, among);
        }
        occasions.doneThrough(circuitId, p.id(), today.minusDays(1));
        return given;
    }

    /** The day's occurrence, if the day has one and the promotion was valid by the day's end (or now, today). */
    private static String occurrence(Promotion p, LocalDate day, ZoneId zone, Instant asOf) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant().minusNanos(1);
        String occurrence = CampaignCalendar.occurrence(p.trigger(), day);
        return occurrence != null && p.validity().contains(asOf.isBefore(endOfDay) ? asOf : endOfDay) ? occurrence
                : null;
    }

    /** One day of the promotion, to every member it reaches or, with {@code among}, to those of them only. */
    private int day(long circuitId, Promotion p, LocalDate day, ZoneId zone, Instant asOf, long[] among) {
        String occurrence = occurrence(p, day, zone, asOf);
        Set<Long> in = among == null ? null : Set.of(p.target().segmentId());
        int given = 0;
        long after = 0;
        for (int chunk = 0; among == null || chunk < among.length; chunk += BATCH) {
            long[] part = among == null ? null : Arrays.copyOfRange(among, chunk, Math.min(among.length, chunk + BATCH));
            List<Long> page = occasions.due(circuitId, p, day, zone, occurrence, after, BATCH, part);
            for (long memberId : page) {
                given += jobs.runItem("Campaigns", "promotion " + p.id() + " member " + memberId,
                        () -> apply.apply(circuitId, memberId, new PromotionEngine.Occasion.Due(p.id()), occurrence,
                                asOf, List.of(p), in, "campaigns-job").acted() > 0) ? 1 : 0;
            }
            if (among == null) {
                if (page.isEmpty()) {
                    break;
                }
                after = page.getLast();
            }
        }
        return given;
    }

    /** The ids of the promotion's segment, from one evaluation; null for a promotion without a segment. */
    private long[] audience(long circuitId, Promotion p) {
        Long segment = p.target().segmentId();
        SegmentMembers members = segments.getIfAvailable();
        return segment == null || members == null ? null : members.all(circuitId, segment);
    }
}
