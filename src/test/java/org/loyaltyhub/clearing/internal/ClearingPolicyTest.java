package org.loyaltyhub.clearing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.AccountKind;
import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClearingPolicyTest {

    private static final Party BAR = Party.of(1L);
    private static final Party SHOP = Party.of(2L);
    private static final Party GYM = Party.of(3L);
    private static final PointValue HUNDRED_FOR_A_EURO = new PointValue(100, Money.of("1.00", "EUR"));

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void lotsTakenTowardsAReservationOrARedemptionCountAndEverythingElseDoesNot() {
        for (Purpose p : java.util.Arrays.stream(Purpose.values()).filter(Purpose::heldByHolders).toList()) {
            assertThat(ClearingPolicy.counts(p, List.of(p.available(), p.held()))).as(p + " reserved").isTrue();
            assertThat(ClearingPolicy.counts(p, List.of(p.available(), p.redeemed()))).as(p + " redeemed").isTrue();
            assertThat(ClearingPolicy.counts(p, List.of(p.available(), p.expired()))).as(p + " expired").isFalse();
            assertThat(ClearingPolicy.counts(p, List.of(p.available(), p.issuance()))).as(p + " earn undone")
                    .isFalse();
        }
        assertThat(ClearingPolicy.counts(Purpose.POINTS, List.of(AccountKind.MEMBER_AVAILABLE,
                AccountKind.ADJUSTMENTS))).as("a manual debit").isFalse();
        assertThat(ClearingPolicy.counts(Purpose.POINTS, List.of(AccountKind.COMPANY_BUDGET,
                AccountKind.MEMBER_AVAILABLE))).as("an earn refunded to the budget").isFalse();
    }

    @Test
    void pointsAreWorthTheProgramsRateRoundedHalfEvenToTheCentAndMoneyIsWhatItIs() {
        assertThat(ClearingPolicy.value(new Flow(BAR, SHOP, Purpose.POINTS, 350), HUNDRED_FOR_A_EURO))
                .isEqualTo(eur("3.50"));
        assertThat(ClearingPolicy.value(new Flow(BAR, SHOP, Purpose.POINTS, 1), new PointValue(200,
                Money.of("1.00", "EUR")))).as("half a cent rounds to even").isEqualTo(eur("0.00"));
        assertThat(ClearingPolicy.value(new Flow(BAR, SHOP, Purpose.POINTS, 3), new PointValue(200,
                Money.of("1.00", "EUR")))).isEqualTo(eur("0.02"));
        assertThat(ClearingPolicy.value(new Flow(BAR, SHOP, Purpose.CASHBACK, 1234), HUNDRED_FOR_A_EURO))
                .as("minor units").isEqualTo(eur("12.34"));
    }

    @Test
    void flowsBothWaysBetweenTwoCompaniesNetIntoOnePositionOwedByTheIssuerToTheRedeemer() {
        List<Position> positions = ClearingPolicy.net(List.of(
                new Flow(BAR, SHOP, Purpose.POINTS, 1000),       // 10.00: the bar owes the shop
                new Flow(BAR, SHOP, Purpose.CASHBACK, 250),      // 2.50
                new Flow(SHOP, BAR, Purpose.DISCOUNT, 400),      // 4.00: the shop owes the bar
                new Flow(BAR, BAR, Purpose.POINTS, 9999)), HUNDRED_FOR_A_EURO);
        assertThat(positions).containsExactly(new Position(BAR, SHOP, eur("8.50")));
    }

    @Test
    void theCircuitIsAPartyLikeAnyCompanyAndPairsThatCancelOutOweNothing() {
        List<Position> positions = ClearingPolicy.net(List.of(
                new Flow(Party.CIRCUIT, GYM, Purpose.POINTS, 500),
                new Flow(SHOP, GYM, Purpose.CASHBACK, 100),
                new Flow(GYM, SHOP, Purpose.CASHBACK, 100),
                new Flow(BAR, GYM, Purpose.CASHBACK, -300)), HUNDRED_FOR_A_EURO);
        assertThat(positions).as("a give-back larger than the redemptions turns the debt round").containsExactly(
                new Position(Party.CIRCUIT, GYM, eur("5.00")), new Position(GYM, BAR, eur("3.00")));
    }

    @Test
    void aPeriodIsAMonthByDefaultOrTheDaysGivenAndRefusesNonsense() {
        LocalDate today = LocalDate.parse("2026-11-30");
        assertThat(Period.of(null, null, null, today)).isEqualTo(new Period(LocalDate.parse("2026-11-01"), today));
        assertThat(Period.of(null, null, "2026-02", today)).isEqualTo(new Period(LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-02-28")));
        assertThat(Period.of("2026-03-05", "2026-03-05", null, today).first()).isEqualTo("2026-03-05");
        assertThatThrownBy(() -> Period.of("2026-03-05", "2026-03-04", null, today)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Period.of("2026-03-05", null, null, today)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Period.of(null, null, "November", today)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Period.of("2000-01-01", "2026-01-01", null, today)).isInstanceOf(InvalidInput.class);
        assertThat(Period.month(java.time.YearMonth.of(2026, 11)).overlaps(new Period(LocalDate.parse("2026-11-30"),
                LocalDate.parse("2026-12-02")))).isTrue();
    }

    @Test
    void aPositionIsAPositiveAmountBetweenTwoParties() {
        assertThatThrownBy(() -> new Position(BAR, BAR, eur("1.00"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Position(BAR, SHOP, eur("0.00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPeriodReadsTheWholeMonthsItHoldsFromTheMonthlyRowsAndOnlyTheDaysAroundThem() {
        assertThat(period("2025-12-01", "2026-11-30").wholeMonths()).contains(period("2025-12-01", "2026-11-30"));
        assertThat(period("2025-11-30", "2026-11-29").wholeMonths()).as("a year from any day")
                .contains(period("2025-12-01", "2026-10-31"));
        assertThat(period("2026-02-01", "2026-02-28").wholeMonths()).contains(period("2026-02-01", "2026-02-28"));
        assertThat(period("2026-02-01", "2026-02-27").wholeMonths()).as("a month but its last day").isEmpty();
        assertThat(period("2026-01-15", "2026-02-14").wholeMonths()).as("two halves make no whole month").isEmpty();
        assertThat(period("2026-01-31", "2026-03-01").wholeMonths()).contains(period("2026-02-01", "2026-02-28"));
    }

    private static Period period(String first, String last) {
        return new Period(LocalDate.parse(first), LocalDate.parse(last));
    }
}
