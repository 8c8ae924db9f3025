package io.fleetcare.api.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    /** Friday 2026-09-25 is the Mid-Autumn holiday; Monday 2026-09-21 10:15 Shanghai time. */
    private static final Instant OPENED = Instant.parse("2026-09-21T02:15:30.123Z");

    private static final WorkingCalendar CALENDAR = new WorkingCalendar(ZoneId.of("Asia/Shanghai"),
            List.of(LocalDate.parse("2026-09-25"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"),
                    LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
            List.of());

    private static final SlaPolicy SEED_TARGETS =
            new SlaPolicy(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(24), 10, 3, 5, CALENDAR);

    @Test
    void hourTargetsRunRoundTheClockFromRegistration() {
        // when
        SlaDueTimes due = SEED_TARGETS.dueTimes(OPENED, false);

        // then
        assertThat(due.respondBy()).isEqualTo(Instant.parse("2026-09-22T02:15:30.123Z"));
        assertThat(due.answerBy()).isEqualTo(Instant.parse("2026-09-21T14:15:30.123Z"));
        assertThat(due.onSiteBy()).isEqualTo(Instant.parse("2026-09-22T02:15:30.123Z"));
    }

    @Test
    void repairIsDueAtTheEndOfTheTenthWorkingDaySkippingHolidays() {
        // when
        SlaDueTimes due = SEED_TARGETS.dueTimes(OPENED, false);

        // then: 22, 23, 24, 28, 29, 30 Sep, 8, 9, 12, 13 Oct -> end of 13 Oct, Shanghai time
        assertThat(due.repairBy()).isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
    }

    @Test
    void onlyComplaintsGetAVerificationTargetOfThreeWorkingDays() {
        // when
        SlaDueTimes complaint = SEED_TARGETS.dueTimes(OPENED, true);
        SlaDueTimes ordinary = SEED_TARGETS.dueTimes(OPENED, false);

        // then: 22, 23, 24 Sep -> end of Thursday 24 Sep, Shanghai time
        assertThat(complaint.complaintVerifyBy()).isEqualTo(Instant.parse("2026-09-24T16:00:00Z"));
        assertThat(ordinary.complaintVerifyBy()).isNull();
    }

    @Test
    void aTargetIsMissedWhileItsMilestoneIsNotReachedAfterTheDueTime() {
        // given
        SlaDueTimes due = SEED_TARGETS.dueTimes(OPENED, true);
        Instant justAfterRespondBy = due.respondBy().plusMillis(1);

        // then
        assertThat(SEED_TARGETS.breaches(due, SlaMilestones.none(), due.respondBy()).respond()).isFalse();
        SlaBreaches later = SEED_TARGETS.breaches(due, SlaMilestones.none(), justAfterRespondBy);
        assertThat(later.respond()).isTrue();
        assertThat(later.answer()).isTrue();
        assertThat(later.onSite()).isTrue();
        assertThat(later.repair()).isFalse();
        assertThat(later.complaintVerify()).isFalse();
        assertThat(SEED_TARGETS.breaches(due, SlaMilestones.none(), OPENED))
                .isEqualTo(new SlaBreaches(false, false, false, false, false));
    }

    @Test
    void aMilestoneReachedInTimeMeetsTheTargetForGoodAndOneReachedLateMissesItForGood() {
        // given
        SlaDueTimes due = SEED_TARGETS.dueTimes(OPENED, false);
        Instant inTime = due.respondBy().minusSeconds(1);
        Instant late = due.respondBy().plusSeconds(1);
        Instant muchLater = due.repairBy().plusSeconds(1);

        // when
        SlaBreaches acknowledgedInTime =
                SEED_TARGETS.breaches(due, new SlaMilestones(inTime, null, null, null, null), muchLater);
        SlaBreaches acknowledgedLate =
                SEED_TARGETS.breaches(due, new SlaMilestones(late, null, null, null, null), late);

        // then
        assertThat(acknowledgedInTime.respond()).isFalse();
        assertThat(acknowledgedInTime.repair()).isTrue();
        assertThat(acknowledgedInTime.complaintVerify()).as("no complaint").isNull();
        assertThat(acknowledgedLate.respond()).isTrue();
    }

    @Test
    void cancellingStopsTheClocksThatStillRun() {
        // given
        SlaDueTimes due = SEED_TARGETS.dueTimes(OPENED, false);
        Instant cancelledEarly = OPENED.plus(Duration.ofHours(1));
        Instant muchLater = due.repairBy().plusSeconds(1);

        // when
        SlaBreaches breaches =
                SEED_TARGETS.breaches(due, new SlaMilestones(null, null, null, null, cancelledEarly), muchLater);

        // then
        assertThat(breaches).isEqualTo(new SlaBreaches(false, false, false, false, null));
    }

    @Test
    void targetsMustBePositive() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, Duration.ofHours(12), Duration.ofHours(24), 10, 3, 5,
                CALENDAR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("respondWithin");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(-1), 10,
                3, 5, CALENDAR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("onSiteWithin");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(24), 0,
                3, 5, CALENDAR)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repairWorkingDays");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(24), Duration.ofHours(12), Duration.ofHours(24), 10,
                3, 0, CALENDAR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("returnedGoodsWorkingDays");
    }
}
