package io.fleetcare.api.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcare.api.login.RefusalTally.Key;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefusalTallyTest {

    private static final Instant WINDOW_START = Instant.parse("2026-12-08T10:00:00Z");
    private static final Key PAIR = new Key("alice", "203.0.113.1");

    private final RefusalTally tally = new RefusalTally(Duration.ofMinutes(15));

    @Test
    void onlyTheFirstWrongPasswordOfAWindowIsAuditedAtOnceAndTheRestInOneAggregate() {
        // given
        Instant t = WINDOW_START.plusSeconds(10);
        assertThat(tally.wrongPassword(PAIR, "GET /api/tickets", t)).isTrue();

        // when
        for (int i = 0; i < 4; i++) {
            assertThat(tally.wrongPassword(PAIR, "GET /api/tickets", t.plusSeconds(i))).isFalse();
        }
        for (int i = 0; i < 9_995; i++) {
            tally.tooEarly(PAIR, "POST /j_security_check", t.plusSeconds(60));
        }

        // then
        assertThat(tally.drainEnded(WINDOW_START.plus(Duration.ofMinutes(15)).minusMillis(1))).isEmpty();
        var ended = tally.drainEnded(WINDOW_START.plus(Duration.ofMinutes(15)));
        assertThat(ended).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo(PAIR);
            assertThat(a.wrongPasswords()).isEqualTo(4);
            assertThat(a.tooEarly()).isEqualTo(9_995);
            assertThat(a.first()).isEqualTo(t);
            assertThat(a.last()).isEqualTo(t.plusSeconds(60));
            assertThat(a.endpoint()).isEqualTo("POST /j_security_check");
        });
        assertThat(tally.drainEnded(WINDOW_START.plus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void aWindowWithASingleRefusalNeedsNoAggregate() {
        tally.wrongPassword(PAIR, "GET /api/tickets", WINDOW_START);
        assertThat(tally.drainEnded(WINDOW_START.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void theNextWindowStartsAgainWithARowOfItsOwnAndHandsOverTheEndedOne() {
        // given
        tally.wrongPassword(PAIR, "GET /api/tickets", WINDOW_START);
        tally.tooEarly(PAIR, "GET /api/tickets", WINDOW_START.plusSeconds(1));

        // when
        boolean first = tally.wrongPassword(PAIR, "GET /api/tickets", WINDOW_START.plus(Duration.ofMinutes(15)));

        // then
        assertThat(first).isTrue();
        assertThat(tally.drainEnded(WINDOW_START.plus(Duration.ofMinutes(16)))).singleElement()
                .satisfies(a -> assertThat(a.windowStart()).isEqualTo(WINDOW_START));
    }
}
