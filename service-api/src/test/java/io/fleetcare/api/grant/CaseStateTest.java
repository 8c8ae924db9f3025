package io.fleetcare.api.grant;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** When the case of a grant implied by an assignment ends that grant. */
class CaseStateTest {

    private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final AccessGrant GRANT = AccessGrant.impliedByAssignment(7L, "STB-0042", "TK-2026-000042",
            "engineer", "manager", AT);

    @Test
    void aClosedOrCancelledCaseEndsTheGrantWhenItsStatusLastChanged() {
        Instant closed = AT.plusSeconds(3600);

        GrantView.Ending ending = CaseState.ofRow(new Object[] {"CLOSED", "engineer", Timestamp.from(closed)})
                .endingOf(GRANT);
        GrantView.Ending cancelled = CaseState.ofRow(new Object[] {"CANCELLED", "engineer",
                OffsetDateTime.ofInstant(closed, ZoneOffset.UTC)}).endingOf(GRANT);

        assertThat(ending).isEqualTo(new GrantView.Ending(closed, null, "case TK-2026-000042 CLOSED"));
        assertThat(cancelled).isEqualTo(new GrantView.Ending(closed, null, "case TK-2026-000042 CANCELLED"));
    }

    @Test
    void aCaseAssignedToSomebodyElseEndsTheGrantWithoutATime() {
        GrantView.Ending ending = CaseState.ofRow(new Object[] {"SCHEDULED", "other-engineer", AT}).endingOf(GRANT);

        assertThat(ending).isEqualTo(new GrantView.Ending(null, null,
                "case TK-2026-000042 assigned to somebody else"));
    }

    @Test
    void anOpenCaseStillAssignedToTheHolderKeepsTheGrant() {
        assertThat(CaseState.ofRow(new Object[] {"ON_SITE", "engineer", AT}).endingOf(GRANT)).isNull();
        assertThat(CaseState.ofRow(new Object[] {"RESOLVED", "engineer", null}).over()).isFalse();
    }
}
