package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.TierStanding;
import org.loyaltyhub.programs.Tiers;
import org.loyaltyhub.programs.internal.TierStore.MemberTier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What the tier in force gives a member, applied by the engine: its earning multiplier on purchases, its better
 * redemption (points worth more, higher maximum discounts) in quotes, the tier in the member's status for rewards
 * and campaigns, and the member's standing (progress to the next tier) for the customer area and the widget.
 */
@Component
class TierBenefits implements EarningBoost, RedemptionBoost, StatusPart, Tiers {

    private final TierStore store;
    private final TierKeeper keeper;
    private final Activity activity;

    private final CircuitFeatures features;

    TierBenefits(TierStore store, TierKeeper keeper, Activity activity, CircuitFeatures features) {
        this.features = features;
        this.store = store;
        this.keeper = keeper;
        this.activity = activity;
    }

    @Override
    public Optional<Multiplier> earning(long circuitId, long memberId) {
        if (!features.of(circuitId).tiers()) {
            return Optional.empty();
        }
        return store.inForce(circuitId, memberId, keeper.today())
                .filter(t -> t.earnMultiplier().compareTo(BigDecimal.ONE) > 0)
                .map(t -> new Multiplier(t.earnMultiplier().stripTrailingZeros(), t.nameEn() + " ×"
                        + t.earnMultiplier().stripTrailingZeros().toPlainString()));
    }

    @Override
    public Optional<RedemptionPolicy.Bonus> redemption(long circuitId, long memberId) {
        if (!features.of(circuitId).tiers()) {
            return Optional.empty();
        }
        return store.inForce(circuitId, memberId, keeper.today()).filter(Tier::improvesRedemption)
                .map(t -> new RedemptionPolicy.Bonus(t.redeemExtraPercent(), t.maxDiscountAmount(),
                        t.maxDiscountPercent(), reason(t)));
    }

    /** "Gold: points worth 10 % more, discounts up to 50 %". */
    static String reason(Tier t) {
        StringBuilder s = new StringBuilder(t.nameEn()).append(':');
        String sep = " ";
        if (t.redeemExtraPercent().signum() > 0) {
            s.append(sep).append("points worth ").append(t.redeemExtraPercent().stripTrailingZeros().toPlainString())
                    .append(" % more");
            sep = ", ";
        }
        if (t.maxDiscountPercent() != null) {
            s.append(sep).append("discounts up to ").append(t.maxDiscountPercent().stripTrailingZeros().toPlainString())
                    .append(" %");
            sep = ", ";
        }
        if (t.maxDiscountAmount() != null) {
            s.append(sep).append("discounts up to ").append(t.maxDiscountAmount().stripTrailingZeros().toPlainString());
        }
        return s.toString();
    }

    @Override
    public MemberStatus contribute(long circuitId, long memberId, MemberStatus soFar) {
        if (!features.of(circuitId).tiers()) {
            return soFar;
        }
        LocalDate today = keeper.today();
        Optional<MemberTier> state = store.memberTier(circuitId, memberId);
        return store.inForce(circuitId, memberId, today).map(t -> soFar.withTier(new MemberStatus.Ref(t.id(),
                t.names(), state.map(s -> until(s, today)).map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                        .toInstant()).orElse(null)))).orElse(soFar);
    }

    /** The last day the tier in force is kept (null: open). */
    static LocalDate until(MemberTier s, LocalDate today) {
        return TierRules.manualInForce(s.manualTierId(), s.manualUntil(), today) ? s.manualUntil()
                : s.held().keptUntil();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TierStanding> standing(long circuitId, long memberId) {
        return keeper.rules(circuitId, keeper.today()).map(r -> standing(r, memberId));
    }

    TierStanding standing(TierKeeper.Rules r, long memberId) {
        LocalDate today = r.today();
        MemberTier state = store.memberTier(r.circuitId(), memberId).orElse(null);
        BigDecimal counted = TierRules.counted(r.policy().basis(),
                activity.totals(memberId, TierRules.windowStart(r.policy(), today)));
        boolean manual = state != null && TierRules.manualInForce(state.manualTierId(), state.manualUntil(), today);
        Tier tier = state == null ? r.tiers().stream().filter(t -> t.threshold().signum() == 0).findFirst()
                .orElse(null) : TierRules.find(r.tiers(), manual ? state.manualTierId() : state.held().tierId());
        TierRules.Progress progress = TierRules.progress(r.tiers(), tier, counted);
        String explanation = tier == null ? null : manual ? tier.nameEn() + " set by an administrator: "
                + state.manualReason() : tier.nameEn() + (state == null ? "" : " since " + state.held().since()) + ": "
                + TierRules.amount(r.policy().basis(), counted, r.currency()) + " "
                + TierRules.periodText(r.policy(), today);
        return new TierStanding(tier == null ? null : tier.level(), manual || state == null ? null : state.held().since(),
                state == null || tier == null ? null : until(state, today), manual, explanation, r.policy().basis(),
                counted, progress == null ? null : progress.next().level(),
                progress == null ? null : progress.missing(), progress == null ? 100 : progress.percent());
    }
}
