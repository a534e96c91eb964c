package org.loyaltyhub.analytics;

import org.loyaltyhub.marketing.RfmSegment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RfmGridTest {

    @Test
    void theGridNamesEachCornerAsTheUsualRfmMapDoes() {
        assertThat(RfmGrid.of(5, 5, 5)).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(RfmGrid.of(5, 1, 1)).isEqualTo(RfmSegment.NEW_CUSTOMERS);
        assertThat(RfmGrid.of(4, 1, 1)).isEqualTo(RfmSegment.PROMISING);
        assertThat(RfmGrid.of(4, 3, 2)).as("FM rounds (3 + 2) / 2 up to 3").isEqualTo(RfmSegment.POTENTIAL_LOYALISTS);
        assertThat(RfmGrid.of(4, 4, 3)).as("FM 4").isEqualTo(RfmSegment.LOYAL);
        assertThat(RfmGrid.of(3, 3, 3)).isEqualTo(RfmSegment.NEED_ATTENTION);
        assertThat(RfmGrid.of(3, 2, 1)).isEqualTo(RfmSegment.ABOUT_TO_SLEEP);
        assertThat(RfmGrid.of(2, 4, 3)).isEqualTo(RfmSegment.AT_RISK);
        assertThat(RfmGrid.of(1, 5, 5)).isEqualTo(RfmSegment.CANNOT_LOSE);
        assertThat(RfmGrid.of(1, 1, 2)).isEqualTo(RfmSegment.HIBERNATING);
    }

    @Test
    void everySegmentIsReachedAndTheTableIsIndexedByQuintiles() {
        List<String> table = RfmGrid.table();
        assertThat(table).hasSize(125).containsAll(java.util.Arrays.stream(RfmSegment.values()).map(Enum::name).toList());
        assertThat(table.get(25 * (5 - 1) + 5 * (5 - 1) + (5 - 1))).isEqualTo("CHAMPIONS");
        assertThat(table.get(25 * (2 - 1) + 5 * (4 - 1) + (3 - 1))).isEqualTo("AT_RISK");
    }

    @Test
    void aQuintileOutsideOneToFiveIsRefused() {
        assertThatThrownBy(() -> RfmGrid.of(0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RfmGrid.of(3, 6, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
