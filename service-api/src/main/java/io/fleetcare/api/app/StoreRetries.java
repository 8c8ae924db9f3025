package io.fleetcare.api.app;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs a database write for a Kafka consumer, trying again after each configured pause. When the
 * last attempt fails too, the failure is rethrown so that the record is not acknowledged: the
 * messaging channel stops and the record is read again after a restart, never silently dropped.
 */
public final class StoreRetries {

    private static final Logger LOG = Logger.getLogger(StoreRetries.class);

    private final List<Duration> pauses;

    /** @param pauses how long to wait before each further attempt; empty = a single attempt */
    public StoreRetries(List<Duration> pauses) {
        this.pauses = List.copyOf(pauses);
    }

    /**
     * @param what  names the record in log lines, e.g. {@code "alert a-1 of device STB-1"}
     * @param write the write; it must be safe to repeat (idempotent)
     * @return what the first successful attempt returned
     * @throws RuntimeException the last attempt's failure, after {@code pauses.size() + 1} attempts
     */
    public <T> T attempt(String what, Supplier<T> write) {
        for (int attempt = 0; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (attempt >= pauses.size()) {
                    LOG.errorf(e, "Could not store %s after %d attempts; not acknowledging it", what, attempt + 1);
                    throw e;
                }
                Duration pause = pauses.get(attempt);
                LOG.warnf("Storing %s failed (%s); trying again in %s", what, e.getClass().getSimpleName(), pause);
                sleep(pause);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
