package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Dates, schedules and funnel delays: on one node at a time, for each active date or schedule promotion falling due
 * today in its circuit's time zone, each member it may reach is given it in a transaction of their own under the
 * business key (promotion, member, occurrence), so a second round the same day gives nothing again; then each funnel
 * run that is due is settled once.
 */
@Component
public class CampaignJobs {

    private static final Logger log = LoggerFactory.getLogger(CampaignJobs.class);
    private static final int BATCH = 500;

    private final ClusterJobs jobs;
    private final PromotionStore promotions;
    private final OccasionStore occasions;
    private final CampaignOccasions apply;
    private final FunnelStore funnels;
    private final FunnelRunner runner;
    private final java.time.Clock clock;

    CampaignJobs(ClusterJobs jobs, PromotionStore promotions, OccasionStore occasions, CampaignOccasions apply,
                 FunnelStore funnels, FunnelRunner runner, java.time.Clock clock) {
        this.clock = clock;
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

    private int dated(long circuitId, Promotion p, LocalDate today, ZoneId zone, Instant asOf) {
        String occurrence = CampaignCalendar.occurrence(p.trigger(), today);
        if (occurrence == null || !p.validity().contains(asOf)) {
            return 0;
        }
        int given = 0;
        long after = 0;
        for (List<Long> page = occasions.due(circuitId, p, today, zone, occurrence, after, BATCH); !page.isEmpty();
             page = occasions.due(circuitId, p, today, zone, occurrence, after, BATCH)) {
            for (long memberId : page) {
                given += jobs.runItem("Campaigns", "promotion " + p.id() + " member " + memberId,
                        () -> apply.apply(circuitId, memberId, new PromotionEngine.Occasion.Due(p.id()), occurrence,
                                asOf, List.of(p), "campaigns-job").acted() > 0) ? 1 : 0;
            }
            after = page.getLast();
        }
        return given;
    }
}
