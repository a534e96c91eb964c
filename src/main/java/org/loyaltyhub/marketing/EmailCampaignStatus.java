package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import org.loyaltyhub.shared.LoyaltyException;

import java.util.Set;

/**
 * Where a campaign is in its life: written (DRAFT), waiting for its time (SCHEDULED), going out (SENDING), done
 * (SENT) or stopped (CANCELLED). Each step checks it is allowed from here and refuses otherwise.
 */
public enum EmailCampaignStatus {
    DRAFT, SCHEDULED, SENDING, SENT, CANCELLED;

    /** A step the campaign's status does not allow, such as editing a campaign already sent. */
    public static class WrongStatus extends LoyaltyException {
        WrongStatus(EmailCampaignStatus from, String step) {
            super("campaign-" + from.name().toLowerCase(java.util.Locale.ROOT), Failure.CONFLICT,
                    "A campaign that is " + from.name().toLowerCase(java.util.Locale.ROOT) + " cannot be " + step);
            with("status", from.name());
        }
    }

    /** Its text and audience may change only before it goes out. */
    public void checkEditable() {
        require(Set.of(DRAFT, SCHEDULED), "changed");
    }

    public EmailCampaignStatus schedule() {
        require(Set.of(DRAFT, SCHEDULED), "scheduled");
        return SCHEDULED;
    }

    /** Sending now, or its scheduled time came. */
    public EmailCampaignStatus start() {
        require(Set.of(DRAFT, SCHEDULED), "sent");
        return SENDING;
    }

    public EmailCampaignStatus cancel() {
        require(Set.of(DRAFT, SCHEDULED, SENDING), "cancelled");
        return CANCELLED;
    }

    public EmailCampaignStatus finish() {
        require(Set.of(SENDING), "finished");
        return SENT;
    }

    private void require(Set<EmailCampaignStatus> from, String step) {
        if (!from.contains(this)) {
            throw new WrongStatus(this, step);
        }
    }
}
