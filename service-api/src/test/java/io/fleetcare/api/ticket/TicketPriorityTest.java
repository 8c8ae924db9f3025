package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.customer.CustomerTier;
import io.fleetcare.events.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TicketPriorityTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"CRITICAL, P1", "MAJOR, P2", "MINOR, P3", "WARNING, P4"})
    void priorityFollowsSeverityMostUrgentFirst(Severity severity, TicketPriority expected) {
        assertThat(TicketPriority.fromSeverity(severity)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} for tier {1} -> {2}")
    @CsvSource({
            "CRITICAL, A, P1", "MAJOR, A, P1", "MINOR, A, P2", "WARNING, A, P3",
            "CRITICAL, B, P1", "MAJOR, B, P2", "MINOR, B, P3", "WARNING, B, P4",
            "CRITICAL, C, P1", "MAJOR, C, P3", "MINOR, C, P4", "WARNING, C, P4"})
    void anACustomerMovesOneStepUpAndACCustomerOneStepDownExceptCritical(Severity severity, CustomerTier tier,
            TicketPriority expected) {
        assertThat(TicketPriority.of(severity, tier)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void aDeviceWithoutKnownOwnerGetsThePriorityOfItsSeverity(Severity severity) {
        assertThat(TicketPriority.of(severity, null)).isEqualTo(TicketPriority.fromSeverity(severity));
    }
}
