package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketNumberTest {

    @Test
    void numberNamesTheUtcYearOfRegistrationAndAZeroPaddedRunningNumber() {
        assertThat(TicketNumber.format(Instant.parse("2026-11-24T10:00:00Z"), 1)).isEqualTo("TK-2026-000001");
        assertThat(TicketNumber.format(Instant.parse("2026-12-31T23:59:59Z"), 42)).isEqualTo("TK-2026-000042");
        assertThat(TicketNumber.format(Instant.parse("2027-01-01T00:00:00Z"), 43)).isEqualTo("TK-2027-000043");
    }

    @Test
    void runningNumberGrowsBeyondSixDigitsAndStillMatchesTheFormat() {
        String number = TicketNumber.format(Instant.parse("2026-11-24T10:00:00Z"), 1_234_567);

        assertThat(number).isEqualTo("TK-2026-1234567");
        assertThat(TicketNumber.FORMAT.matcher(number).matches()).isTrue();
    }

    @Test
    void runningNumberMustBePositive() {
        assertThatThrownBy(() -> TicketNumber.format(Instant.now(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
