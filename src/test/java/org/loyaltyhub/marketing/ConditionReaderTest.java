package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.members.AgeGroup;
import org.loyaltyhub.members.ConsentKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionReaderTest {

    private static final ConditionReader.Known ONLY_7 = (field, id) -> id == 7;

    private static SegmentInput one(String field, String operator, List<String> values, Integer months) {
        return new SegmentInput("Name", null, "ALL", List.of(new SegmentInput.GroupInput("ALL",
                List.of(new SegmentInput.ConditionInput(field, operator, values, months)))));
    }

    private static Condition read(String field, String operator, List<String> values, Integer months) {
        return ConditionReader.read(one(field, operator, values, months), ONLY_7).definition().groups().getFirst()
                .conditions().getFirst();
    }

    private static Flaw flaw(SegmentInput in, String path) {
        try {
            ConditionReader.read(in, ONLY_7);
        } catch (InvalidSegment e) {
            assertThat(e.flaws()).containsKey(path);
            return e.flaws().get(path);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void eachShapeOfValueBecomesItsCase() {
        assertThat(read("points_balance", "AT_LEAST", List.of("100"), null))
                .isEqualTo(new Condition.Quantity(SegmentField.POINTS_BALANCE, SegmentOperator.AT_LEAST,
                        BigDecimal.valueOf(100), null, null));
        assertThat(read("SPEND", "BETWEEN", List.of("10.5", "20"), 6)).isEqualTo(new Condition.Quantity(
                SegmentField.SPEND, SegmentOperator.BETWEEN, new BigDecimal("10.50"), new BigDecimal("20.00"), 6));
        assertThat(read("CITY", "ANY_OF", List.of(" Milano ", "MILANO", "Roma"), null))
                .isEqualTo(new Condition.OneOf(SegmentField.CITY, SegmentOperator.ANY_OF, List.of("milano", "roma")));
        assertThat(read("POSTCODE", "NONE_OF", List.of("00 100"), null).values()).containsExactly("00100");
        assertThat(read("TIER", "ANY_OF", List.of("7"), null).values()).containsExactly("7");
        assertThat(read("BIRTHDAY_MONTH", "ANY_OF", List.of("05"), null).values()).containsExactly("5");
        assertThat(read("ENROLLED", "ON_OR_AFTER", List.of("2026-01-31"), null)).isEqualTo(new Condition.Dated(
                SegmentField.ENROLLED, SegmentOperator.ON_OR_AFTER, LocalDate.of(2026, 1, 31), null, null));
        assertThat(read("LAST_PURCHASE", "NOT_WITHIN_DAYS", List.of("90"), null).values()).containsExactly("90");
        assertThat(read("CONSENT", "GIVEN", List.of("newsletter"), null))
                .isEqualTo(new Condition.Consented(ConsentKind.NEWSLETTER, true));
    }

    @Test
    void aConditionReadBackFromItsValuesIsTheSame() {
        Condition c = read("SPEND", "AT_MOST", List.of("99.9"), 3);
        assertThat(read(c.field().name(), c.operator().name(), c.values(), c.months())).isEqualTo(c);
    }

    @Test
    void everyFlawIsNamedByItsPath() {
        String at = "groups[0].conditions[0].";
        assertThat(flaw(one("SHOE_SIZE", "ANY_OF", List.of("42"), null), at + "field")).isEqualTo(Flaw.FIELD);
        assertThat(flaw(one("TIER", "AT_LEAST", List.of("7"), null), at + "operator")).isEqualTo(Flaw.OPERATOR);
        assertThat(flaw(one("POINTS_BALANCE", "AT_LEAST", List.of("-1"), null), at + "values")).isEqualTo(Flaw.NUMBER);
        assertThat(flaw(one("POINTS_BALANCE", "AT_LEAST", List.of("1.5"), null), at + "values")).isEqualTo(Flaw.NUMBER);
        assertThat(flaw(one("SPEND", "AT_LEAST", List.of("1.555"), 3), at + "values")).isEqualTo(Flaw.AMOUNT);
        assertThat(flaw(one("POINTS_BALANCE", "BETWEEN", List.of("9", "1"), null), at + "values")).isEqualTo(Flaw.RANGE);
        assertThat(flaw(one("POINTS_BALANCE", "BETWEEN", List.of("9"), null), at + "values"))
                .isEqualTo(Flaw.VALUE_COUNT);
        assertThat(flaw(one("TIER", "ANY_OF", List.of("8"), null), at + "values")).isEqualTo(Flaw.ID);
        assertThat(flaw(one("GENDER", "ANY_OF", List.of("ROBOT"), null), at + "values")).isEqualTo(Flaw.CHOICE);
        assertThat(flaw(one("BIRTHDAY_MONTH", "ANY_OF", List.of("13"), null), at + "values")).isEqualTo(Flaw.CHOICE);
        assertThat(flaw(one("ENROLLED", "ON_OR_AFTER", List.of("31/01/2026"), null), at + "values"))
                .isEqualTo(Flaw.DATE);
        assertThat(flaw(one("LAST_PURCHASE", "WITHIN_DAYS", List.of("0"), null), at + "values")).isEqualTo(Flaw.DAYS);
        assertThat(flaw(one("PURCHASES", "AT_LEAST", List.of("1"), null), at + "months")).isEqualTo(Flaw.MONTHS);
        assertThat(flaw(one("PURCHASES", "AT_LEAST", List.of("1"), 37), at + "months")).isEqualTo(Flaw.MONTHS);
        assertThat(flaw(one("TIER", "ANY_OF", List.of("7"), 3), at + "months")).isEqualTo(Flaw.NO_MONTHS);
        assertThat(flaw(one("CITY", "ANY_OF", List.of("x".repeat(101)), null), at + "values")).isEqualTo(Flaw.TEXT);
        assertThat(flaw(new SegmentInput(" ", null, "ALL", List.of()), "name")).isEqualTo(Flaw.NAME);
        assertThat(flaw(new SegmentInput("N", null, "SOME", List.of()), "match")).isEqualTo(Flaw.MATCH);
        assertThat(flaw(new SegmentInput("N", null, "ALL", List.of()), "groups")).isEqualTo(Flaw.GROUPS);
    }

    @Test
    void aCaseRefusesAFieldAndOperatorThatDoNotBelongTogether() {
        assertThatThrownBy(() -> new Condition.Quantity(SegmentField.TIER, SegmentOperator.AT_LEAST, BigDecimal.ONE,
                null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition.OneOf(SegmentField.CITY, SegmentOperator.BETWEEN, List.of("a")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Condition.Dated(SegmentField.ENROLLED, SegmentOperator.WITHIN_DAYS,
                LocalDate.now(), null, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ageGroupsCountWholeYearsOnTheDay() {
        LocalDate today = LocalDate.of(2026, 6, 15);
        assertThat(AgeGroup.FROM_18_TO_24.contains(LocalDate.of(2008, 6, 15), today)).isTrue();
        assertThat(AgeGroup.FROM_18_TO_24.contains(LocalDate.of(2008, 6, 16), today)).isFalse();
        assertThat(AgeGroup.FROM_18_TO_24.contains(LocalDate.of(2001, 6, 16), today)).isTrue();
        assertThat(AgeGroup.FROM_18_TO_24.contains(LocalDate.of(2001, 6, 15), today)).isFalse();
    }
}
