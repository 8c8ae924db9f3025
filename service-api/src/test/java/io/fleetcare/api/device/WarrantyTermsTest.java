package io.fleetcare.api.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WarrantyTermsTest {

    private static final LocalDate PRODUCED = LocalDate.of(2024, 1, 10);
    private static final LocalDate SOLD = LocalDate.of(2024, 6, 1);

    @Test
    void warrantyStartsAtTheProvenSaleDate() {
        // when / then
        assertThat(WarrantyTerms.startOf(PRODUCED, SOLD)).isEqualTo(SOLD);
    }

    @Test
    void warrantyStartsAtTheProductionDateWithoutProofOfSale() {
        // when / then
        assertThat(WarrantyTerms.startOf(PRODUCED, null)).isEqualTo(PRODUCED);
    }

    @Test
    void theLastDayBeforeTheEndIsFreeAndTheEndDayIsPaid() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 24, null);

        // then
        assertThat(terms.end()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(terms.categoryOn(LocalDate.of(2026, 5, 31))).isEqualTo(ServiceCategory.FREE);
        assertThat(terms.inWarrantyOn(LocalDate.of(2026, 5, 31))).isTrue();
        assertThat(terms.categoryOn(LocalDate.of(2026, 6, 1))).isEqualTo(ServiceCategory.PAID);
        assertThat(terms.inWarrantyOn(LocalDate.of(2026, 6, 1))).isFalse();
    }

    @Test
    void componentsOfOneUnitWithDifferentPeriodsFallIntoDifferentCategoriesOnTheSameDay() {
        // given
        LocalDate day = LocalDate.of(2025, 9, 1);
        WarrantyTerms cable = new WarrantyTerms(SOLD, 12, null);
        WarrantyTerms module = new WarrantyTerms(SOLD, 36, null);

        // then
        assertThat(cable.categoryOn(day)).isEqualTo(ServiceCategory.PAID);
        assertThat(module.categoryOn(day)).isEqualTo(ServiceCategory.FREE);
    }

    @Test
    void aServiceAgreementMakesServiceAfterWarrantyContractUntilItsLastDayInclusive() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 12, LocalDate.of(2026, 12, 31));

        // then
        assertThat(terms.categoryOn(LocalDate.of(2025, 5, 31))).isEqualTo(ServiceCategory.FREE);
        assertThat(terms.categoryOn(LocalDate.of(2025, 6, 1))).isEqualTo(ServiceCategory.CONTRACT);
        assertThat(terms.categoryOn(LocalDate.of(2026, 12, 31))).isEqualTo(ServiceCategory.CONTRACT);
        assertThat(terms.categoryOn(LocalDate.of(2027, 1, 1))).isEqualTo(ServiceCategory.PAID);
    }

    @Test
    void aComponentWithoutWarrantyIsPaidFromTheFirstDay() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 0, null);

        // then
        assertThat(terms.inWarrantyOn(SOLD)).isFalse();
        assertThat(terms.categoryOn(SOLD)).isEqualTo(ServiceCategory.PAID);
    }

    @Test
    void aDayBeforeTheWarrantyStartsCountsAsCovered() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 12, null);

        // then
        assertThat(terms.categoryOn(SOLD.minusDays(1))).isEqualTo(ServiceCategory.FREE);
        assertThat(terms.inWarrantyOn(SOLD.minusDays(1))).isTrue();
    }

    @Test
    void negativeMonthsAreRefused() {
        // when / then
        assertThatThrownBy(() -> new WarrantyTerms(SOLD, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
