package io.fleetcare.api.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaWatchTest {

    private static final Instant OPENED = Instant.parse("2026-12-08T00:00:00Z");
    private static final Instant DUE = OPENED.plusSeconds(24 * 3600);

    @Test
    void theWarningComesAtTheShareAndTheBreachAtTheDueTime() {
        assertThat(SlaWatch.at(OPENED, DUE, null, 75, OPENED.plusSeconds(18 * 3600 - 1))).isEmpty();
        assertThat(SlaWatch.at(OPENED, DUE, null, 75, OPENED.plusSeconds(18 * 3600))).contains(SlaWatch.Point.WARNING);
        assertThat(SlaWatch.at(OPENED, DUE, null, 75, DUE.minusMillis(1))).contains(SlaWatch.Point.WARNING);
        assertThat(SlaWatch.at(OPENED, DUE, null, 75, DUE)).contains(SlaWatch.Point.BREACH);
    }

    @Test
    void aStoppedClockIsNeitherWarnedNorBreached() {
        assertThat(SlaWatch.at(OPENED, DUE, OPENED.plusSeconds(60), 75, DUE.plusSeconds(3600))).isEmpty();
    }
}
