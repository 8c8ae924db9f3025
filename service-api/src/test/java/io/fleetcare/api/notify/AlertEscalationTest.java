package io.fleetcare.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.events.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEscalationTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-08T02:00:00Z");
    private static final ZoneId UTC = ZoneOffset.UTC;

    private static NotificationRule rule(LocalTime quietFrom, LocalTime quietTo, Integer repeat) {
        NotificationTarget noc = new NotificationTarget(1L, NotificationChannel.EMAIL, "noc@example.com", null);
        NotificationTarget lead = new NotificationTarget(2L, NotificationChannel.EMAIL, "lead@example.com", null);
        NotificationTarget chief = new NotificationTarget(3L, NotificationChannel.EMAIL, "chief@example.com", null);
        return new NotificationRule(7L, "major", RuleTrigger.ALERT, Severity.MAJOR, null, null, null, quietFrom,
                quietTo, repeat, List.of(new EscalationLevel(1, 0, List.of(noc)),
                        new EscalationLevel(2, 15, List.of(lead)), new EscalationLevel(3, 60, List.of(chief))),
                "boss", RECEIVED);
    }

    private static List<String> keys(List<AlertEscalation.Step> steps) {
        return steps.stream().map(AlertEscalation.Step::key).toList();
    }

    @Test
    void levelOneIsDueAtOnceAndTheNextLevelOnlyAfterItsDelay() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, false, false, false);

        assertThat(keys(AlertEscalation.due(rule(null, null, null), alert, RECEIVED, UTC))).containsExactly("L1");
        assertThat(keys(AlertEscalation.due(rule(null, null, null), alert, RECEIVED.plusSeconds(14 * 60 + 59), UTC)))
                .containsExactly("L1");
        assertThat(keys(AlertEscalation.due(rule(null, null, null), alert, RECEIVED.plusSeconds(15 * 60), UTC)))
                .containsExactly("L1", "L2");
        assertThat(keys(AlertEscalation.due(rule(null, null, null), alert, RECEIVED.plusSeconds(61 * 60), UTC)))
                .containsExactly("L1", "L2", "L3");
    }

    @Test
    void anAcknowledgedAlertEscalatesNoFurther() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, true, false, false);

        assertThat(keys(AlertEscalation.due(rule(null, null, 5), alert, RECEIVED.plusSeconds(3600 * 5), UTC)))
                .containsExactly("L1");
    }

    @Test
    void aClearedAlertNeedsNothing() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, false, true, false);

        assertThat(AlertEscalation.due(rule(null, null, null), alert, RECEIVED.plusSeconds(3600), UTC)).isEmpty();
    }

    @Test
    void aSafetyFaultTellsEveryLevelAtOnceEvenInQuietHours() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, false, false, true);

        assertThat(keys(AlertEscalation.due(rule(LocalTime.of(1, 0), LocalTime.of(6, 0), null), alert, RECEIVED,
                UTC))).containsExactly("L1", "L2", "L3");
    }

    @Test
    void quietHoursHoldWhatIsDueUntilTheyEndOverMidnightToo() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, false, false, false);
        NotificationRule overMidnight = rule(LocalTime.of(22, 0), LocalTime.of(3, 0), null);

        assertThat(AlertEscalation.due(overMidnight, alert, RECEIVED, UTC)).isEmpty();
        assertThat(keys(AlertEscalation.due(overMidnight, alert, Instant.parse("2026-12-08T03:00:00Z"), UTC)))
                .containsExactly("L1", "L2", "L3");
    }

    @Test
    void theHighestLevelIsRepeatedOnlyAsTheLatestRepeat() {
        AlertEscalation.AlertFacts alert = new AlertEscalation.AlertFacts(RECEIVED, false, false, false);
        NotificationRule repeating = rule(null, null, 10);

        assertThat(keys(AlertEscalation.due(repeating, alert, RECEIVED.plusSeconds(9 * 60), UTC)))
                .containsExactly("L1");
        assertThat(keys(AlertEscalation.due(repeating, alert, RECEIVED.plusSeconds(14 * 60), UTC)))
                .containsExactly("L1", "L1R1");
        assertThat(keys(AlertEscalation.due(repeating, alert, RECEIVED.plusSeconds(36 * 60), UTC)))
                .containsExactly("L1", "L2", "L2R2");
    }
}
