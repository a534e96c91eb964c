package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.shared.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Counts a campaign e-mail's first open and first click from its signed links, whoever follows them (the signature
 * is the authorisation). A link with a wrong signature is not found and counts nothing.
 */
@Service
@Transactional
public class OpensAndClicks {

    private final EmailCampaignRows rows;
    private final TrackingLinks links;
    private final NotificationSettings settings;
    private final Clock clock;

    OpensAndClicks(EmailCampaignRows rows, TrackingLinks links, NotificationSettings settings, Clock clock) {
        this.rows = rows;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    public void opened(long campaignId, long memberId, String signature) {
        long circuitId = circuit(campaignId);
        if (!links.validOpen(circuitId, campaignId, memberId, signature)) {
            throw new NotFound("Link", campaignId);
        }
        if (settings.tracking(circuitId).opens()) {
            rows.opened(campaignId, memberId, clock.instant());
        }
    }

    /** Counts the click and returns where the link points. */
    public String clicked(long campaignId, long memberId, String signature, String target) {
        long circuitId = circuit(campaignId);
        if (!links.validClick(circuitId, campaignId, memberId, target, signature)) {
            throw new NotFound("Link", campaignId);
        }
        if (settings.tracking(circuitId).clicks()) {
            rows.clicked(campaignId, memberId, clock.instant());
        }
        return target;
    }

    private long circuit(long campaignId) {
        return rows.circuitOf(campaignId).orElseThrow(() -> new NotFound("Link", campaignId));
    }
}
