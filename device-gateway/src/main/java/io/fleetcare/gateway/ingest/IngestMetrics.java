package io.fleetcare.gateway.ingest;

import io.fleetcare.events.Protocol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * The ingestion counters every protocol adapter shares, tagged by {@code protocol} (lower case, e.g.
 * {@code mqtt}). In Prometheus they read {@code gateway_messages_received_total},
 * {@code gateway_messages_forwarded_total}, {@code gateway_messages_rejected_total{reason}},
 * {@code gateway_kafka_send_failures_total} and the timer {@code gateway_kafka_send_seconds}.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer kafkaSend;

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

    /** Kafka did not take one DeviceEvent; the adapter keeps the device message unacknowledged. */
    public void countSendFailure(Protocol protocol) {
        sendFailures(protocol).increment();
    }

    Timer kafkaSendTimer() {
        return kafkaSend;
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

    private Counter sendFailures(Protocol protocol) {
        return Counter.builder("gateway.kafka.send.failures")
                .description("DeviceEvents that Kafka did not confirm")
                .tag("protocol", tag(protocol))
                .register(registry);
    }

    private static String tag(Protocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }
}
