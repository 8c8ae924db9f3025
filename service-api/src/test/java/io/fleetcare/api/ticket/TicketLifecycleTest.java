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
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one of the 81 status pairs, legal or not, and the role matrix over all of them; ESCALATED with every status it
 * can have been escalated from (issue 20: no shortcut past the visit, the repair or the confirmation).
 */
class TicketLifecycleTest {

    private record Move(TicketStatus from, TicketStatus to) {
    }

    /** The lifecycle as documented in the README, written out independently of the implementation. */
    private static final Set<Move> LEGAL = Set.of(
            new Move(REGISTERED, ACKNOWLEDGED), new Move(REGISTERED, ESCALATED), new Move(REGISTERED, CANCELLED),
            new Move(ACKNOWLEDGED, SCHEDULED), new Move(ACKNOWLEDGED, RESOLVED), new Move(ACKNOWLEDGED, ESCALATED),
            new Move(ACKNOWLEDGED, CANCELLED),
            new Move(SCHEDULED, ON_SITE), new Move(SCHEDULED, ESCALATED), new Move(SCHEDULED, CANCELLED),
            new Move(ON_SITE, RESOLVED), new Move(ON_SITE, ESCALATED), new Move(ON_SITE, CANCELLED),
            new Move(RESOLVED, CUSTOMER_CONFIRMED), new Move(RESOLVED, ACKNOWLEDGED), new Move(RESOLVED, ESCALATED),
            new Move(CUSTOMER_CONFIRMED, CLOSED), new Move(CUSTOMER_CONFIRMED, ACKNOWLEDGED),
            new Move(CUSTOMER_CONFIRMED, ESCALATED));

    private static final Set<Move> NOC_OPERATOR = Set.of(
            new Move(REGISTERED, ACKNOWLEDGED), new Move(REGISTERED, ESCALATED), new Move(ACKNOWLEDGED, ESCALATED),
            new Move(SCHEDULED, ESCALATED), new Move(ON_SITE, ESCALATED), new Move(RESOLVED, ESCALATED),
            new Move(CUSTOMER_CONFIRMED, ESCALATED), new Move(ACKNOWLEDGED, RESOLVED), new Move(RESOLVED, ACKNOWLEDGED),
            new Move(CUSTOMER_CONFIRMED, ACKNOWLEDGED));

    private static final Set<Move> FIELD_ENGINEER = Set.of(new Move(SCHEDULED, ON_SITE), new Move(ON_SITE, RESOLVED));

    /** What a supervisor may return an ESCALATED case to, per status it was escalated from, written out by hand. */
    private static final Map<TicketStatus, Set<TicketStatus>> DE_ESCALATION = Map.of(
            REGISTERED, Set.of(REGISTERED, ACKNOWLEDGED, CANCELLED),
            ACKNOWLEDGED, Set.of(ACKNOWLEDGED, SCHEDULED, RESOLVED, CANCELLED),
            SCHEDULED, Set.of(SCHEDULED, ON_SITE, CANCELLED),
            ON_SITE, Set.of(ON_SITE, RESOLVED, CANCELLED),
            RESOLVED, Set.of(RESOLVED, CUSTOMER_CONFIRMED, ACKNOWLEDGED),
            CUSTOMER_CONFIRMED, Set.of(CUSTOMER_CONFIRMED, CLOSED, ACKNOWLEDGED));

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
        boolean allowed = TicketLifecycle.allows(from, to, null);

