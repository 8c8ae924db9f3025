package io.fleetcare.api.ticket;

import static io.fleetcare.api.ticket.TicketStatus.ACKNOWLEDGED;
import static io.fleetcare.api.ticket.TicketStatus.CANCELLED;
import static io.fleetcare.api.ticket.TicketStatus.CLOSED;
import static io.fleetcare.api.ticket.TicketStatus.CUSTOMER_CONFIRMED;
import static io.fleetcare.api.ticket.TicketStatus.ESCALATED;
import static io.fleetcare.api.ticket.TicketStatus.ON_SITE;
import static io.fleetcare.api.ticket.TicketStatus.REGISTERED;
import static io.fleetcare.api.ticket.TicketStatus.RESOLVED;
import static io.fleetcare.api.ticket.TicketStatus.SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.account.Role;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every one of the 81 status pairs, legal or not, and the role matrix over all of them. */
class TicketLifecycleTest {

    private record Move(TicketStatus from, TicketStatus to) {
    }

    /** The lifecycle as documented in the README, written out independently of the implementation. */
    private static final Set<Move> LEGAL = Set.of(
            new Move(REGISTERED, ACKNOWLEDGED), new Move(REGISTERED, ESCALATED), new Move(REGISTERED, CANCELLED),
            new Move(ACKNOWLEDGED, SCHEDULED), new Move(ACKNOWLEDGED, ESCALATED), new Move(ACKNOWLEDGED, CANCELLED),
            new Move(SCHEDULED, ON_SITE), new Move(SCHEDULED, ESCALATED), new Move(SCHEDULED, CANCELLED),
            new Move(ON_SITE, RESOLVED), new Move(ON_SITE, ESCALATED), new Move(ON_SITE, CANCELLED),
            new Move(RESOLVED, CUSTOMER_CONFIRMED), new Move(RESOLVED, ESCALATED),
            new Move(CUSTOMER_CONFIRMED, CLOSED), new Move(CUSTOMER_CONFIRMED, ESCALATED),
            new Move(ESCALATED, ACKNOWLEDGED), new Move(ESCALATED, SCHEDULED), new Move(ESCALATED, ON_SITE),
            new Move(ESCALATED, RESOLVED), new Move(ESCALATED, CANCELLED));

    private static final Set<Move> NOC_OPERATOR = Set.of(
            new Move(REGISTERED, ACKNOWLEDGED), new Move(REGISTERED, ESCALATED), new Move(ACKNOWLEDGED, ESCALATED),
            new Move(SCHEDULED, ESCALATED), new Move(ON_SITE, ESCALATED), new Move(RESOLVED, ESCALATED),
            new Move(CUSTOMER_CONFIRMED, ESCALATED));

    private static final Set<Move> FIELD_ENGINEER = Set.of(new Move(SCHEDULED, ON_SITE), new Move(ON_SITE, RESOLVED));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(TicketStatus.values())
                .flatMap(from -> Arrays.stream(TicketStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void lifecycleAllowsExactlyTheDocumentedMoves(TicketStatus from, TicketStatus to) {
        // given
        boolean documented = LEGAL.contains(new Move(from, to));

        // when
        boolean allowed = TicketLifecycle.allows(from, to);

        // then
        assertThat(allowed).as("%s -> %s", from, to).isEqualTo(documented);
        assertThat(TicketLifecycle.next(from).contains(to)).isEqualTo(documented);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void eachRoleIsPermittedExactlyItsDocumentedMoves(TicketStatus from, TicketStatus to) {
        // given
        Move move = new Move(from, to);

        // then
        assertThat(TicketLifecycle.permits(Role.ADMIN, from, to)).isEqualTo(LEGAL.contains(move));
        assertThat(TicketLifecycle.permits(Role.SERVICE_MANAGER, from, to)).isEqualTo(LEGAL.contains(move));
        assertThat(TicketLifecycle.permits(Role.NOC_OPERATOR, from, to)).isEqualTo(NOC_OPERATOR.contains(move));
        assertThat(TicketLifecycle.permits(Role.FIELD_ENGINEER, from, to)).isEqualTo(FIELD_ENGINEER.contains(move));
    }

    @Test
    void roleMatricesOfOperatorAndEngineerOnlyNameLegalMoves() {
        assertThat(LEGAL).containsAll(NOC_OPERATOR).containsAll(FIELD_ENGINEER);
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void closedAndCancelledAreFinalAndNoStatusMovesToItself(TicketStatus status) {
        assertThat(TicketLifecycle.allows(status, status)).isFalse();
        if (!status.isOpen()) {
            assertThat(TicketLifecycle.next(status)).isEmpty();
        }
    }

    @Test
    void cancellingIsOnlyPossibleBeforeTheRepair() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(s -> TicketLifecycle.allows(s, CANCELLED)))
                .containsExactlyInAnyOrder(REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE, ESCALATED);
    }

    @Test
    void everyOpenStatusButEscalatedItselfCanBeEscalated() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(s -> TicketLifecycle.allows(s, ESCALATED)))
                .containsExactlyInAnyOrder(REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE, RESOLVED,
                        CUSTOMER_CONFIRMED);
    }

    @Test
    void onlyEscalationAndCancellationNeedAReason() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketLifecycle::reasonRequired))
                .containsExactlyInAnyOrder(ESCALATED, CANCELLED);
    }

    @Test
    void schedulingAndGoingOnSiteNeedAnAssignedEngineer() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketLifecycle::assignmentRequired))
                .containsExactlyInAnyOrder(SCHEDULED, ON_SITE);
    }

    @Test
    void anEngineerMovesOnlyAsTheAssignedEngineerUnlessAnotherRolePermitsTheMove() {
        // given
        List<Role> engineer = List.of(Role.FIELD_ENGINEER);
        List<Role> engineerAndManager = List.of(Role.FIELD_ENGINEER, Role.SERVICE_MANAGER);

        // then
        assertThat(TicketLifecycle.onlyAsAssignedEngineer(engineer, SCHEDULED, ON_SITE)).isTrue();
        assertThat(TicketLifecycle.onlyAsAssignedEngineer(engineer, ON_SITE, RESOLVED)).isTrue();
        assertThat(TicketLifecycle.onlyAsAssignedEngineer(engineerAndManager, SCHEDULED, ON_SITE)).isFalse();
        assertThat(TicketLifecycle.onlyAsAssignedEngineer(List.of(Role.SERVICE_MANAGER), SCHEDULED, ON_SITE))
                .isFalse();
        assertThat(TicketLifecycle.permits(EnumSet.noneOf(Role.class), REGISTERED, ACKNOWLEDGED)).isFalse();
    }
}
