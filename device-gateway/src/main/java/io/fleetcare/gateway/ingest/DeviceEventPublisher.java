package io.fleetcare.gateway.ingest;

import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Publishes normalized DeviceEvents on {@link Topics#DEVICE_TELEMETRY}, keyed by device id so that
 * one device's events stay in order on one partition. The value is the {@link EventCodec} JSON.
 *
 * <p>Protocol adapters acknowledge a device message only when the returned stage completes
 * normally, which it does once the Kafka broker confirmed the write under the producer's
 * {@code acks=all}, or, with an {@link EventSpool}, once the event is stored in the spool because
 * Kafka could not be reached (a retriable Kafka error, such as no confirmation within the producer's
 * delivery timeout). From that moment on every new event goes to the spool, and a background drainer
 * replays the spool to Kafka in order; only when the spool is empty are events sent to Kafka directly
 * again. A drainer that stops between Kafka's confirmation and its checkpoint sends those events again
 * after a restart; consumers drop repeats by the deterministic {@code eventId}.
 */
@ApplicationScoped
public class DeviceEventPublisher {

    private static final Logger LOG = Logger.getLogger(DeviceEventPublisher.class);
    private static final int DRAIN_BATCH = 200;
    private static final long DRAIN_PAUSE_MS = 500;

    private final Producer<String, byte[]> producer;
    private final IngestMetrics metrics;
    private final EventSpool spool;
    private final DeviceClockCheck clockCheck;
    private final ScheduledExecutorService drainer;
    private boolean spooling;

    /** Without a spool: a Kafka failure fails the returned stage. */
    public DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics) {
        this(producer, metrics, (EventSpool) null);
    }

    @Inject
    DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics, SpoolSettings settings,
            DeviceClockCheck clockCheck) {
        this(producer, metrics, settings.enabled() ? EventSpool.open(settings.dir(), settings.maxBytes()) : null,
                clockCheck, true);
    }

    /**
     * @param spool where events go while Kafka is unreachable, or null for none; a non-empty spool (from an earlier
     *              run) is drained first
     */
    public DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics, EventSpool spool) {
        this(producer, metrics, spool, true);
    }

    /** With {@code drainInBackground} false nothing drains the spool but calls of {@link #drain()} (unit tests). */
    DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics, EventSpool spool,
            boolean drainInBackground) {
        this(producer, metrics, spool, new DeviceClockCheck(new DeviceClock(DeviceClock.DEFAULT_TOLERANCE), metrics),
                drainInBackground);
    }

    /** @param clockCheck applied to every event before it is sent or spooled; never null */
    DeviceEventPublisher(Producer<String, byte[]> producer, IngestMetrics metrics, EventSpool spool,
            DeviceClockCheck clockCheck, boolean drainInBackground) {
        this.producer = producer;
        this.metrics = metrics;
        this.spool = spool;
        this.clockCheck = clockCheck;
        if (spool == null || !drainInBackground) {
            drainer = null;
        } else {
            drainer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fleetcare-spool-drainer");
                thread.setDaemon(true);
                return thread;
            });
            drainer.scheduleWithFixedDelay(this::drainQuietly, DRAIN_PAUSE_MS, DRAIN_PAUSE_MS, TimeUnit.MILLISECONDS);
        }
        if (spool != null) {
            spooling = !spool.isEmpty();
            metrics.gaugeSpool(spool);
            if (spooling) {
                LOG.warnf("spool %s holds %d undelivered events from an earlier run; delivering them first",
                        spool.dir(), spool.pendingRecords());
            }
        }
    }

    /**
     * Fetches the metadata of {@link Topics#DEVICE_TELEMETRY} now, so that the first event does not wait for it
     * (cold start). Blocks up to the producer's {@code max.block.ms} when Kafka does not answer; never fails.
     */
    public void prepare() {
        try {
            int partitions = producer.partitionsFor(Topics.DEVICE_TELEMETRY).size();
            LOG.debugf("%s has %d partitions", Topics.DEVICE_TELEMETRY, partitions);
        } catch (RuntimeException e) {
            LOG.debugf("no metadata of %s yet: %s", Topics.DEVICE_TELEMETRY, e.toString());
        }
    }

    /**
     * Hands the event to Kafka without blocking on the broker's answer (the producer may still block
     * up to its {@code max.block.ms} while it has no metadata or no buffer space), or to the spool while
     * Kafka is unreachable. The event's device clock is checked first ({@link DeviceClockCheck}): what Kafka or the
     * spool receives may carry the receive time as event time.
     *
     * @param event never null
     * @return completes normally when Kafka confirmed the write or the event is stored in the spool;
     *         exceptionally with Kafka's error when there is no spool or the error is not one that a
     *         retry can cure, and with {@link SpoolFull} when Kafka is unreachable and the spool is full;
     *         never null
     */
    public CompletionStage<Void> publish(DeviceEvent reported) {
        DeviceEvent event = clockCheck.apply(reported);
        byte[] value = EventCodec.encode(event);
        if (spool != null) {
            synchronized (this) {
                if (spooling) {
                    try {
                        store(event, value);
                        return CompletableFuture.completedFuture(null);
                    } catch (RuntimeException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                }
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(event, value).whenComplete((confirmed, failure) -> {
            if (failure == null) {
                done.complete(null);
            } else if (spool != null && isOutage(failure)) {
                try {
                    synchronized (this) {
                        if (!spooling) {
                            LOG.warnf("Kafka unreachable (%s): spooling events to %s until it returns",
                                    failure.toString(), spool.dir());
                            spooling = true;
                        }
                        store(event, value);
                    }
                    done.complete(null);
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            } else {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    /** Blocks until every event handed over so far is confirmed or has failed. */
    public void flush() {
        producer.flush();
    }

    /** True while new events go to the spool instead of Kafka. */
    public synchronized boolean isSpooling() {
        return spooling;
    }

    /** The spool, or null when the gateway runs without one. */
    public EventSpool spool() {
        return spool;
    }

    /**
     * Sends what the spool holds to Kafka, oldest first, committing each batch once Kafka confirmed all of it; returns
     * when the spool is empty (and events go to Kafka directly again) or a send failed. The first record of a batch is
     * sent alone, so that an unreachable Kafka costs one failed send per attempt, not one per record; a batch that
     * fails part-way is sent again whole (its confirmed events then reach Kafka twice, with the same eventIds).
     *
     * @return true when the spool is empty
     */
    boolean drain() {
        while (true) {
            EventSpool.Batch batch = spool.read(DRAIN_BATCH);
            if (batch.records().isEmpty()) {
                synchronized (this) {
                    if (!batch.isEmpty()) {
                        spool.commit(batch);
                        metrics.countSpoolCorrupted(batch.corrupted());
                        continue;
                    }
                    if (spool.isEmpty()) {
                        if (spooling) {
                            LOG.infof("spool %s delivered; sending events to Kafka directly again", spool.dir());
                            spooling = false;
                        }
                        return true;
                    }
                }
                continue;
            }
            List<CompletableFuture<Void>> sends = new ArrayList<>(batch.records().size());
            List<DeviceEvent> events = new ArrayList<>(batch.records().size());
            try {
                for (byte[] value : batch.records()) {
                    DeviceEvent event = EventCodec.decode(value, DeviceEvent.class);
                    events.add(event);
                    CompletableFuture<Void> sent = send(event, value);
                    sends.add(sent);
                    if (sends.size() == 1 || sent.isCompletedExceptionally()) {
                        sent.join();
                    }
                }
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                LOG.debugf("spool %s: Kafka did not take a batch yet: %s", spool.dir(), e.getCause());
                return false;
            }
            spool.commit(batch);
            metrics.countSpoolCorrupted(batch.corrupted());
            events.forEach(event -> metrics.countDrained(event.protocol()));
        }
    }

    @PreDestroy
    void stop() {
        if (drainer != null) {
            drainer.shutdownNow();
            try {
                drainer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (spool != null) {
            spool.close();
        }
    }

    private void drainQuietly() {
        try {
            if (isSpooling()) {
                drain();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "spool %s: draining failed", spool.dir());
        }
    }

    private void store(DeviceEvent event, byte[] value) {
        if (!spool.append(value)) {
            metrics.countSpoolRefused(event.protocol());
            LOG.errorf("device %s: event %s refused, Kafka unreachable and spool %s full (%d of %d bytes)",
                    event.deviceId(), event.eventId(), spool.dir(), spool.bytes(), spool.maxBytes());
            throw new SpoolFull("Kafka unreachable and the event spool is full");
        }
        metrics.countSpooled(event.protocol());
        LOG.infof("device %s: event %s spooled while Kafka is unreachable", event.deviceId(), event.eventId());
    }

    private CompletableFuture<Void> send(DeviceEvent event, byte[] value) {
        CompletableFuture<Void> confirmed = new CompletableFuture<>();
        Timer.Sample sample = Timer.start();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.DEVICE_TELEMETRY, event.deviceId(), value);
        try {
            producer.send(record, (metadata, failure) -> {
                sample.stop(metrics.kafkaSendTimer());
                if (failure == null) {
                    metrics.countForwarded(event.protocol());
                    confirmed.complete(null);
                } else {
                    metrics.countSendFailure(event.protocol());
                    confirmed.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            metrics.countSendFailure(event.protocol());
            confirmed.completeExceptionally(e);
        }
        return confirmed;
    }

    private static boolean isOutage(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof RetriableException;
    }

    /** Kafka is unreachable and the spool has no room for the event; nothing was stored. */
    public static final class SpoolFull extends RuntimeException {

        SpoolFull(String message) {
            super(message, null, false, false);
        }
    }
}
