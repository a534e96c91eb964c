package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionSettingsTest {

    @Test
    void byDefaultNoMemberIsErasedForInactivity() {
        assertThat(RetentionSettings.DEFAULTS.erasesInactiveMembers()).isFalse();
        assertThat(new RetentionSettings(3, 30, 5).erasesInactiveMembers()).isTrue();
    }

    @Test
    void valuesOutsideTheirRangesAreRefusedFieldByField() {
        assertThatThrownBy(() -> new RetentionSettings(0, 0, 31)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fieldErrors()).containsOnlyKeys("inactiveMemberYears", "deliveryBodyDays", "auditYears"));
        assertThatThrownBy(() -> new RetentionSettings(31, 3651, 0)).isInstanceOf(InvalidInput.class);
    }
}
