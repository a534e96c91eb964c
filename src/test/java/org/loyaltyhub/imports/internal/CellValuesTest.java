package org.loyaltyhub.imports.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CellValuesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void numbersAreReadAsItalianAndEnglishSpreadsheetsWriteThem() {
        assertThat(CellValues.number("1.234,56")).contains(new BigDecimal("1234.56"));
        assertThat(CellValues.number("1,234.56")).contains(new BigDecimal("1234.56"));
        assertThat(CellValues.number("12,5")).contains(new BigDecimal("12.5"));
        assertThat(CellValues.number("1.234")).contains(new BigDecimal("1234"));
        assertThat(CellValues.number("1.234.567")).contains(new BigDecimal("1234567"));
        assertThat(CellValues.number("3.5")).contains(new BigDecimal("3.5"));
        assertThat(CellValues.number(" 1 200 ")).contains(new BigDecimal("1200"));
        assertThat(CellValues.number("dieci")).isEmpty();
    }

    @Test
    void datesAreReadInTheFourAcceptedFormats() {
        LocalDate day = LocalDate.of(1985, 3, 7);
        assertThat(CellValues.date("07/03/1985", TODAY)).contains(day);
        assertThat(CellValues.date("1985-03-07", TODAY)).contains(day);
        assertThat(CellValues.date("07-03-1985", TODAY)).contains(day);
        assertThat(CellValues.date("7/3/85", TODAY)).contains(day);
        assertThat(CellValues.date("7/3/26", TODAY)).contains(LocalDate.of(2026, 3, 7));
        assertThat(CellValues.date("31/02/1985", TODAY)).isEmpty();
        assertThat(CellValues.date("March 7", TODAY)).isEmpty();
    }

    @Test
    void yesAndNoAreUnderstoodInItalianAndEnglish() {
        assertThat(CellValues.yesNo("Sì")).contains(true);
        assertThat(CellValues.yesNo("yes")).contains(true);
        assertThat(CellValues.yesNo("1")).contains(true);
        assertThat(CellValues.yesNo("No")).contains(false);
        assertThat(CellValues.yesNo("0")).contains(false);
        assertThat(CellValues.yesNo("forse")).isEqualTo(Optional.empty());
    }
}
