package org.loyaltyhub.rewards.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignPolicyTest {

    static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant DURING = Instant.parse("2026-07-01T00:00:00Z");
    static final Store STORE = new Store(7, 1, 3, "Centro", null, null, null, null, null, null);

    static CampaignDetails details(CampaignGift gives, RewardDetails.Benefit benefit, Long points, String shared,
                                   Integer total, List<Long> companies) {
        return new CampaignDetails("Summer", gives, benefit, points, FROM, UNTIL,
                shared == null ? CodeMode.UNIQUE : CodeMode.SHARED, shared, 1, total, companies, List.of());
    }

    static Campaign campaign(CampaignDetails d) {
        return new Campaign(1, 1, d, 0, FROM);
    }

    static final RewardDetails.Benefit FIVE_OFF = new RewardDetails.Benefit(Money.of(new BigDecimal("5"), "EUR"),
            null, null, null);

    @Test
    void aCodeIsUsableOnlyInsideTheCampaignsWindow() {
        Campaign c = campaign(details(CampaignGift.FIXED_AMOUNT, FIVE_OFF, null, null, null, List.of()));
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, DURING).allowed()).isTrue();
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, FROM.minusSeconds(1)).code())
                .isEqualTo("campaign-not-started");
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, UNTIL).code()).isEqualTo("voucher-expired");
    }

    @Test
    void theTotalLimitAndTheMembersLimitStopFurtherUses() {
        Campaign c = campaign(details(CampaignGift.FIXED_AMOUNT, FIVE_OFF, null, "SUMMER10", 10, List.of()));
        assertThat(CampaignPolicy.decide(c, STORE, 5L, 9, 0, DURING).allowed()).isTrue();
        assertThat(CampaignPolicy.decide(c, STORE, 5L, 10, 0, DURING).code()).isEqualTo("campaign-limit-reached");
        assertThat(CampaignPolicy.decide(c, STORE, 5L, 3, 1, DURING).code())
                .isEqualTo("campaign-member-limit-reached");
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, DURING).code()).isEqualTo("campaign-member-needed");
    }

    @Test
    void aCampaignOfAnotherCompanyIsRefusedAtThisStore() {
        Campaign c = campaign(details(CampaignGift.FIXED_AMOUNT, FIVE_OFF, null, null, null, List.of(99L)));
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, DURING).code()).isEqualTo("voucher-wrong-store");
    }

    @Test
    void bonusPointsNeedAMember() {
        Campaign c = campaign(details(CampaignGift.BONUS_POINTS, null, 100L, null, null, List.of()));
        assertThat(CampaignPolicy.decide(c, STORE, null, 0, 0, DURING).code()).isEqualTo("campaign-member-needed");
        assertThat(CampaignPolicy.decide(c, STORE, 4L, 0, 0, DURING).allowed()).isTrue();
    }

    @Test
    void theDiscountIsTheAmountAtMostTheCartOrThePercentageUpToTheCap() {
        CampaignDetails fixed = details(CampaignGift.FIXED_AMOUNT, FIVE_OFF, null, null, null, List.of());
        assertThat(CampaignPolicy.discount(fixed, Money.of(new BigDecimal("3"), "EUR"))).isEqualByComparingTo("3");
        assertThat(CampaignPolicy.discount(fixed, null)).isEqualByComparingTo("5");
        CampaignDetails percent = details(CampaignGift.PERCENT, new RewardDetails.Benefit(null, new BigDecimal("10"),
                Money.of(new BigDecimal("4"), "EUR"), null), null, null, null, List.of());
        assertThat(CampaignPolicy.discount(percent, Money.of(new BigDecimal("25"), "EUR"))).isEqualByComparingTo("2.5");
        assertThat(CampaignPolicy.discount(percent, Money.of(new BigDecimal("100"), "EUR"))).isEqualByComparingTo("4");
        assertThat(CampaignPolicy.discount(percent, null)).isNull();
    }

    @Test
    void aCampaignIsRefusedFieldByField() {
        assertThatThrownBy(() -> new CampaignDetails(" ", CampaignGift.PERCENT, null, null, UNTIL, FROM,
                CodeMode.SHARED, "no way", 0, 0, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "name", "percent", "validUntil", "sharedCode", "perMemberLimit", "totalLimit"));
        assertThat(new CampaignDetails("x", CampaignGift.FREE_SHIPPING, null, null, FROM, UNTIL, CodeMode.SHARED,
                " summer10 ", 1, null, null, null).sharedCode()).isEqualTo("SUMMER10");
        assertThat(CampaignDetails.sharedShaped("summer10")).isTrue();
        assertThat(CampaignDetails.sharedShaped("1234")).as("digits alone are a mistyped voucher code").isFalse();
        assertThat(CampaignDetails.sharedShaped("7KQ2M9XD4TRBHW3E")).as("a voucher code's length").isFalse();
    }
}
