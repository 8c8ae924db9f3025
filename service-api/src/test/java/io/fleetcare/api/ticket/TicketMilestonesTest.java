package io.fleetcare.api.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcare.api.ticket.sla.SlaDueTimes;
import io.fleetcare.api.ticket.sla.SlaMilestones;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How status moves set the points at which the SLA clocks stop. */
class TicketMilestonesTest {

    private static final Instant OPENED = Instant.parse("2026-11-24T02:00:00Z");

    @Test
    void eachMilestoneIsSetWhenFirstReachedAndNeverMovedAgain() {
        // given
        Ticket ticket = newTicket();
        Instant ack = OPENED.plus(Duration.ofHours(1));
        Instant escalated = OPENED.plus(Duration.ofHours(2));
        Instant ackAgain = OPENED.plus(Duration.ofHours(3));

        // when
        ticket.moveTo(TicketStatus.ACKNOWLEDGED, ack, "noc", null);
        ticket.moveTo(TicketStatus.ESCALATED, escalated, "noc", "customer called twice");
        ticket.moveTo(TicketStatus.ACKNOWLEDGED, ackAgain, "manager", null);

        // then
        assertThat(ticket.milestones()).isEqualTo(new SlaMilestones(ack, null, null, null, null));
        assertThat(ticket.status()).isEqualTo(TicketStatus.ACKNOWLEDGED);
        assertThat(ticket.statusChangedAt()).isEqualTo(ackAgain);
        assertThat(ticket.transitions()).extracting(TicketTransition::from, TicketTransition::to)
                .containsExactly(
                        tuple(TicketStatus.REGISTERED, TicketStatus.ACKNOWLEDGED),
                        tuple(TicketStatus.ACKNOWLEDGED, TicketStatus.ESCALATED),
                        tuple(TicketStatus.ESCALATED, TicketStatus.ACKNOWLEDGED));
    }

    @Test
    void resolvingStraightFromEscalationAlsoMeetsTheEarlierMilestones() {
        // given
        Ticket ticket = newTicket();
        Instant resolved = OPENED.plus(Duration.ofHours(5));
        ticket.moveTo(TicketStatus.ESCALATED, OPENED.plus(Duration.ofHours(1)), "noc", "unit smoking");

        // when
        ticket.moveTo(TicketStatus.RESOLVED, resolved, "manager", "unit replaced");

        // then
        assertThat(ticket.milestones()).isEqualTo(new SlaMilestones(resolved, resolved, resolved, resolved, null));
    }

    @Test
    void aCancelledTicketStopsItsClocksWhenCancelled() {
        // given
        Ticket ticket = newTicket();
        Instant cancelled = OPENED.plus(Duration.ofMinutes(30));

        // when
        ticket.moveTo(TicketStatus.CANCELLED, cancelled, "manager", "duplicate call");

        // then
        assertThat(ticket.milestones()).isEqualTo(new SlaMilestones(null, null, null, null, cancelled));
        assertThat(ticket.transitions().get(0).reason()).isEqualTo("duplicate call");
    }

    private static Ticket newTicket() {
        SlaDueTimes due = new SlaDueTimes(OPENED.plus(Duration.ofHours(24)), OPENED.plus(Duration.ofHours(12)),
                OPENED.plus(Duration.ofHours(24)), OPENED.plus(Duration.ofDays(14)), null);
        return Ticket.registerByPerson("TK-2026-000042", TicketChannel.PHONE, "STB-0042", DeviceType.SET_TOP_BOX,
                null, Severity.MAJOR, "no picture", "noc", OPENED, due, null);
    }
}
