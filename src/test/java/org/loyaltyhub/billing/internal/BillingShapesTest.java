package org.loyaltyhub.billing.internal;

import org.loyaltyhub.shared.CsvCells;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** VAT numbers' loose shape, billing details checked where built, and CSV cells that spreadsheets cannot run. */
class BillingShapesTest {

    @Test
    void anItalianVatNumberIsITAndElevenDigits() {
        assertThat(VatNumber.normalize("IT01234567890")).contains("IT01234567890");
        assertThat(VatNumber.normalize("it 0123 456 7890")).contains("IT01234567890");
        assertThat(VatNumber.normalize("IT0123456789")).as("ten digits").isEmpty();
        assertThat(VatNumber.normalize("ITABCDEFGHIJK")).as("letters").isEmpty();
    }

    @Test
    void anotherEuVatNumberIsACountryPrefixAndTwoToThirteenDigitsOrLetters() {
        assertThat(VatNumber.normalize("DE123456789")).contains("DE123456789");
        assertThat(VatNumber.normalize("FR-XX.123456789")).contains("FRXX123456789");
        assertThat(VatNumber.normalize("NL123456789B01")).contains("NL123456789B01");
        assertThat(VatNumber.normalize("01234567890")).as("no prefix").isEmpty();
        assertThat(VatNumber.normalize("DE1")).as("too short").isEmpty();
        assertThat(VatNumber.normalize("DE12345678901234")).as("too long").isEmpty();
        assertThat(VatNumber.normalize(null)).isEmpty();
    }

    @Test
    void billingDetailsAreNormalisedAndEveryBadFieldIsNamed() {
        BillingDetails d = BillingDetails.checked(" Circuito srl ", "it01234567890", "rssmra80a01h501u", "", null);
        assertThat(d).isEqualTo(new BillingDetails("Circuito srl", "IT01234567890", "RSSMRA80A01H501U", null, null));
        assertThatThrownBy(() -> BillingDetails.checked("x", "IT123", "!!", null, "not-an-email"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("vatNumber", "taxCode", "invoiceEmail"));
    }

    @Test
    void csvCellsThatLookLikeFormulasStartWithAnApostrophe() {
        assertThat(CsvCells.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(CsvCells.cell("+39 123")).isEqualTo("'+39 123");
        assertThat(CsvCells.cell("-1")).isEqualTo("'-1");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("Caffè Rossi")).isEqualTo("Caffè Rossi");
    }

    @Test
    void csvCellsWithSeparatorsQuotesOrLineBreaksAreQuoted() {
        assertThat(CsvCells.cell("Rossi, Bianchi")).isEqualTo("\"Rossi, Bianchi\"");
        assertThat(CsvCells.cell("a \"b\"")).isEqualTo("\"a \"\"b\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.row(List.of("2026/0001", "12.20"))).isEqualTo("2026/0001,12.20\r\n");
    }
}
