package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MembershipTermTest {

    private static final Instant JAN_31 = Instant.parse("2026-01-31T10:00:00Z");

    @Test
    void aMonthlyPlanBuysOneCalendarMonthAYearlyTwelveAndAOneOffItsOwnMonths() {
        assertThat(MembershipTerm.months(PlanPeriod.MONTHLY, null)).isEqualTo(1);
        assertThat(MembershipTerm.months(PlanPeriod.YEARLY, null)).isEqualTo(12);
        assertThat(MembershipTerm.months(PlanPeriod.FIXED_MONTHS, 6)).isEqualTo(6);
        assertThat(MembershipTerm.end(JAN_31, 1)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(MembershipTerm.end(JAN_31, 12)).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
    }

    @Test
    void aOneOffPlanWithoutItsMonthsHasNoPeriod() {
        assertThatThrownBy(() -> MembershipTerm.months(PlanPeriod.FIXED_MONTHS, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MembershipTerm.months(PlanPeriod.FIXED_MONTHS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNewMembershipStartsNow() {
        MembershipTerm.Period p = MembershipTerm.next(null, JAN_31, 12);
        assertThat(p).isEqualTo(new MembershipTerm.Period(JAN_31, Instant.parse("2027-01-31T10:00:00Z"), false));
    }

    @Test
    void aRenewalOfAMembershipStillInForceExtendsItFromItsCurrentEndSoNothingPaidIsLost() {
        Instant end = Instant.parse("2026-02-10T00:00:00Z");
        MembershipTerm.Period p = MembershipTerm.next(end, JAN_31, 1);
        assertThat(p).isEqualTo(new MembershipTerm.Period(end, Instant.parse("2026-03-10T00:00:00Z"), true));
    }

    @Test
    void aSaleAfterTheEndStartsAfreshFromNow() {
        MembershipTerm.Period p = MembershipTerm.next(Instant.parse("2026-01-01T00:00:00Z"), JAN_31, 1);
        assertThat(p.renewal()).isFalse();
        assertThat(p.from()).isEqualTo(JAN_31);
    }

    @Test
    void theRenewalReminderIsDueAWeekBeforeTheEnd() {
        assertThat(MembershipTerm.reminderDue(Instant.parse("2026-03-10T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void refundingTheSaleThatStartedTheMembershipEndsItNow() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(MembershipTerm.refund(to, from, to, Instant.parse("2026-01-05T00:00:00Z")))
                .isInstanceOf(MembershipTerm.Refund.Ends.class);
    }

    @Test
    void refundingARenewalTakesBackOnlyTheTimeItBought() {
        Instant end = Instant.parse("2026-03-01T00:00:00Z");
        Instant renewalFrom = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(MembershipTerm.refund(end, renewalFrom, end, Instant.parse("2026-01-05T00:00:00Z")))
                .isEqualTo(new MembershipTerm.Refund.Shortened(renewalFrom));
    }

    @Test
    void refundingARenewalWhoseEarlierTimeHasRunOutEndsTheMembershipNow() {
        Instant end = Instant.parse("2026-03-01T00:00:00Z");
        Instant renewalFrom = Instant.parse("2026-02-01T00:00:00Z");
        assertThat(MembershipTerm.refund(end, renewalFrom, end, Instant.parse("2026-02-15T00:00:00Z")))
                .isInstanceOf(MembershipTerm.Refund.Ends.class);
    }

    @Test
    void onlyAMembershipInForceCanEnd() {
        assertThat(MembershipStatus.ACTIVE.end(MembershipStatus.CANCELLED)).isEqualTo(MembershipStatus.CANCELLED);
        assertThatThrownBy(() -> MembershipStatus.ENDED.end(MembershipStatus.CANCELLED))
                .hasMessageContaining("already ended");
        assertThatThrownBy(() -> MembershipStatus.CANCELLED.end(MembershipStatus.ENDED))
                .hasMessageContaining("cancelled");
    }
}
