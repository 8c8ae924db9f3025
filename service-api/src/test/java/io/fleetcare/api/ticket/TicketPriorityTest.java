package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketPriorityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CRITICAL, P1", "MAJOR, P2", "MINOR, P3", "WARNING, P4"})
    void priorityFollowsSeverityMostUrgentFirst(Severity severity, TicketPriority expected) {
        assertThat(TicketPriority.fromSeverity(severity)).isEqualTo(expected);
    }
}
