package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Card groups and brands: labels of the circuit's own, kept within the same rules. */
class CardLabelTest {

    @Test
    void aLabelIsKeptTrimmed() {
        assertThat(new CardGroup("  Gold club ").value()).isEqualTo("Gold club");
        assertThat(new CardBrand(" Premium").value()).isEqualTo("Premium");
    }

    @Test
    void nothingTypedIsNoLabel() {
        assertThat(CardGroup.read(null)).isNull();
        assertThat(CardBrand.read("   ")).isNull();
        assertThat(CardLabel.problem("  ")).isNull();
    }

    @Test
    void sixtyCharactersAreEnoughAndSixtyOneTooMany() {
        assertThat(new CardGroup("x".repeat(60)).value()).hasSize(60);
        assertThat(new CardGroup("  " + "x".repeat(60) + "  ").value()).hasSize(60);
        assertThat(CardLabel.problem("x".repeat(61))).isEqualTo("must be at most 60 characters");
        assertThatThrownBy(() -> new CardBrand("x".repeat(61))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> new CardGroup("Gold\u0007")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CardLabel.problem("a\nb")).isEqualTo("must not contain control characters");
    }

    @Test
    void aBlankLabelCannotBeBuilt() {
        assertThatThrownBy(() -> new CardGroup(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardBrand(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadLabelInARequestNamesItsField() {
        assertThatThrownBy(() -> CardBrand.read("x".repeat(61))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsOnlyKeys("brand"));
        assertThatThrownBy(() -> CardGroup.read("x".repeat(61))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsOnlyKeys("cardGroup"));
    }

    @Test
    void aGroupIsNotABrandEvenWithTheSameText() {
        assertThat((Object) new CardGroup("Gold")).isNotEqualTo(new CardBrand("Gold"));
    }
}
