package org.loyaltyhub.billing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.CodiceFiscale;
import org.loyaltyhub.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who an invoice is addressed to and which document it is, as Italian practice names them. */
class InvoiceBuyerAndDocumentKindTest {

    private static final InvoiceBuyer.Person ANNA = new InvoiceBuyer.Person(1, "Anna Rossi", null, null, null);
    private static final InvoiceBuyer.Company SHOP = new InvoiceBuyer.Company(2, "Bottega srl", "IT01234567890", null,
            null, null);

    @Test
    void aPersonNeedsANameAndOptionallyACodiceFiscaleOfTheRightShape() {
        assertThat(new InvoiceBuyer.Person(1, " Anna Rossi ", "rssmra80a01h501u", " ", "").taxCode())
                .isEqualTo("RSSMRA80A01H501U");
        assertThat(new InvoiceBuyer.Person(1, "Anna", null, " 00100 Roma ", null).address()).isEqualTo("00100 Roma");
        assertThatThrownBy(() -> new InvoiceBuyer.Person(1, " ", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceBuyer.Person(1, "Anna", "RSSMRA80A01H501", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceBuyer.Company(2, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCodiceFiscaleIsSixteenCharactersInAPersonsShapeOrElevenDigits() {
        assertThat(CodiceFiscale.normalize("RSS MRA 80A01 H501U")).contains("RSSMRA80A01H501U");
        assertThat(CodiceFiscale.normalize("RSSMRA80A41H50LU")).as("a woman, a homocode").contains("RSSMRA80A41H50LU");
        assertThat(CodiceFiscale.normalize("12345678901")).contains("12345678901");
        assertThat(CodiceFiscale.normalize("RSSMRA80Z01H501U")).as("no month Z").isEmpty();
        assertThat(CodiceFiscale.normalize("1234567890")).isEmpty();
        assertThat(CodiceFiscale.normalize(null)).isEmpty();
    }

    @Test
    void aPersonGetsASimplifiedInvoiceUpTo400EuroAndAnInvoiceAboveACompanyAlwaysAnInvoice() {
        assertThat(DocumentKind.billing(ANNA, Money.of("400.00", "EUR"))).isEqualTo(DocumentKind.SIMPLIFIED_INVOICE);
        assertThat(DocumentKind.billing(ANNA, Money.of("400.01", "EUR"))).isEqualTo(DocumentKind.INVOICE);
        assertThat(DocumentKind.billing(ANNA, Money.of("10.00", "CHF"))).as("the limit is in euro")
                .isEqualTo(DocumentKind.INVOICE);
        assertThat(DocumentKind.billing(SHOP, Money.of("10.00", "EUR"))).isEqualTo(DocumentKind.INVOICE);
    }
}
