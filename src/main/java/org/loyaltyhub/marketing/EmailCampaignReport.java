package org.loyaltyhub.marketing;

import java.math.BigDecimal;

/**
 * What a campaign did: whom it was queued for, sent to, could not reach (the SMTP server gave up) or skipped (no
 * consent or address any more at sending time); who unsubscribed after receiving it; opens and clicks (distinct
 * recipients; zero when tracking is off); and the purchases recipients made, with the points they earned, within
 * the attribution days after their e-mail.
 */
public record EmailCampaignReport(long recipients, long sent, long failed, long skipped, long unsubscribed, long opened,
                             long clicked, long purchases, BigDecimal purchasesTotal, long points) {
}
