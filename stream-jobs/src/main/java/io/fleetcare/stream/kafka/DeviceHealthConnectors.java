package io.fleetcare.stream.kafka;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.events.Topics;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The production Kafka connectors of the device-health job. All messages are JSON
 * ({@link EventCodec}) keyed by device id.
 */
public final class DeviceHealthConnectors {

    private DeviceHealthConnectors() {
    }

    /**
     * {@link DeviceEvent}s from {@value Topics#DEVICE_TELEMETRY}, starting at the group's committed
     * offsets (earliest when it has none); offsets are committed on checkpoints. Malformed
     * records are skipped ({@link DeviceEventDeserializer}).
     */
    public static KafkaSource<DeviceEvent> telemetrySource(KafkaSettings kafka) {
        return KafkaSource.<DeviceEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(Topics.DEVICE_TELEMETRY)
                .setGroupId(kafka.groupId())
                .setClientIdPrefix(kafka.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new DeviceEventDeserializer())
                .build();
    }

    /**
     * {@link Alert}s to {@value Topics#DEVICE_ALERTS}, at least once: consumers drop duplicates by
     * alert id and state.
     */
    public static KafkaSink<Alert> alertSink(KafkaSettings kafka) {
        return jsonSink(kafka, new KeyedJsonRecords<>(Topics.DEVICE_ALERTS, Alert::deviceId));
    }

    /**
     * {@link MaintenanceRequest}s to {@value Topics#MAINTENANCE_REQUESTS}, at least once:
     * consumers drop duplicates by request id.
     */
    public static KafkaSink<MaintenanceRequest> maintenanceRequestSink(KafkaSettings kafka) {
        return jsonSink(kafka, new KeyedJsonRecords<>(Topics.MAINTENANCE_REQUESTS, MaintenanceRequest::deviceId));
    }

    private static <T> KafkaSink<T> jsonSink(KafkaSettings kafka, KeyedJsonRecords<T> records) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(records)
                .build();
    }
}
