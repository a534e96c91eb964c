package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardLabelTest {

    @Test
    void aLabelIsKeptTrimmed() {
        assertThat(CardLabel.of("  Gold club ").value()).isEqualTo("Gold club");
    }

    @Test
    void nothingTypedIsNoLabel() {
        assertThat(CardLabel.of(null)).isNull();
        assertThat(CardLabel.of("   ")).isNull();
        assertThat(CardLabel.problem("  ")).isNull();
    }

    @Test
    void sixtyCharactersAreEnoughAndSixtyOneTooMany() {
        assertThat(CardLabel.of("x".repeat(60)).value()).hasSize(60);
        assertThat(CardLabel.of("  " + "x".repeat(60) + "  ").value()).hasSize(60);
        assertThat(CardLabel.problem("x".repeat(61))).isEqualTo("must be at most 60 characters");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> new CardLabel("Gold\u0007")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CardLabel.problem("a\nb")).isEqualTo("must not contain control characters");
    }

    @Test
    void aBlankLabelCannotBeBuilt() {
        assertThatThrownBy(() -> new CardLabel(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadLabelInARequestNamesItsField() {
        assertThatThrownBy(() -> CardLabel.read("brand", "x".repeat(61))).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("brand"));
    }
}
