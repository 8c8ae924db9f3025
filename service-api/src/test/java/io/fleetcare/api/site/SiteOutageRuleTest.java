package io.fleetcare.api.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteOutageRuleTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:02:00Z");
    private static final SiteOutageRule RULE = new SiteOutageRule(10, 0.5, Duration.ofMinutes(2));

    @Test
    void theThresholdIsTheLargerOfTheFewestDevicesAndTheShareOfTheSite() {
        assertThat(RULE.threshold(340)).isEqualTo(170);
        assertThat(RULE.threshold(201)).isEqualTo(101);
        assertThat(RULE.threshold(12)).isEqualTo(10);
        assertThat(RULE.threshold(0)).isEqualTo(10);
    }

    @Test
    void enoughDevicesOfflineWithinTheWindowAreAnOutage() {
        // given: 200 of 200 devices raise within 30 s, in no particular order
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            held.add(offline("d" + i, T0.plusMillis((i * 7919L) % 30_000), T0.plusSeconds(20)));
        }

        // when
        SiteOutageRule.Verdict verdict = RULE.judge(200, held, T0.plusSeconds(25));

        // then
        assertThat(verdict.outage()).isTrue();
        assertThat(verdict.released()).isEmpty();
    }

    @Test
    void oneDeviceShortOfTheThresholdIsNoOutageAndIsHeldUntilTheSiteHasBeenQuietForAWindow() {
        // given: 99 of 200 (threshold 100) arriving one a second, as a lagging consumer would take a burst in
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 99; i++) {
            held.add(offline("d" + i, T0, T0.plusSeconds(i)));
        }

        // when: 2 minutes after the first arrived, but only 22 s after the last
        SiteOutageRule.Verdict early = RULE.judge(200, held, T0.plusSeconds(120));
        // and when: 2 minutes after the last
        SiteOutageRule.Verdict quiet = RULE.judge(200, held, T0.plusSeconds(98 + 120));

        // then: nothing is released while the site's alerts still come in, all of them once they stopped
        assertThat(early.outage()).isFalse();
        assertThat(early.released()).isEmpty();
        assertThat(quiet.outage()).isFalse();
        assertThat(quiet.released()).hasSize(99);
    }

    @Test
    void devicesComingBackKeepTheStillOfflineOnesHeldUntilTheSiteIsQuiet() {
        // given: 40 devices still offline after an outage ended, held again at T0
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            held.add(offline("d" + i, T0.minusSeconds(600), T0));
        }

        // when: a window after they were held again, the last of the other devices came back 30 s ago
        SiteOutageRule.Verdict returning = RULE.judge(200, held, T0.plusSeconds(90), T0.plusSeconds(120));
        // and when: a window after that last clear
        SiteOutageRule.Verdict quiet = RULE.judge(200, held, T0.plusSeconds(90), T0.plusSeconds(210));

        // then: nothing is released while the site's devices are still coming back, all once they stopped
        assertThat(returning.released()).isEmpty();
        assertThat(quiet.released()).hasSize(40);
        assertThat(RULE.judge(200, held, null, T0.plusSeconds(120)).released()).hasSize(40);
    }

    @Test
    void noAlertIsHeldLongerThanFiveWindowsEvenWhileItsSiteKeepsLosingDevices() {
        // given: a site losing one device every 100 s, never enough for an outage
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            held.add(offline("d" + i, T0.plusSeconds(100L * i), T0.plusSeconds(100L * i)));
        }

        // when: 10 minutes after the first arrived, 0 s after the last
        SiteOutageRule.Verdict verdict = RULE.judge(200, held, T0.plusSeconds(600));

        // then
        assertThat(verdict.released()).extracting(SiteOutageRule.Offline::deviceId).containsExactly("d0");
    }

    @Test
    void devicesGoingOfflineFurtherApartThanTheWindowAreNoOutage() {
        // given: 20 devices of a 20-device site, one every 10 s: at most 13 within any 2 minutes
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            held.add(offline("d" + i, T0.plusSeconds(10L * i), T0.plusSeconds(10L * i)));
        }
        SiteOutageRule strict = new SiteOutageRule(14, 0.5, Duration.ofMinutes(2));

        // when
        SiteOutageRule.Verdict verdict = strict.judge(20, held, T0.plusSeconds(195));

        // then: no outage, and all are released once the site has been quiet for a window
        assertThat(verdict.outage()).isFalse();
        assertThat(verdict.released()).isEmpty();
        assertThat(strict.judge(20, held, T0.plusSeconds(190 + 120)).released()).hasSize(20);
        assertThat(new SiteOutageRule(13, 0.5, Duration.ofMinutes(2)).judge(20, held, T0).outage()).isTrue();
    }

    @Test
    void theSameDeviceTwiceCountsOnce() {
        List<SiteOutageRule.Offline> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(offline("same", T0.plusSeconds(i), T0));
        }

        assertThat(RULE.judge(10, held, T0).outage()).isFalse();
    }

    @Test
    void aSingleDeviceIsNeverAnOutageAndIsReleasedAfterTheWindow() {
        List<SiteOutageRule.Offline> held = List.of(offline("lone", T0, T0));

        assertThat(RULE.judge(1, held, T0.plusSeconds(119)).released()).isEmpty();
        assertThat(RULE.judge(1, held, T0.plusSeconds(120)).released()).hasSize(1);
    }

    @Test
    void anOutageLastsWhileAtLeastTheThresholdIsStillOffline() {
        assertThat(RULE.stillAnOutage(200, 100)).isTrue();
        assertThat(RULE.stillAnOutage(200, 99)).isFalse();
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new SiteOutageRule(1, 0.5, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-devices");
        assertThatThrownBy(() -> new SiteOutageRule(10, 1.5, Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min-share");
        assertThatThrownBy(() -> new SiteOutageRule(10, 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }

    private static SiteOutageRule.Offline offline(String device, Instant raisedAt, Instant receivedAt) {
        return new SiteOutageRule.Offline("alert-" + device + "-" + raisedAt.toEpochMilli(), device, raisedAt,
                receivedAt);
    }
}
