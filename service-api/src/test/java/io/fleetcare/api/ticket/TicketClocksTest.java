package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaMilestones;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which milestones a move to each status reaches on a ticket's clocks. */
class TicketClocksTest {

    private static final Instant OPENED = Instant.parse("2026-11-24T02:00:00Z");
    private static final Instant AT = OPENED.plus(Duration.ofHours(3));

    @ParameterizedTest(name = "{0} reaches acknowledged {1}, scheduled {2}, on site {3}, resolved {4}")
    @CsvSource({
            "REGISTERED,         false, false, false, false",
            "ESCALATED,          false, false, false, false",
            "CANCELLED,          false, false, false, false",
            "ACKNOWLEDGED,       true,  false, false, false",
            "SCHEDULED,          true,  true,  false, false",
            "ON_SITE,            true,  true,  true,  false",
            "RESOLVED,           true,  true,  true,  true",
            "CUSTOMER_CONFIRMED, true,  true,  true,  true",
            "CLOSED,             true,  true,  true,  true"})
    void aMoveReachesItsMilestoneAndEveryEarlierOneOfTheMainLine(TicketStatus to, boolean acknowledged,
            boolean scheduled, boolean onSite, boolean resolved) {
        // given
        TicketClocks clocks = new TicketClocks(due());

        // when
        clocks.reach(to, AT);

        // then
        assertThat(clocks.reached(null)).isEqualTo(new SlaMilestones(acknowledged ? AT : null,
                scheduled ? AT : null, onSite ? AT : null, resolved ? AT : null, null));
        assertThat(clocks.due()).isEqualTo(due());
    }

    @ParameterizedTest
    @CsvSource({"ON_SITE", "RESOLVED", "CLOSED"})
    void aMilestoneReachedBeforeKeepsItsFirstTime(TicketStatus later) {
        // given
        TicketClocks clocks = new TicketClocks(due());
        Instant acknowledged = OPENED.plus(Duration.ofHours(1));
        clocks.reach(TicketStatus.ACKNOWLEDGED, acknowledged);

        // when
        clocks.reach(later, AT);

        // then
        assertThat(clocks.reached(null).acknowledgedAt()).isEqualTo(acknowledged);
        assertThat(clocks.reached(null).scheduledAt()).isEqualTo(AT);
    }

    private static SlaDueTimes due() {
        return new SlaDueTimes(OPENED.plus(Duration.ofHours(24)), OPENED.plus(Duration.ofHours(12)),
                OPENED.plus(Duration.ofHours(24)), OPENED.plus(Duration.ofDays(14)), null);
    }
}
