package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.ConditionReader;
import org.loyaltyhub.marketing.SegmentDefinition;
import org.loyaltyhub.marketing.SegmentInput;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentSqlTest {

    private static SegmentDefinition definition(List<SegmentInput.ConditionInput> conditions) {
        return ConditionReader.definition(new SegmentInput(null, null, "ANY", List.of(
                new SegmentInput.GroupInput("ALL", conditions))), (field, id) -> true);
    }

    @Test
    void typedValuesAreBoundNeverWrittenIntoTheQuery() {
        String evil = "x') or true --";
        SegmentSql.Compiled q = SegmentSql.compile(1, definition(List.of(
                new SegmentInput.ConditionInput("CITY", "ANY_OF", List.of(evil), null),
                new SegmentInput.ConditionInput("CARD_GROUP", "NONE_OF", List.of(evil), null))),
                Instant.parse("2026-06-15T10:00:00Z"), null);
        assertThat(q.from()).doesNotContain(evil).doesNotContain("or true");
        assertThat(q.params().values()).contains(List.of(evil));
    }

    @Test
    void aReadModelIsJoinedOnceHoweverManyConditionsUseItAndAWindowOncePerLengthAndMeasure() {
        SegmentSql.Compiled q = SegmentSql.compile(1, definition(List.of(
                new SegmentInput.ConditionInput("PURCHASES", "AT_LEAST", List.of("1"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_LEAST", List.of("10"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_MOST", List.of("90"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_LEAST", List.of("10"), 12),
                new SegmentInput.ConditionInput("POINTS_BALANCE", "AT_LEAST", List.of("1"), null),
                new SegmentInput.ConditionInput("POINTS_BALANCE", "AT_MOST", List.of("100"), null))),
                Instant.parse("2026-06-15T10:00:00Z"), null);
        assertThat(q.from().split("segment_points_balance", -1)).hasSize(2);
        assertThat(q.from()).contains(") w3p on", ") w3s on", ") w12s on");
        assertThat(q.from().split("\\) w3s on", -1)).hasSize(2);
        assertThat(q.params().get("w3s")).isEqualTo(java.sql.Date.valueOf("2026-04-01"));
        assertThat(q.params().get("w12s")).isEqualTo(java.sql.Date.valueOf("2025-07-01"));
    }

    @Test
    void aCompanyAdministratorsQueryKeepsTheMembersTheirCompanyDealsWith() {
        SegmentDefinition d = definition(List.of(new SegmentInput.ConditionInput("GENDER", "ANY_OF",
                List.of("FEMALE"), null)));
        assertThat(SegmentSql.compile(1, d, Instant.now(), 42L).from()).contains("segment_member_company");
        assertThat(SegmentSql.compile(1, d, Instant.now(), 42L).params()).containsEntry("company", 42L);
        assertThat(SegmentSql.compile(1, d, Instant.now(), null).from()).doesNotContain("segment_member_company");
    }
}
