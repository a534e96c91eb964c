package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelMessageTextsTest {

    @Test
    void aMessageHasASubjectAndABodyInEachLanguageTrimmed() {
        FunnelMessages.Texts t = new FunnelMessages.Texts(" Ciao ", "Testo", "Hi", " Text ");
        assertThat(t.subjectIt()).isEqualTo("Ciao");
        assertThat(t.bodyEn()).isEqualTo("Text");
    }

    @Test
    void aMissingBlankOrTooLongPartIsRefusedByName() {
        assertThatThrownBy(() -> new FunnelMessages.Texts("Ciao", "Testo", " ", "Text"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("message.subjectEn"));
        assertThatThrownBy(() -> new FunnelMessages.Texts("Ciao", null, "Hi", "Text"))
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("message.bodyIt"));
        assertThatThrownBy(() -> new FunnelMessages.Texts("x".repeat(201), "Testo", "Hi", "Text"))
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("message.subjectIt"));
        assertThatThrownBy(() -> new FunnelMessages.Texts("Ciao", "Testo", "Hi", "a\u0000b"))
                .satisfies(e -> assertThat(((InvalidInput) e).fieldErrors()).containsKey("message.bodyEn"));
    }
}
