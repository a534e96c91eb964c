package org.loyaltyhub.marketing;

import java.time.Instant;

/** A campaign as the back office shows it. */
public record EmailCampaign(long id, EmailCampaignDraft draft, EmailCampaignStatus status, Instant sendAt, Instant createdAt,
                       Instant queuedAt, Instant finishedAt) {
}
