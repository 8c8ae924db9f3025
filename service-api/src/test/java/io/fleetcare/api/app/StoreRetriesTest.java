package io.fleetcare.api.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreRetriesTest {

    private final StoreRetries retries = new StoreRetries(List.of(Duration.ofMillis(1), Duration.ofMillis(1)));

    @Test
    void returnsWhatTheFirstSuccessfulAttemptReturned() {
        AtomicInteger calls = new AtomicInteger();

        String result = retries.attempt("record r-1", () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("database down");
            }
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(calls).hasValue(3);
    }

    @Test
    void rethrowsTheLastFailureAfterEveryPauseWasUsed() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retries.attempt("record r-1", () -> {
            throw new IllegalStateException("attempt " + calls.incrementAndGet());
        })).isInstanceOf(IllegalStateException.class).hasMessage("attempt 3");
        assertThat(calls).hasValue(3);
    }

    @Test
    void withoutPausesTriesOnce() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> new StoreRetries(List.of()).attempt("record r-1", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
    }
}
