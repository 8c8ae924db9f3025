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
    void theLastDayInWarrantyIsFreeAndTheDayAfterIsPaid() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 24, null);

        // then
        assertThat(terms.lastDay()).isEqualTo(LocalDate.of(2026, 5, 31));
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
    void aDayBeforeTheSaleIsNotStartedAndNotFree() {
        // given
        WarrantyTerms terms = new WarrantyTerms(SOLD, 12, null);

        // then
        assertThat(terms.statusOn(SOLD.minusDays(1))).isEqualTo(WarrantyStatus.NOT_STARTED);
        assertThat(terms.categoryOn(SOLD.minusDays(1))).isNull();
        assertThat(terms.inWarrantyOn(SOLD.minusDays(1))).isFalse();
        assertThat(terms.statusOn(SOLD)).isEqualTo(WarrantyStatus.IN_WARRANTY);
    }

    @Test
    void theWarrantysLastDayIsInclusiveLikeTheContractsLastDay() {
        // given: 24 months from 1 June 2024, a contract to 31 December 2026
        WarrantyTerms terms = new WarrantyTerms(SOLD, 24, LocalDate.of(2026, 12, 31));

        // then
        assertThat(terms.lastDay()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(terms.statusOn(terms.lastDay())).isEqualTo(WarrantyStatus.IN_WARRANTY);
        assertThat(terms.statusOn(terms.lastDay().plusDays(1))).isEqualTo(WarrantyStatus.EXPIRED);
        assertThat(terms.categoryOn(terms.contractUntil())).isEqualTo(ServiceCategory.CONTRACT);
        assertThat(terms.categoryOn(terms.contractUntil().plusDays(1))).isEqualTo(ServiceCategory.PAID);
        assertThat(new WarrantyTerms(SOLD, 0, null).lastDay()).isEqualTo(SOLD.minusDays(1));
    }

    @Test
    void negativeMonthsAreRefused() {
        // when / then
        assertThatThrownBy(() -> new WarrantyTerms(SOLD, -1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
