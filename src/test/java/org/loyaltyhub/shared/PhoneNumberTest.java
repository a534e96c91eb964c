package org.loyaltyhub.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @Test
    void anItalianMobileTypedNationallyOrInternationallyIsTheSameNumber() {
        assertThat(PhoneNumber.parse("3331234524", "IT")).isEqualTo(PhoneNumber.parse("+39 333 123 4524", "IT"));
        assertThat(PhoneNumber.parse("0039 333-123-4524", "IT").e164()).isEqualTo("+393331234524");
        assertThat(PhoneNumber.parse("(333) 123.4524", "IT").e164()).isEqualTo("+393331234524");
    }

    @Test
    void anItalianLandlineKeepsItsLeadingZero() {
        assertThat(PhoneNumber.parse("06 1234 5678", "IT").e164()).isEqualTo("+390612345678");
        assertThat(PhoneNumber.parse("0549 123456", "SM").e164()).isEqualTo("+3780549123456");
    }

    @Test
    void elsewhereTheNationalTrunkZeroIsDropped() {
        assertThat(PhoneNumber.parse("020 7946 0000", "GB").e164()).isEqualTo("+442079460000");
        assertThat(PhoneNumber.parse("030 123456", "de").e164()).isEqualTo("+4930123456");
        assertThat(PhoneNumber.parse("1 (212) 555-0100", "US").e164()).isEqualTo("+12125550100");
    }

    @Test
    void aNumberWithItsCountryCodeIgnoresTheDefaultCountry() {
        assertThat(PhoneNumber.parse("+41 44 668 18 00", "IT").e164()).isEqualTo("+41446681800");
    }

    @Test
    void wordsAndTooShortOrTooLongNumbersAreNotPhoneNumbers() {
        assertThat(PhoneNumber.read("anna", "IT")).isEmpty();
        assertThat(PhoneNumber.read("anna@x.it", "IT")).isEmpty();
        assertThat(PhoneNumber.read("12 34", "IT")).isEmpty();
        assertThat(PhoneNumber.read("+39 333 123 4524 999 999", "IT")).isEmpty();
        assertThat(PhoneNumber.read(null, "IT")).isEmpty();
        assertThatThrownBy(() -> PhoneNumber.parse("call me", "IT")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new PhoneNumber("3331234524")).isInstanceOf(InvalidInput.class);
    }
}
