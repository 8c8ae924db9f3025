package io.fleetcare.api.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaseCategoryTest {

    @Test
    void componentsThatAgreeGiveTheirCategory() {
        // when
        ServiceCategory shared = CaseCategory.sharedBy(List.of(ServiceCategory.FREE, ServiceCategory.FREE));

        // then
        assertThat(shared).isEqualTo(ServiceCategory.FREE);
    }

    @Test
    void componentsThatDifferOrNoComponentsLeaveTheCategoryUndetermined() {
        // when / then
        assertThat(CaseCategory.sharedBy(List.of(ServiceCategory.FREE, ServiceCategory.PAID))).isNull();
        assertThat(CaseCategory.sharedBy(List.of(ServiceCategory.CONTRACT, ServiceCategory.CONTRACT,
                ServiceCategory.PAID))).isNull();
        assertThat(CaseCategory.sharedBy(List.of())).isNull();
    }
}
