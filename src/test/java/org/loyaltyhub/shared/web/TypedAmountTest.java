package org.loyaltyhub.shared.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TypedAmountTest {

    @Test
    void italianAndEnglishNotationsWithThousandsAreRead() {
        assertThat(TypedAmount.parse("1.234,50")).contains(new BigDecimal("1234.50"));
        assertThat(TypedAmount.parse("1,234.50")).contains(new BigDecimal("1234.50"));
        assertThat(TypedAmount.parse("1.234")).contains(new BigDecimal("1234"));
        assertThat(TypedAmount.parse("12.345.678")).isEmpty(); // above the till's maximum
        assertThat(TypedAmount.parse("49,90")).contains(new BigDecimal("49.90"));
        assertThat(TypedAmount.parse("49.9")).contains(new BigDecimal("49.9"));
        assertThat(TypedAmount.parse(" 1 234,50 ")).contains(new BigDecimal("1234.50"));
        assertThat(TypedAmount.parse("1234.5")).contains(new BigDecimal("1234.5"));
    }

    @Test
    void ambiguousOrInvalidAmountsAreRefused() {
        assertThat(TypedAmount.parse("1,234,5")).isEmpty();
        assertThat(TypedAmount.parse("1.23.45")).isEmpty();
        assertThat(TypedAmount.parse("12,345")).contains(new BigDecimal("12345"));
        assertThat(TypedAmount.parse("0")).isEmpty();
        assertThat(TypedAmount.parse("-5")).isEmpty();
        assertThat(TypedAmount.parse("abc")).isEmpty();
        assertThat(TypedAmount.parse("1,2345")).isEmpty();
        assertThat(TypedAmount.parse("")).isEmpty();
    }
}
