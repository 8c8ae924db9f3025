package io.fleetcare.api.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordContentTest {

    private static final RecordContent WRITTEN = new RecordContent("no charging", "blown fuse", "fuse replaced",
            "charges at 60 kW", 45, null);

    @Test
    void eachFieldIsCorrectedAloneAndTheOthersStay() {
        // when
        RecordContent corrected = WRITTEN.with(AmendedField.CAUSE, "surge from the grid")
                .with(AmendedField.MINUTES_SPENT, "90")
                .with(AmendedField.CUSTOMER_SIGN_OFF, "Ms Zhao");

        // then
        assertThat(corrected).isEqualTo(new RecordContent("no charging", "surge from the grid", "fuse replaced",
                "charges at 60 kW", 90, "Ms Zhao"));
        assertThat(WRITTEN.cause()).isEqualTo("blown fuse");
    }

    @Test
    void theLatestCorrectionOfAFieldWins() {
        // when
        RecordContent corrected = WRITTEN.with(AmendedField.SYMPTOM, "first").with(AmendedField.SYMPTOM, "second");

        // then
        assertThat(corrected.symptom()).isEqualTo("second");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "100001", "ninety", "1.5", ""})
    void minutesThatAreNoWholeNumberInRangeAreRefused(String value) {
        // when / then
        assertThatThrownBy(() -> WRITTEN.with(AmendedField.MINUTES_SPENT, value))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
