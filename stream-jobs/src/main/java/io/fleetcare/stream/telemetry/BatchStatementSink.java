package io.fleetcare.stream.telemetry;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Sink V2 that writes what it buffered as one set-based statement per batch (e.g. {@code INSERT … SELECT FROM
 * unnest(?::text[], …)}), in one transaction, instead of one statement per element as the JDBC connector's
 * {@code JdbcSink} does. A batch is handed over when it holds {@code maxBatch} elements, when the oldest element has
 * waited {@code maxDelayMs}, and on every checkpoint ({@link SinkWriter#flush}, before the barrier, which also waits
 * until it is committed), so a checkpoint never completes with an element unwritten: at least once. Batches are
 * written in order by a thread of the writer's own, at most one at a time: the operators chained before the sink
 * (the detectors) keep working while the database writes, and wait only when the next batch is ready before the
 * previous one is written (backpressure, nothing queued without bound). A failed batch is rolled back and written again on a
 * new connection, {@code maxRetries} times with a growing pause; then the writer fails, the job restarts from its
 * last checkpoint and replays — so the statement must be idempotent, and the whole batch (never a part of it) is
 * what gets retried. Nothing is dropped.
 *
 * @param <T> the element type
 */
public final class BatchStatementSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    /** Writes one batch on a connection in a transaction the sink commits; must be idempotent. */
    @FunctionalInterface
    public interface BatchWrite<T> extends Serializable {
        /**
         * @param batch never empty; elements in arrival order
         */
        void write(Connection connection, List<T> batch) throws SQLException;
    }

    private final JdbcSettings jdbc;
    private final BatchWrite<T> write;
    private final int maxBatch;
    private final long maxDelayMs;
    private final int maxRetries;

    public BatchStatementSink(JdbcSettings jdbc, BatchWrite<T> write, int maxBatch, long maxDelayMs, int maxRetries) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.write = Objects.requireNonNull(write, "write");
        if (maxBatch < 1 || maxDelayMs < 1 || maxRetries < 0) {
            throw new IllegalArgumentException("maxBatch and maxDelayMs must be positive, maxRetries not negative");
        }
        this.maxBatch = maxBatch;
        this.maxDelayMs = maxDelayMs;
        this.maxRetries = maxRetries;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(this, context.getProcessingTimeService());
    }

    private static final class Writer<T> implements SinkWriter<T> {

        private static final Logger LOG = LoggerFactory.getLogger(BatchStatementSink.class);

        private final BatchStatementSink<T> sink;
        private final ProcessingTimeService time;
        /** Writes the batches, one at a time and in order, so that the task thread goes on meanwhile. */
        private final ExecutorService database;
        private List<T> buffer = new ArrayList<>();
        private boolean timerPending;
        /** The batch being written, or null; at most one, so a slow database slows the job down (backpressure). */
        private Future<?> inFlight;
        private Connection connection;

        Writer(BatchStatementSink<T> sink, ProcessingTimeService time) {
            this.sink = sink;
            this.time = time;
            this.database = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "telemetry-store-writer");
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            buffer.add(element);
            if (buffer.size() >= sink.maxBatch) {
                hand();
            } else if (!timerPending) {
                timerPending = true;
                time.registerTimer(time.getCurrentProcessingTime() + sink.maxDelayMs, now -> {
                    timerPending = false;
                    hand();
                });
            }
        }

        /** Before every checkpoint barrier: everything written and committed, or the checkpoint fails. */
        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            hand();
            awaitInFlight();
        }

        /** Hands the buffer to the database thread once the batch before it is written. */
        private void hand() throws IOException, InterruptedException {
            if (buffer.isEmpty()) {
                return;
            }
            awaitInFlight();
            List<T> batch = buffer;
            buffer = new ArrayList<>(Math.min(sink.maxBatch, batch.size() * 2));
            inFlight = database.submit(() -> {
                writeWithRetries(batch);
                return null;
            });
        }

        private void awaitInFlight() throws IOException, InterruptedException {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        private void writeWithRetries(List<T> batch) throws IOException, InterruptedException {
            for (int attempt = 0; ; attempt++) {
                try {
                    Connection c = connection();
                    sink.write.write(c, batch);
                    c.commit();
                    return;
                } catch (SQLException e) {
                    closeConnection(true);
                    if (attempt >= sink.maxRetries) {
                        throw new IOException("writing a batch of " + batch.size() + " failed " + (attempt + 1)
                                + " times; the job restarts from its last checkpoint", e);
                    }
                    LOG.warn("writing a batch of {} failed (attempt {} of {}), retrying on a new connection: {}",
                            batch.size(), attempt + 1, sink.maxRetries + 1, e.getMessage());
                    Thread.sleep(1_000L * (attempt + 1));
                }
            }
        }

        private Connection connection() throws SQLException {
            if (connection == null || connection.isClosed()) {
                // the driver itself, not DriverManager: under a Flink cluster the job's class loader holds it
                java.util.Properties properties = new java.util.Properties();
                if (sink.jdbc.user() != null) {
                    properties.setProperty("user", sink.jdbc.user());
                }
                if (sink.jdbc.password() != null) {
                    properties.setProperty("password", sink.jdbc.password());
                }
                connection = new org.postgresql.Driver().connect(sink.jdbc.url(), properties);
                if (connection == null) {
                    throw new SQLException("not a PostgreSQL JDBC URL: " + sink.jdbc.url());
                }
                connection.setAutoCommit(false);
            }
            return connection;
        }

        private void closeConnection(boolean rollback) {
            if (connection == null) {
                return;
            }
            try {
                if (rollback) {
                    connection.rollback();
                }
            } catch (SQLException ignored) {
                // the connection is discarded either way
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing left to release
            }
            connection = null;
        }

        /**
         * What is still buffered was not covered by a completed checkpoint: a restore replays it. A batch in flight
         * is let finish (its statement is idempotent either way).
         */
        @Override
        public void close() throws InterruptedException {
            database.shutdown();
            if (!database.awaitTermination(30, TimeUnit.SECONDS)) {
                database.shutdownNow();
            }
            closeConnection(true);
        }
    }
}
