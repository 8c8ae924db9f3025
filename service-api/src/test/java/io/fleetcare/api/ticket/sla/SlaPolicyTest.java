package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final Instant OPENED = Instant.parse("2026-11-24T10:15:30.123Z");

    @Test
    void seedTargetsMakeBothDueTimes24HoursAfterRegistration() {
        // given
        SlaPolicy policy = new SlaPolicy(Duration.ofHours(24), Duration.ofHours(24));

        // when
        SlaDueTimes due = policy.dueTimes(OPENED);

        // then
        assertThat(due.respondBy()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123Z"));
        assertThat(due.onSiteBy()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123Z"));
    }

    @Test
    void eachTargetIsAppliedOnItsOwn() {
        // given
        SlaPolicy policy = new SlaPolicy(Duration.ofHours(12), Duration.ofHours(24));

        // when
        SlaDueTimes due = policy.dueTimes(OPENED);

        // then
        assertThat(due.respondBy()).isEqualTo(OPENED.plus(Duration.ofHours(12)));
        assertThat(due.onSiteBy()).isEqualTo(OPENED.plus(Duration.ofHours(24)));
    }

    @Test
    void responseIsBreachedOnlyAfterTheDueTimeWhileStillAwaitingTheFirstResponse() {
        // given
        SlaPolicy policy = new SlaPolicy(Duration.ofHours(24), Duration.ofHours(24));
        SlaDueTimes due = policy.dueTimes(OPENED);
        Instant justAfter = due.respondBy().plusMillis(1);

        // then
        assertThat(policy.respondBreached(due, true, due.respondBy())).isFalse();
        assertThat(policy.respondBreached(due, true, justAfter)).isTrue();
        assertThat(policy.respondBreached(due, false, justAfter)).isFalse();
        assertThat(policy.respondBreached(due, true, OPENED)).isFalse();
    }

    @Test
    void targetsMustBePositive() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("respondWithin");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(24), Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onSiteWithin");
    }
}
