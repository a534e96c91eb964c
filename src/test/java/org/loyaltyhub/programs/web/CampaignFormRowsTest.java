package org.loyaltyhub.programs.web;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.promotions.AttributeCondition;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.shared.web.FormValues;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The numbered rows of the campaign forms: what they read, what they keep, and where a refusal is shown. */
class CampaignFormRowsTest {

    private static final List<PromotionInput.AttributeConditionInput> STORED = List.of(
            new PromotionInput.AttributeConditionInput("rating", AttributeCondition.Op.AT_LEAST, List.of("4")),
            new PromotionInput.AttributeConditionInput("channel", AttributeCondition.Op.ONE_OF, List.of("app, web", "shop")));

    @Test
    void storedConditionsShownAndSentBackUnchangedAreReadAsTheyWereWithAnEmptyRowToAddOne() {
        Map<String, String> form = new HashMap<>();
        EventConditionRows.put(STORED, form);
        assertThat(EventConditionRows.shownRows(form)).isEqualTo(3);
        Map<String, String> errors = new LinkedHashMap<>();

        EventConditionRows.Read read = EventConditionRows.read(new FormValues(form), STORED, "e", errors);

        assertThat(errors).isEmpty();
        assertThat(read.conditions()).isEqualTo(STORED);
    }

    @Test
    void aOneOfListTypedAnewIsSplitAtCommasAndAnEmptiedAttributeRemovesItsRow() {
        Map<String, String> form = new HashMap<>(Map.of("attribute0", "", "attributeOp0", "EQUALS",
                "attribute1", "channel", "attributeOp1", "ONE_OF", "attributeValue1", "app, web ,, shop"));

        EventConditionRows.Read read = EventConditionRows.read(new FormValues(form), STORED, "e", new HashMap<>());

        assertThat(read.conditions()).containsExactly(new PromotionInput.AttributeConditionInput("channel",
                AttributeCondition.Op.ONE_OF, List.of("app", "web", "shop")));
        assertThat(read.fieldOf("trigger.attributeConditions[0].attribute")).isEqualTo("attribute1");
    }

    @Test
    void aRowThatBreaksARuleIsReportedNextToItsOwnField() {
        Map<String, String> errors = new LinkedHashMap<>();
        EventConditionRows.read(new FormValues(Map.of("attribute0", "rating", "attributeOp0", "AT_LEAST",
                "attributeValue0", "many", "attributeValue1", "orphan")), List.of(), "promotions.error.attribute", errors);

        assertThat(errors).containsEntry("attributeValue0", "promotions.error.attribute")
                .containsEntry("attribute1", "promotions.error.attribute");
    }

    @Test
    void aFunnelsEffectsAreReadInOrderSkippingEmptyRowsAndARefusalNamesItsRow() {
        Map<String, String> form = new HashMap<>(Map.of("effectType0", "FIXED_POINTS", "effectValue0", "10",
                "effectType1", "", "effectType2", "MESSAGE", "subjectIt2", "Ciao", "bodyIt2", "Testo",
                "subjectEn2", "Hi", "bodyEn2", "Text"));
        Map<String, String> errors = new LinkedHashMap<>();

        FunnelEffectRows.Read read = FunnelEffectRows.read(new FormValues(form), errors);

        assertThat(errors).isEmpty();
        assertThat(read.effects()).extracting(PromotionInput.EffectInput::type)
                .containsExactly(PromotionEffect.Kind.FIXED_POINTS, PromotionEffect.Kind.MESSAGE);
        assertThat(read.fieldOf("effects[1].message.bodyEn")).isEqualTo("bodyEn2");
        assertThat(read.fieldOf("effects[0].points")).isEqualTo("effectValue0");
        Map<String, String> shown = new HashMap<>();
        FunnelEffectRows.put(read.effects(), shown);
        assertThat(FunnelEffectRows.shownRows(shown)).isEqualTo(3);
    }

    @Test
    void aFunnelWithoutAnyEffectIsRefusedAtTheFirstRow() {
        Map<String, String> errors = new LinkedHashMap<>();
        FunnelEffectRows.read(new FormValues(Map.of("effectType0", "")), errors);
        assertThat(errors).containsEntry("effectType0", "funnels.error.effectType");
    }
}
