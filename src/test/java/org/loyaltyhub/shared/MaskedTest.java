package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedTest {

    @Test
    void anAddressKeepsOnlyTheFirstLettersAndTheTopLevelDomain() {
        assertThat(Masked.email("anna.rossi@dominio.it")).isEqualTo("a***@d***.it");
        assertThat(Masked.email(" Bob@Mail.Example.COM ")).isEqualTo("B***@M***.COM");
        assertThat(Masked.email("èlla@posta.it")).isEqualTo("è***@p***.it");
    }

    @Test
    void somethingThatIsNotAnAddressShowsNoMoreThanItsFirstLetter() {
        assertThat(Masked.email("anna")).isEqualTo("a***");
        assertThat(Masked.email("anna@")).isEqualTo("a***");
        assertThat(Masked.email("anna@localhost")).isEqualTo("a***@l***");
        assertThat(Masked.email(null)).isEqualTo("(none)");
        assertThat(Masked.email(" ")).isEqualTo("(none)");
    }

    @Test
    void aPhoneNumberKeepsItsFirstTwoAndLastThreeDigits() {
        assertThat(Masked.phone("+393471234567")).isEqualTo("+39***567");
        assertThat(Masked.phone("347 123 4567")).isEqualTo("34***567");
        assertThat(Masked.phone("12345")).isEqualTo("***");
        assertThat(Masked.phone(null)).isEqualTo("(none)");
    }
}
