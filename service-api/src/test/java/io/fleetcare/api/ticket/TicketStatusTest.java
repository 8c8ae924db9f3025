package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TicketStatusTest {

    @Test
    void onlyClosedAndCancelledCasesAreNoLongerOpen() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(s -> !s.isOpen()))
                .containsExactlyInAnyOrder(TicketStatus.CLOSED, TicketStatus.CANCELLED);
    }
}
