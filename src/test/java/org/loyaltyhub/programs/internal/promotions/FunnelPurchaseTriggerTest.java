package org.loyaltyhub.programs.internal.promotions;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A purchase trigger's conditions, without a database: which purchase enters its member, and why not. */
class FunnelPurchaseTriggerTest {

    private static final long COMPANY = 7;
    private static final long STORE = 70;

    @Test
    void anyPurchaseEntersWithoutConditionsAndTheVisitNumberIsAskedOnlyForFirstPurchaseOnly() {
        assertThat(Funnel.OnPurchase.ANY.unmet(BigDecimal.ONE, COMPANY, STORE, () -> {
            throw new AssertionError("not asked");
        })).isNull();
        Funnel.OnPurchase first = new Funnel.OnPurchase(null, null, null, true);
        assertThat(first.unmet(BigDecimal.TEN, COMPANY, STORE, () -> 1)).isNull();
        assertThat(first.unmet(BigDecimal.TEN, COMPANY, STORE, () -> 2)).isEqualTo("not the member's first purchase");
    }

    @Test
    void theMinimumSpendIsInclusiveAndTheStoreOrCompanyMustMatch() {
        Funnel.OnPurchase min = new Funnel.OnPurchase(new BigDecimal("20"), null, STORE, false);
        assertThat(min.unmet(new BigDecimal("20.00"), COMPANY, STORE, () -> 1)).isNull();
        assertThat(min.unmet(new BigDecimal("19.99"), COMPANY, STORE, () -> 1)).isEqualTo("spent 19.99, under 20");
        assertThat(min.unmet(new BigDecimal("50"), COMPANY, STORE + 1, () -> 1)).isEqualTo("not at store #70");
        Funnel.OnPurchase company = new Funnel.OnPurchase(null, COMPANY, null, false);
        assertThat(company.unmet(BigDecimal.ONE, COMPANY + 1, STORE, () -> 1)).isEqualTo("not at company #7");
    }

    @Test
    void aNegativeOrTooPreciseMinimumOrAStoreWithACompanyIsRefusedByField() {
        for (String bad : new String[] {"-1", "19.999"}) {
            assertThatThrownBy(() -> new Funnel.OnPurchase(new BigDecimal(bad), null, null, false))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("trigger.minSpend");
        }
        assertThat(new Funnel.OnPurchase(new BigDecimal("19.900"), null, null, false).minSpend()).isNotNull();
        assertThatThrownBy(() -> new Funnel.OnPurchase(null, COMPANY, STORE, false))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("trigger.storeId");
    }

    @Test
    void onlyAPurchaseTriggerCarriesPurchaseConditionsAndItsRuleSaysThem() {
        Funnel.Trigger t = new Funnel.Trigger(Funnel.Kind.PURCHASE, null, null);
        assertThat(t.purchase()).isEqualTo(Funnel.OnPurchase.ANY);
        assertThat(t.describe()).isEqualTo("after a purchase");
        assertThatThrownBy(() -> new Funnel.Trigger(Funnel.Kind.ENROLMENT, null,
                new Funnel.OnPurchase(BigDecimal.ONE, null, null, false))).isInstanceOf(InvalidInput.class);
        assertThat(new Funnel.OnPurchase(new BigDecimal("19.90"), null, STORE, true).describe())
                .isEqualTo("after a first purchase of at least 19.90 at store #70");
    }
}
