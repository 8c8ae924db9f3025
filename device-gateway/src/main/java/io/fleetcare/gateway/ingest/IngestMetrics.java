package io.fleetcare.gateway.ingest;

import io.fleetcare.events.Protocol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The ingestion counters every protocol adapter shares, tagged by {@code protocol} (lower case, e.g.
 * {@code mqtt}; both OCPP versions count as {@code ocpp}). In Prometheus they read {@code gateway_messages_received_total},
 * {@code gateway_messages_forwarded_total}, {@code gateway_messages_rejected_total{reason}},
 * {@code gateway_clock_skewed_total},
 * {@code gateway_kafka_send_failures_total} and the timer {@code gateway_kafka_send_seconds}; protocols with
 * connections add {@code gateway_devices_connected} and {@code gateway_connections_refused_total}, polled ones
 * {@code gateway_polls_failed_total}.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer kafkaSend;
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.kafkaSend = Timer.builder("gateway.kafka.send")
                .description("Time from handing a DeviceEvent to the Kafka producer until the broker confirmed it")
                .register(registry);
    }

    /** Creates the protocol's counters at zero, so that dashboards show them before the first message. */
    public void register(Protocol protocol) {
        received(protocol);
        forwarded(protocol);
        sendFailures(protocol);
        clockSkewed(protocol);
        for (IngestRejection.Reason reason : IngestRejection.Reason.values()) {
            rejected(protocol, reason);
        }
    }

    /** One message arrived from a device, before it is judged. */
    public void countReceived(Protocol protocol) {
        received(protocol).increment();
    }

    /** One message was refused and not forwarded. */
    public void countRejected(Protocol protocol, IngestRejection.Reason reason) {
        rejected(protocol, reason).increment();
    }

    /** Kafka confirmed one DeviceEvent. */
    public void countForwarded(Protocol protocol) {
        forwarded(protocol).increment();
    }

    /**
     * One event's device clock was off by more than the tolerance, so its event time is the receive time
     * ({@code gateway_clock_skewed_total{protocol}}).
     */
    public void countClockSkewed(Protocol protocol) {
        clockSkewed(protocol).increment();
    }

    /** Kafka did not take one DeviceEvent; the adapter keeps the device message unacknowledged. */
    public void countSendFailure(Protocol protocol) {
        sendFailures(protocol).increment();
    }

    /**
     * One device was refused before its connection opened (protocols with connections, e.g. OCPP), counted in
     * {@code gateway_connections_refused_total{protocol,reason}}.
     *
     * @param reason the {@code reason} tag, lower case; never null
     */
    public void countConnectionRefused(Protocol protocol, String reason) {
        Counter.builder("gateway.connections.refused")
                .description("Device connections refused before they opened")
                .tag("protocol", tag(protocol))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /**
     * One poll of a device the gateway asks for data (Modbus) failed, counted in
     * {@code gateway_polls_failed_total{protocol,reason}}.
     *
     * @param reason the {@code reason} tag, lower case, e.g. {@code no_answer}; never null
     */
    public void countPollFailure(Protocol protocol, String reason) {
        Counter.builder("gateway.polls.failed")
                .description("Polls of devices that got no usable answer")
                .tag("protocol", tag(protocol))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /**
     * Publishes {@code gateway_devices_connected{protocol}}, read from {@code connected} on every scrape. The gauge
     * holds {@code connected} strongly (Micrometer's default is a weak reference, which lets a lambda be collected and
     * the gauge fall silent) and is removed when the application stops: the registry may outlive the application
     * (Quarkus restarts it between test classes in one JVM), and a gauge left behind would keep reading the stopped
     * application's devices.
     *
     * @param connected never null; must not block
     */
    public void gaugeConnectedDevices(Protocol protocol, Supplier<Number> connected) {
        gauges.add(Gauge.builder("gateway.devices.connected", connected)
                .strongReference(true)
                .description("Devices with an open connection to this gateway instance")
                .tag("protocol", tag(protocol))
                .register(registry));
    }

    /**
     * One event went to the spool because Kafka is unreachable ({@code gateway_spool_events_spooled_total{protocol}}).
     */
    public void countSpooled(Protocol protocol) {
        spoolCounter("gateway.spool.events.spooled", "Events stored in the spool while Kafka was unreachable", protocol)
                .increment();
    }

    /** One spooled event was confirmed by Kafka ({@code gateway_spool_events_drained_total{protocol}}). */
    public void countDrained(Protocol protocol) {
        spoolCounter("gateway.spool.events.drained", "Spooled events that Kafka confirmed", protocol).increment();
    }

    /**
     * One event was refused because Kafka is unreachable and the spool is full
     * ({@code gateway_spool_events_refused_total{protocol}}); the adapter answers with its error (backpressure).
     */
    public void countSpoolRefused(Protocol protocol) {
        spoolCounter("gateway.spool.events.refused", "Events refused because Kafka was unreachable and the spool full",
                protocol).increment();
    }

    /** Spooled records skipped because their CRC did not match ({@code gateway_spool_records_corrupted_total}). */
    public void countSpoolCorrupted(int records) {
        if (records > 0) {
            Counter.builder("gateway.spool.records.corrupted")
                    .description("Spool records skipped because their CRC did not match")
                    .register(registry)
                    .increment(records);
        }
    }

    /**
     * Publishes {@code gateway_spool_bytes}, {@code gateway_spool_max_bytes} and {@code gateway_spool_events}
     * (undelivered) of {@code spool}; removed with the other gauges when the application stops.
     *
     * @param spool never null
     */
    public void gaugeSpool(EventSpool spool) {
        gauges.add(Gauge.builder("gateway.spool.bytes", spool, EventSpool::bytes)
                .strongReference(true)
                .description("Size of the Kafka outage spool file")
                .register(registry));
        gauges.add(Gauge.builder("gateway.spool.max.bytes", spool, EventSpool::maxBytes)
                .strongReference(true)
                .description("Limit of the Kafka outage spool file")
                .register(registry));
        gauges.add(Gauge.builder("gateway.spool.events", spool, EventSpool::pendingRecords)
                .strongReference(true)
                .description("Spooled events not yet confirmed by Kafka")
                .register(registry));
    }

    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }

    Timer kafkaSendTimer() {
        return kafkaSend;
    }

    private Counter spoolCounter(String name, String description, Protocol protocol) {
        return Counter.builder(name).description(description).tag("protocol", tag(protocol)).register(registry);
    }

    private Counter received(Protocol protocol) {
        return Counter.builder("gateway.messages.received")
                .description("Messages that arrived from devices")
                .tag("protocol", tag(protocol))
                .register(registry);
    }

    private Counter forwarded(Protocol protocol) {
        return Counter.builder("gateway.messages.forwarded")
                .description("DeviceEvents that Kafka confirmed")
                .tag("protocol", tag(protocol))
                .register(registry);
    }

    private Counter rejected(Protocol protocol, IngestRejection.Reason reason) {
        return Counter.builder("gateway.messages.rejected")
                .description("Messages from devices that were refused and not forwarded")
                .tag("protocol", tag(protocol))
                .tag("reason", reason.tag())
                .register(registry);
    }

    private Counter clockSkewed(Protocol protocol) {
        return Counter.builder("gateway.clock.skewed")
                .description("Events whose device clock was off by more than the tolerance (event time = receive time)")
                .tag("protocol", tag(protocol))
                .register(registry);
    }

    private Counter sendFailures(Protocol protocol) {
        return Counter.builder("gateway.kafka.send.failures")
                .description("DeviceEvents that Kafka did not confirm")
                .tag("protocol", tag(protocol))
                .register(registry);
    }

    /** The {@code protocol} tag value: the protocol family, e.g. {@code mqtt} or {@code ocpp}. */
    public static String tag(Protocol protocol) {
        return switch (protocol) {
            case OCPP16, OCPP201 -> "ocpp";
            case MQTT, COAP, MODBUS -> protocol.name().toLowerCase(Locale.ROOT);
        };
    }
}
