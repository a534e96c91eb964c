package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShareVisitPolicyTest {

    private final ShareVisitPolicy policy = new ShareVisitPolicy(10, 3);

    @Test
    void aNewVisitorEarnsTheMemberTheCircuitsPointsUntilTheDailyCap() {
        assertThat(policy.points(false, 0)).isEqualTo(10);
        assertThat(policy.points(false, 2)).isEqualTo(10);
        assertThat(policy.points(false, 3)).isZero();
    }

    @Test
    void theMembersOwnVisitsAndACircuitWithoutPointsEarnNothing() {
        assertThat(policy.points(true, 0)).isZero();
        assertThat(new ShareVisitPolicy(0, 3).points(false, 0)).isZero();
    }
}
