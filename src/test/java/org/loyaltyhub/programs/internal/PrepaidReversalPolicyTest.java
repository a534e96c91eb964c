package org.loyaltyhub.programs.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.GiftCardNumber;
import org.loyaltyhub.programs.PrepaidSettings;
import org.loyaltyhub.shared.Forbidden;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrepaidReversalPolicyTest {

    private static final Instant SOLD = Instant.parse("2026-11-30T10:00:00Z");
    private static final Caller SELLER = new Caller(Role.STORE_OPERATOR, 1L, 7L, 70L, 5L, null, "Anna");
    private static final Caller COLLEAGUE = new Caller(Role.STORE_OPERATOR, 1L, 7L, 70L, 6L, null, "Bea");
    private static final Caller COMPANY_ADMIN = new Caller(Role.COMPANY_ADMIN, 1L, 7L, null, 8L, null, "Carlo");
    private static final Caller OTHER_ADMIN = new Caller(Role.COMPANY_ADMIN, 1L, 9L, null, 10L, null, "Dora");
    private static final Caller CIRCUIT_ADMIN = new Caller(Role.CIRCUIT_ADMIN, 1L, null, null, 11L, null, "Enzo");
    private static final PrepaidSale SALE = new PrepaidSale(1, 7, 70L, null, 3L, GiftCardNumber.random(),
            eur("50.00"), eur("5.00"), PaymentMethod.CASH, "R-1", 100, null, "operator:5", SOLD);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Instant until(int hours) {
        return new PrepaidSettings(true, null, BigDecimal.ONE, BigDecimal.TEN, List.of(),
                PrepaidSettings.AcceptedAt.ALL, List.of(), hours).voidableUntil(SOLD);
    }

    @Test
    void theSellerOrAnAdministratorOfItsCompanyVoidsAnUntouchedSaleWithinTheWindow() {
        Instant later = SOLD.plus(Duration.ofHours(23));
        assertThatCode(() -> PrepaidReversalPolicy.checkVoid(SALE, SELLER, later, until(24), true))
                .doesNotThrowAnyException();
        assertThatCode(() -> PrepaidReversalPolicy.checkVoid(SALE, COMPANY_ADMIN, later, until(24), true))
                .doesNotThrowAnyException();
        for (Caller nobody : List.of(COLLEAGUE, OTHER_ADMIN, CIRCUIT_ADMIN)) {
            assertThatThrownBy(() -> PrepaidReversalPolicy.checkVoid(SALE, nobody, later, until(24), true))
                    .as(nobody.name()).isInstanceOf(Forbidden.class);
        }
    }

    @Test
    void aSaleIsNotVoidedAfterTheCircuitsWindowNorOnceItsCreditWasUsed() {
        assertThat(until(24)).as("24 hours unless the circuit says otherwise").isEqualTo(SOLD.plus(Duration.ofDays(1)));
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkVoid(SALE, SELLER, SOLD.plus(Duration.ofHours(3)),
                until(2), true)).isInstanceOf(VoidWindowClosed.class);
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkVoid(SALE, SELLER, SOLD, until(24), false))
                .isInstanceOf(PrepaidSaleSpent.class);
    }

    @Test
    void onlyACompanyAdministratorRefundsAtMostWhatIsLeftAndAllOfItWhenNoAmountIsGiven() {
        assertThat(PrepaidReversalPolicy.checkRefund(SALE, COMPANY_ADMIN, null, eur("12.30"))).isEqualTo(eur("12.30"));
        assertThat(PrepaidReversalPolicy.checkRefund(SALE, COMPANY_ADMIN, eur("10.00"), eur("12.30")))
                .isEqualTo(eur("10.00"));
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkRefund(SALE, SELLER, null, eur("12.30")))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkRefund(SALE, OTHER_ADMIN, null, eur("12.30")))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkRefund(SALE, COMPANY_ADMIN, eur("12.31"), eur("12.30")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkRefund(SALE, COMPANY_ADMIN, eur("0.001"), eur("12.30")))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> PrepaidReversalPolicy.checkRefund(SALE, COMPANY_ADMIN, null, eur("0.00")))
                .isInstanceOf(PrepaidSaleSpent.class);
    }
}
