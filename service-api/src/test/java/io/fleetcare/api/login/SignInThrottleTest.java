package io.fleetcare.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");

    private final SignInThrottle throttle = new SignInThrottle(
            new ThrottlePolicy(5, Duration.ofSeconds(1), Duration.ofMinutes(15)),
            new ThrottlePolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(15)),
            new ThrottlePolicy(20, Duration.ofSeconds(1), Duration.ofMinutes(15)),
            Duration.ofDays(30), Duration.ofHours(24), 1000);

    @Test
    void theSixthWrongPasswordFromOneAddressDelaysThatPairOnly() {
        // given
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("alice", "203.0.113.1", T0)).isEmpty();
        }

        // when
        var wait = throttle.failed("alice", "203.0.113.1", T0);

        // then
        assertThat(wait).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitBefore("alice", "203.0.113.1", T0.plusMillis(500)))
                .hasValueSatisfying(w -> assertThat(w.scope()).isEqualTo(SignInThrottle.Scope.ACCOUNT_AND_SOURCE));
        assertThat(throttle.waitBefore("alice", "203.0.113.1", T0.plusSeconds(1))).isEmpty();
        assertThat(throttle.waitBefore("alice", "198.51.100.1", T0)).isEmpty();
        assertThat(throttle.waitBefore("bob", "203.0.113.1", T0)).isEmpty();
    }

    @Test
    void attemptsRefusedForComingTooEarlyDoNotGrowTheWait() {
        // given
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice", "203.0.113.1", T0);
        }

        // when
        for (int i = 0; i < 10_000; i++) {
            throttle.waitBefore("alice", "203.0.113.1", T0.plusMillis(100));
        }

        // then
        assertThat(throttle.waitBefore("alice", "203.0.113.1", T0.plusMillis(100)))
                .map(SignInThrottle.Wait::retryAfter).contains(Duration.ofMillis(900));
        assertThat(throttle.failed("alice", "203.0.113.1", T0.plusSeconds(1))).contains(Duration.ofSeconds(2));
    }

    @Test
    void oneAddressTryingManyUsernamesWaitsForEveryUsernameThatNeverSignedInThere() {
        // given
        throttle.succeeded("carol", "203.0.113.9", T0);
        for (int i = 0; i < 21; i++) {
            throttle.failed("user" + i, "203.0.113.9", T0);
        }

        // then
        assertThat(throttle.waitBefore("someone-else", "203.0.113.9", T0))
                .hasValueSatisfying(w -> assertThat(w.scope()).isEqualTo(SignInThrottle.Scope.SOURCE));
        assertThat(throttle.waitBefore("carol", "203.0.113.9", T0)).isEmpty();
        assertThat(throttle.waitBefore("someone-else", "198.51.100.1", T0)).isEmpty();
    }

    @Test
    void manyAddressesGuessingOneUsernameDelayNewAddressesButNotOnesThePersonSignedInFrom() {
        // given
        throttle.succeeded("alice", "198.51.100.7", T0);
        for (int i = 0; i < 21; i++) {
            throttle.failed("alice", "203.0.113." + i, T0);
        }

        // then
        assertThat(throttle.waitBefore("alice", "203.0.113.200", T0))
                .hasValueSatisfying(w -> assertThat(w.scope()).isEqualTo(SignInThrottle.Scope.ACCOUNT));
        assertThat(throttle.waitBefore("alice", "198.51.100.7", T0)).isEmpty();
        assertThat(throttle.waitBefore("alice", "198.51.100.7", T0.plus(Duration.ofDays(31)).minusSeconds(1)))
                .isEmpty();
    }

    @Test
    void aSuccessClearsItsPairButATrustedAddressThatKeepsFailingWaitsLikeAnyOther() {
        // given
        throttle.succeeded("alice", "198.51.100.7", T0);
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice", "198.51.100.7", T0);
        }
        assertThat(throttle.waitBefore("alice", "198.51.100.7", T0)).isPresent();

        // when
        throttle.succeeded("alice", "198.51.100.7", T0.plusSeconds(2));

        // then
        assertThat(throttle.failed("alice", "198.51.100.7", T0.plusSeconds(2))).isEmpty();
    }

    @Test
    void failuresAreForgottenADayAfterTheLastOne() {
        // given
        for (int i = 0; i < 30; i++) {
            throttle.failed("alice", "203.0.113." + i, T0);
        }

        // when
        var wait = throttle.failed("alice", "203.0.113.99", T0.plus(Duration.ofHours(24)));

        // then
        assertThat(wait).isEmpty();
    }

    @Test
    void anUnknownAddressIsOneKeyOfItsOwn() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("alice", null, T0);
        }
        assertThat(throttle.waitBefore("alice", null, T0)).isPresent();
        assertThat(throttle.waitBefore("alice", "198.51.100.1", T0)).isEmpty();
    }
}
