package io.fleetcare.stream.health;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.dedup.DuplicateEventFilter;
import io.fleetcare.stream.health.detect.DetectorOutputs;
import io.fleetcare.stream.health.detect.ThresholdForDurationDetector;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The device-health job: device telemetry in, alerts and maintenance requests out.
 *
 * <pre>
 * telemetry -> keyBy(deviceId) -> drop duplicate eventIds -> threshold-for-duration detector
 *                                                              |-> alerts
 *                                                              '-> maintenance requests (side output)
 * </pre>
 *
 * The job knows nothing of Kafka: {@link DeviceHealthJobMain} plugs in the production
 * connectors, tests plug in whatever they need. Operator uids are stable; changing one loses
 * that operator's state on the next restore from a savepoint.
 */
public final class DeviceHealthJob {

    /** Name under which the job is submitted. */
    public static final String NAME = "device-health";

    private final Source<DeviceEvent, ?, ?> telemetry;
    private final Sink<Alert> alerts;
    private final Sink<MaintenanceRequest> maintenanceRequests;
    private final DeviceHealthConfig config;

    /**
     * @param telemetry           device events, in any order across devices; never null
     * @param alerts              receives raised and cleared alerts; never null
     * @param maintenanceRequests receives maintenance requests; never null
     * @param config              rules and settings; never null
     */
    public DeviceHealthJob(Source<DeviceEvent, ?, ?> telemetry, Sink<Alert> alerts,
                           Sink<MaintenanceRequest> maintenanceRequests, DeviceHealthConfig config) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.maintenanceRequests = Objects.requireNonNull(maintenanceRequests, "maintenanceRequests");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Adds the job's operators to {@code env}; call {@code env.execute} afterwards. */
    public void buildOn(StreamExecutionEnvironment env) {
        DataStream<DeviceEvent> events = env
                .fromSource(telemetry, watermarks(), "device telemetry")
                .uid("device-telemetry-source");

        SingleOutputStreamOperator<DeviceEvent> unique = events
                .keyBy(DeviceEvent::deviceId, Types.STRING)
                .process(new DuplicateEventFilter(config.duplicateRetention()))
                .uid("duplicate-event-filter")
                .name("drop duplicate events");

        // The filter keeps the device partitioning, so the detector reuses it instead of shuffling again.
        SingleOutputStreamOperator<Alert> thresholdAlerts = DataStreamUtils
                .reinterpretAsKeyedStream(unique, DeviceEvent::deviceId, Types.STRING)
                .process(new ThresholdForDurationDetector(
                        config.rules().thresholds(), config.evidenceLimit(), config.episodeRetention()))
                .uid("threshold-for-duration-detector")
                .name("threshold for duration");

        thresholdAlerts
                .sinkTo(alerts)
                .uid("alerts-sink")
                .name("alerts");
        thresholdAlerts
                .getSideOutput(DetectorOutputs.MAINTENANCE_REQUESTS)
                .sinkTo(maintenanceRequests)
                .uid("maintenance-requests-sink")
                .name("maintenance requests");
    }

    private WatermarkStrategy<DeviceEvent> watermarks() {
        return WatermarkStrategy.<DeviceEvent>forBoundedOutOfOrderness(config.maxOutOfOrderness())
                .withTimestampAssigner((event, previous) -> event.deviceTs().toEpochMilli())
                .withIdleness(config.sourceIdleness());
    }
}
