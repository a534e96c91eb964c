package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailCampaignStatusTest {

    @Test
    void aDraftIsScheduledSentAndFinished() {
        assertThat(EmailCampaignStatus.DRAFT.schedule()).isEqualTo(EmailCampaignStatus.SCHEDULED);
        assertThat(EmailCampaignStatus.SCHEDULED.start()).isEqualTo(EmailCampaignStatus.SENDING);
        assertThat(EmailCampaignStatus.SENDING.finish()).isEqualTo(EmailCampaignStatus.SENT);
    }

    @Test
    void aCampaignThatWentOutCannotChangeOrStartAgain() {
        assertThatThrownBy(EmailCampaignStatus.SENDING::checkEditable)
                .isInstanceOf(EmailCampaignStatus.WrongStatus.class).hasMessageContaining("sending");
        assertThatThrownBy(EmailCampaignStatus.SENT::start).isInstanceOf(EmailCampaignStatus.WrongStatus.class);
        assertThatThrownBy(EmailCampaignStatus.SENT::cancel).isInstanceOf(EmailCampaignStatus.WrongStatus.class);
        assertThatThrownBy(EmailCampaignStatus.CANCELLED::schedule).isInstanceOf(EmailCampaignStatus.WrongStatus.class);
        assertThatThrownBy(EmailCampaignStatus.DRAFT::finish).isInstanceOf(EmailCampaignStatus.WrongStatus.class);
    }

    @Test
    void sendingCanBeCancelledLeavingTheRestUnsent() {
        assertThat(EmailCampaignStatus.SENDING.cancel()).isEqualTo(EmailCampaignStatus.CANCELLED);
    }
}
