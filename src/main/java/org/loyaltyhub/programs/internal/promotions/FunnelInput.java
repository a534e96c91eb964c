package org.loyaltyhub.programs.internal.promotions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.programs.internal.promotions.PromotionInput.AttributeConditionInput;
import org.loyaltyhub.programs.internal.promotions.PromotionInput.EffectInput;

import java.math.BigDecimal;
import java.util.List;

/** A funnel as the API and the back office write it (and as it is stored); {@link #toFunnel} builds the checked model. */
public record FunnelInput(
        @NotBlank @Size(max = 120) String name,
        @NotNull @Valid TriggerInput trigger,
        @Valid FiltersInput filters,
        @Min(0) @Max(Funnel.MAX_DELAY_DAYS) @Schema(description = "Days after the trigger before acting (0: at once)") Integer delayDays,
        @Schema(description = "With a delay: skip members who made a purchase meanwhile") boolean unlessPurchased,
        @NotNull @Size(min = 1, max = Funnel.MAX_EFFECTS) List<@Valid @NotNull EffectInput> effects) {

    @Schema(description = "ENROLMENT; EVENT with eventType and attributeConditions; or PURCHASE (a purchase settled "
            + "at the award moment) with optional minSpend, companyId or storeId, and firstPurchaseOnly")
    public record TriggerInput(@NotNull Funnel.Kind type, @Size(max = 40) String eventType,
                               @Size(max = PromotionTrigger.OnPurchase.MAX_CONDITIONS)
                               List<@Valid @NotNull AttributeConditionInput> attributeConditions,
                               @DecimalMin("0") @Schema(description = "PURCHASE: the least the purchase spent, in its "
                                       + "currency, e.g. 30 or 19.90") BigDecimal minSpend,
                               @Schema(description = "PURCHASE: only at this company") Long companyId,
                               @Schema(description = "PURCHASE: only at this store") Long storeId,
                               @Schema(description = "PURCHASE: only the member's first purchase")
                               Boolean firstPurchaseOnly) {

        /** Enrolment or an event, without purchase conditions. */
        public TriggerInput(Funnel.Kind type, String eventType, List<AttributeConditionInput> attributeConditions) {
            this(type, eventType, attributeConditions, null, null, null, null);
        }
    }

    @Schema(description = "What the member must be when the funnel acts; empty parts do not restrict")
    public record FiltersInput(@Min(0) Long minBalance, @Min(0) Long maxBalance, Long badgeId, Long tierId,
                               Long segmentId, @Size(max = 40) String tag) {
    }

    public Funnel toFunnel(Long id, Promotion.Status status) {
        Funnel.Trigger t = new Funnel.Trigger(trigger.type(), trigger.type() != Funnel.Kind.EVENT ? null
                : new PromotionTrigger.OnEvent(trigger.eventType() == null ? null : trigger.eventType().strip(),
                trigger.attributeConditions() == null ? List.of() : trigger.attributeConditions().stream()
                        .map(c -> new AttributeCondition(c.attribute().strip(), c.op(), c.values())).toList()),
                trigger.type() != Funnel.Kind.PURCHASE ? null : new Funnel.OnPurchase(trigger.minSpend(),
                        trigger.companyId(), trigger.storeId(), Boolean.TRUE.equals(trigger.firstPurchaseOnly())));
        FunnelFilters f = filters == null ? FunnelFilters.NONE : new FunnelFilters(filters.minBalance(),
                filters.maxBalance(), filters.badgeId(), filters.tierId(), filters.segmentId(), filters.tag());
        List<PromotionEffect> effectList = new java.util.ArrayList<>();
        for (int i = 0; i < effects.size(); i++) {
            effectList.add(effects.get(i).toEffect("effects[" + i + "]"));
        }
        return new Funnel(id, name, status, t, f, delayDays == null ? 0 : delayDays, unlessPurchased, effectList);
    }

    public static FunnelInput of(Funnel f) {
        Funnel.OnPurchase p = f.trigger().purchase() == null ? Funnel.OnPurchase.ANY : f.trigger().purchase();
        TriggerInput t = new TriggerInput(f.trigger().kind(), f.trigger().event() == null ? null
                : f.trigger().event().eventType(), f.trigger().event() == null ? null : f.trigger().event().conditions()
                .stream().map(c -> new PromotionInput.AttributeConditionInput(c.attribute(), c.op(), c.values())).toList(),
                p.minSpend(), p.companyId(), p.storeId(), f.trigger().purchase() == null ? null : p.firstOnly());
        FunnelFilters x = f.filters();
        return new FunnelInput(f.name(), t, new FiltersInput(x.minBalance(), x.maxBalance(), x.badgeId(), x.tierId(),
                x.segmentId(), x.tag()), f.delayDays(), f.unlessPurchased(),
                f.effects().stream().map(PromotionInput::effectInput).toList());
    }
}
