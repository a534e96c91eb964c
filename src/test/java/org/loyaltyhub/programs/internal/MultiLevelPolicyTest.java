package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MultiLevelPolicyTest {

    @Test
    void aLevelGetsItsPercentOfThePointsRoundedDownToWholePoints() {
        assertThat(MultiLevelPolicy.commission(100, new BigDecimal("10"))).isEqualTo(10);
        assertThat(MultiLevelPolicy.commission(99, new BigDecimal("10"))).isEqualTo(9);
        assertThat(MultiLevelPolicy.commission(9, new BigDecimal("10"))).as("0.9 gives nothing").isZero();
        assertThat(MultiLevelPolicy.commission(333, new BigDecimal("2.5"))).isEqualTo(8);
        assertThat(MultiLevelPolicy.commission(0, new BigDecimal("50"))).isZero();
        assertThat(MultiLevelPolicy.commission(-10, new BigDecimal("50"))).isZero();
    }

    @Test
    void aCreditStopsAtWhatTheMonthlyCapStillAllows() {
        assertThat(MultiLevelPolicy.change(50, 0, 0, 0)).as("no cap").isEqualTo(50);
        assertThat(MultiLevelPolicy.change(50, 0, 80, 100)).isEqualTo(20);
        assertThat(MultiLevelPolicy.change(50, 0, 100, 100)).isZero();
        assertThat(MultiLevelPolicy.change(50, 0, 130, 100)).as("over the cap after a change of it").isZero();
        assertThat(MultiLevelPolicy.change(50, 20, 90, 100)).isEqualTo(10);
    }

    @Test
    void aLowerTargetTakesBackWhatIsOverWhateverTheCap() {
        assertThat(MultiLevelPolicy.change(5, 20, 100, 100)).isEqualTo(-15);
        assertThat(MultiLevelPolicy.change(0, 20, 0, 0)).isEqualTo(-20);
        assertThat(MultiLevelPolicy.change(20, 20, 0, 0)).isZero();
    }
}
