package io.fleetcare.gateway.ingest;

import io.fleetcare.events.Protocol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ingestion counters every protocol adapter shares, tagged by {@code protocol} (lower case, e.g.
 * {@code mqtt}; both OCPP versions count as {@code ocpp}). In Prometheus they read {@code gateway_messages_received_total},
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
     * Publishes {@code gateway_devices_connected{protocol}}, read from {@code connected} on every scrape.
     *
     * @param connected never null; must not block
     */
    public void gaugeConnectedDevices(Protocol protocol, Supplier<Number> connected) {
        Gauge.builder("gateway.devices.connected", connected)
                .description("Devices with an open connection to this gateway instance")
                .tag("protocol", tag(protocol))
                .register(registry);
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

    /** The {@code protocol} tag value: the protocol family, e.g. {@code mqtt} or {@code ocpp}. */
    public static String tag(Protocol protocol) {
        return switch (protocol) {
            case OCPP16, OCPP201 -> "ocpp";
            case MQTT, COAP, MODBUS -> protocol.name().toLowerCase(Locale.ROOT);
        };
    }
}
