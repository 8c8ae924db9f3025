package io.fleetcare.api.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.api.account.Caller;
import io.fleetcare.api.account.Role;
import io.fleetcare.api.problem.InvalidRequestException;
import io.fleetcare.api.problem.ProblemException;
import io.fleetcare.api.ticket.TicketStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordFilingTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Instant WORKED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Caller ENGINEER = new Caller("eng", Set.of(Role.FIELD_ENGINEER));
    private static final Caller OTHER_ENGINEER = new Caller("eng-2", Set.of(Role.FIELD_ENGINEER));
    private static final Caller MANAGER = new Caller("boss", Set.of(Role.SERVICE_MANAGER));
    private static final Caller ADMIN = new Caller("root", Set.of(Role.ADMIN));

    @Test
    void theAssignedEngineerFilesOnACaseOnSiteOrLater() {
        // then
        for (TicketStatus status : RecordFiling.ON_SITE_OR_LATER) {
            assertThat(RecordFiling.check(ticket(status, true), ENGINEER, WORKED, NOW))
                    .isEqualTo(new RecordFiling.Filer("eng", null));
        }
        assertThat(RecordFiling.check(ticket(TicketStatus.ESCALATED, true), ENGINEER, WORKED, NOW).engineer())
                .isEqualTo("eng");
    }

    @Test
    void aCaseNotYetOnSiteOrAlreadyClosedIsRefused409() {
        // then
        for (TicketStatus status : EnumSet.complementOf(EnumSet.copyOf(RecordFiling.ON_SITE_OR_LATER))) {
            assertThatThrownBy(() -> RecordFiling.check(ticket(status, false), ENGINEER, WORKED, NOW))
                    .as(status.name()).isInstanceOf(RecordFilingRefusedException.class)
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(409);
        }
    }

    @Test
    void anotherEngineerOrAnAdminIsRefused403AndAManagerFilesOnTheEngineersBehalf() {
        // then
        assertThatThrownBy(() -> RecordFiling.check(ticket(TicketStatus.ON_SITE, true), OTHER_ENGINEER, WORKED, NOW))
                .isInstanceOf(RecordFilingRefusedException.class)
                .extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        assertThatThrownBy(() -> RecordFiling.check(ticket(TicketStatus.ON_SITE, true), ADMIN, WORKED, NOW))
                .isInstanceOf(RecordFilingRefusedException.class);
        assertThat(RecordFiling.check(ticket(TicketStatus.ON_SITE, true), MANAGER, WORKED, NOW))
                .isEqualTo(new RecordFiling.Filer("eng", "boss"));
    }

    @Test
    void withoutATicketOnlyAnEngineerFilesTheirOwnRecord() {
        // then
        assertThat(RecordFiling.check(null, ENGINEER, WORKED, NOW)).isEqualTo(new RecordFiling.Filer("eng", null));
        assertThatThrownBy(() -> RecordFiling.check(null, MANAGER, WORKED, NOW))
                .isInstanceOf(RecordFilingRefusedException.class);
    }

    @Test
    void workBeforeTheCaseOpenedOrInTheFutureIsRefused400() {
        // then
        assertThatThrownBy(() -> RecordFiling.check(ticket(TicketStatus.ON_SITE, true), ENGINEER,
                OPENED.minusSeconds(1), NOW)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> RecordFiling.check(ticket(TicketStatus.ON_SITE, true), ENGINEER,
                NOW.plusSeconds(1), NOW)).isInstanceOf(InvalidRequestException.class);
        assertThat(RecordFiling.check(ticket(TicketStatus.ON_SITE, true), ENGINEER, OPENED, NOW)).isNotNull();
    }

    private static RecordFiling.TicketFacts ticket(TicketStatus status, boolean wasOnSite) {
        return new RecordFiling.TicketFacts("TK-2026-000001", status, wasOnSite, "eng", OPENED);
    }
}
