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
    void aReadModelIsJoinedOnceHoweverManyConditionsUseItAndWindowsAndConsentsComeFromTheFactsRow() {
        SegmentSql.Compiled q = SegmentSql.compile(1, definition(List.of(
                new SegmentInput.ConditionInput("PURCHASES", "AT_LEAST", List.of("1"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_LEAST", List.of("10"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_MOST", List.of("90"), 3),
                new SegmentInput.ConditionInput("SPEND", "AT_LEAST", List.of("10"), 12),
                new SegmentInput.ConditionInput("LIFETIME_POINTS", "AT_LEAST", List.of("10"), null),
                new SegmentInput.ConditionInput("CONSENT", "GIVEN", List.of("MARKETING"), null),
                new SegmentInput.ConditionInput("LAST_PURCHASE", "WITHIN_DAYS", List.of("30"), null),
                new SegmentInput.ConditionInput("POINTS_BALANCE", "AT_LEAST", List.of("1"), null),
                new SegmentInput.ConditionInput("POINTS_BALANCE", "AT_MOST", List.of("100"), null))),
                Instant.parse("2026-06-15T10:00:00Z"), null);
        assertThat(q.from().split("segment_points_balance", -1)).hasSize(2);
        assertThat(q.from().split("segment_member_facts", -1)).as("one facts row per member").hasSize(2);
        assertThat(q.from()).doesNotContain("segment_member_activity", "segment_consent", "group by");
        assertThat(q.from()).contains("f.purchases_back[", "f.spent_back[", "f.points_back[cardinality(",
                "any(f.consents_given)");
        // the windows' first months as year * 12 + month - 1: April 2026 (3 months) and July 2025 (12 months)
        assertThat(q.params().values()).contains(2026 * 12 + 3, 2025 * 12 + 6, "MARKETING");
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
