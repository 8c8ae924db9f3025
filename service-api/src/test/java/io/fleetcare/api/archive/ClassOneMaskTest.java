package io.fleetcare.api.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassOneMaskTest {

    @Test
    void aPhoneKeepsOnlyItsLastFourDigits() {
        assertThat(ClassOneMask.phone("+86 574 1234 5678")).isEqualTo("+** *** **** 5678");
        assertThat(ClassOneMask.phone("123")).isEqualTo("123");
    }

    @Test
    void anEmailKeepsItsFirstLetterAndDomain() {
        assertThat(ClassOneMask.email("qian@example.com")).isEqualTo("q***@example.com");
        assertThat(ClassOneMask.email("broken")).isEqualTo("***");
    }

    @Test
    void aNameKeepsItsFirstCharacterEvenBeyondTheBasicPlane() {
        assertThat(ClassOneMask.name("Ms Zhao")).isEqualTo("M***");
        assertThat(ClassOneMask.name("赵丽")).isEqualTo("赵***");
        assertThat(ClassOneMask.name("\uD842\uDFB7野家")).isEqualTo("\uD842\uDFB7***");
    }

    @Test
    void freeTextIsHiddenAndNullStaysNull() {
        assertThat(ClassOneMask.text("Harbour Road 12")).isEqualTo("***");
        assertThat(ClassOneMask.text(null)).isNull();
        assertThat(ClassOneMask.phone(null)).isNull();
    }
}