        // then
        if (from != ESCALATED) {
            assertThat(allowed).as("%s -> %s", from, to).isEqualTo(documented);
            assertThat(TicketLifecycle.next(from, null).contains(to)).isEqualTo(documented);
        }
    }

    @ParameterizedTest(name = "escalated from {0} -> {1}")
    @MethodSource("everyPair")
    void anEscalatedCaseReturnsOnlyToWhereItWasOrToOneOfItsMoves(TicketStatus escalatedFrom, TicketStatus to) {
        // given
        Set<TicketStatus> documented = DE_ESCALATION.getOrDefault(escalatedFrom, Set.of(ACKNOWLEDGED, CANCELLED));

        // when
        boolean allowed = TicketLifecycle.allows(ESCALATED, to, escalatedFrom);

        // then
        assertThat(allowed).as("escalated from %s -> %s", escalatedFrom, to).isEqualTo(documented.contains(to));
        assertThat(TicketLifecycle.permits(Role.SERVICE_MANAGER, ESCALATED, to, escalatedFrom))
                .isEqualTo(documented.contains(to));
        assertThat(TicketLifecycle.permits(Role.NOC_OPERATOR, ESCALATED, to, escalatedFrom)).isFalse();
        assertThat(TicketLifecycle.permits(Role.FIELD_ENGINEER, ESCALATED, to, escalatedFrom)).isFalse();
    }

    @Test
    void theEscalationShortcutFromRegisteredToResolvedIsGone() {
        assertThat(TicketLifecycle.allows(ESCALATED, RESOLVED, REGISTERED)).isFalse();
        assertThat(TicketLifecycle.next(ESCALATED, REGISTERED)).containsExactlyInAnyOrder(REGISTERED, ACKNOWLEDGED,
                CANCELLED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void eachRoleIsPermittedExactlyItsDocumentedMoves(TicketStatus from, TicketStatus to) {
        // given
        Move move = new Move(from, to);
        Assumptions.assumeTrue(from != ESCALATED, "ESCALATED depends on where it came from, tested above");

        // then
        assertThat(TicketLifecycle.permits(Role.ADMIN, from, to, null)).isEqualTo(LEGAL.contains(move));
        assertThat(TicketLifecycle.permits(Role.SERVICE_MANAGER, from, to, null)).isEqualTo(LEGAL.contains(move));
        assertThat(TicketLifecycle.permits(Role.NOC_OPERATOR, from, to, null)).isEqualTo(NOC_OPERATOR.contains(move));
        assertThat(TicketLifecycle.permits(Role.FIELD_ENGINEER, from, to, null)).isEqualTo(FIELD_ENGINEER.contains(move));
        assertThat(TicketLifecycle.permits(Role.TOP_MANAGER, from, to, null)).as("the top manager moves no case").isFalse();
    }

    @Test
    void roleMatricesOfOperatorAndEngineerOnlyNameLegalMoves() {
        assertThat(LEGAL).containsAll(NOC_OPERATOR).containsAll(FIELD_ENGINEER);
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void closedAndCancelledAreFinalAndNoStatusMovesToItself(TicketStatus status) {
        assertThat(TicketLifecycle.allows(status, status, null)).isFalse();
        if (!status.isOpen()) {
            assertThat(TicketLifecycle.next(status, null)).isEmpty();
        }
    }

    @Test
    void cancellingIsOnlyPossibleBeforeTheRepair() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(s -> TicketLifecycle.allows(s, CANCELLED, ON_SITE)))
                .containsExactlyInAnyOrder(REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE, ESCALATED);
    }

    @Test
    void everyOpenStatusButEscalatedItselfCanBeEscalated() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(s -> TicketLifecycle.allows(s, ESCALATED, ON_SITE)))
                .containsExactlyInAnyOrder(REGISTERED, ACKNOWLEDGED, SCHEDULED, ON_SITE, RESOLVED,
                        CUSTOMER_CONFIRMED);
    }

    @Test
    void onlyEscalationCancellationAndReopeningNeedAReason() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(to -> TicketLifecycle.reasonRequired(SCHEDULED, to)))
                .containsExactlyInAnyOrder(ESCALATED, CANCELLED);
        assertThat(TicketLifecycle.reasonRequired(RESOLVED, ACKNOWLEDGED)).isTrue();
        assertThat(TicketLifecycle.reasonRequired(CUSTOMER_CONFIRMED, ACKNOWLEDGED)).isTrue();
        assertThat(TicketLifecycle.reasonRequired(REGISTERED, ACKNOWLEDGED)).isFalse();
    }

    @Test
    void resolvingNeedsEvidenceAndConfirmingNeedsTheCustomersConfirmation() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketLifecycle::resolutionRequired))
                .containsExactly(RESOLVED);
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketLifecycle::confirmationRequired))
                .containsExactly(CUSTOMER_CONFIRMED);
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
        assertThat(TicketLifecycle.permits(EnumSet.noneOf(Role.class), REGISTERED, ACKNOWLEDGED, null)).isFalse();
    }
}
