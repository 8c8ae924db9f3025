package io.fleetcare.stream.health;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceClock;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.stream.dedup.DuplicateEventFilter;
import io.fleetcare.stream.health.detect.ClockSkewDetector;
import io.fleetcare.stream.health.detect.DetectorOutputs;
import io.fleetcare.stream.health.detect.HeartbeatLossDetector;
import io.fleetcare.stream.health.detect.RateRuleDetector;
import io.fleetcare.stream.health.detect.StatusFaultDetector;
import io.fleetcare.stream.health.detect.ThresholdForDurationDetector;
import io.fleetcare.stream.health.detect.TrendPredictionDetector;
import io.fleetcare.stream.health.detect.UsageMaintenanceDetector;
import io.fleetcare.stream.rules.HealthRules;
import io.fleetcare.stream.telemetry.DeviceStateUpdate;
import io.fleetcare.stream.telemetry.TelemetryReading;
import io.fleetcare.stream.telemetry.TelemetryStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The device-health job: device telemetry in, alerts and maintenance requests out.
 *
 * <pre>
 * telemetry -> check device clocks -> keyBy(deviceId) -> drop duplicate eventIds
 *                                                          +-> threshold-for-duration detector -+
 *                                                          +-> status fault detector ------------+-> alerts
 *                                                          +-> heartbeat loss detector ----------+-> maintenance
 *                                                          +-> rate rule detector ---------------+   requests
 *                                                          +-> trend prediction detector --------+
 *                                                          +-> usage maintenance detector -------+
 *                                                          '-> clock skew detector --------------'
 *                                                          (with a telemetry store:)
 *                                                          +-> metric readings -> telemetry readings
 *                                                          '-> device state updates -> device states
 *                                                          alerts -> alert states
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
    private final TelemetryStore telemetryStore;
    private final KeyedProcessFunction<String, DeviceEvent, DeviceEvent> duplicateFilter;

    /** A job that writes no telemetry store; see {@link #DeviceHealthJob(Source, Sink, Sink, DeviceHealthConfig, TelemetryStore)}. */
    public DeviceHealthJob(Source<DeviceEvent, ?, ?> telemetry, Sink<Alert> alerts,
                           Sink<MaintenanceRequest> maintenanceRequests, DeviceHealthConfig config) {
        this(telemetry, alerts, maintenanceRequests, config, null);
    }

    /**
     * @param telemetry           device events, in any order across devices; never null
     * @param alerts              receives raised and cleared alerts; never null
     * @param maintenanceRequests receives maintenance requests; never null
     * @param config              rules and settings; never null
     * @param telemetryStore      receives readings and device states (after duplicates are
     *                            dropped); null writes none
     */
    public DeviceHealthJob(Source<DeviceEvent, ?, ?> telemetry, Sink<Alert> alerts,
                           Sink<MaintenanceRequest> maintenanceRequests, DeviceHealthConfig config,
                           TelemetryStore telemetryStore) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.maintenanceRequests = Objects.requireNonNull(maintenanceRequests, "maintenanceRequests");
        this.config = Objects.requireNonNull(config, "config");
        this.telemetryStore = telemetryStore;
        this.duplicateFilter = new DuplicateEventFilter(config.duplicateRetention());
    }

    private DeviceHealthJob(DeviceHealthJob job, KeyedProcessFunction<String, DeviceEvent, DeviceEvent> duplicateFilter) {
        this.telemetry = job.telemetry;
        this.alerts = job.alerts;
        this.maintenanceRequests = job.maintenanceRequests;
        this.config = job.config;
        this.telemetryStore = job.telemetryStore;
        this.duplicateFilter = Objects.requireNonNull(duplicateFilter, "duplicateFilter");
    }

    /**
     * The same job with {@code duplicateFilter} (same uid and name) in the place of {@link DuplicateEventFilter}: for
     * the benchmark, which compares implementations in one run. Production code has no reason to call it.
     */
    public DeviceHealthJob withDuplicateFilter(KeyedProcessFunction<String, DeviceEvent, DeviceEvent> duplicateFilter) {
        return new DeviceHealthJob(this, duplicateFilter);
    }

    /** Adds the job's operators to {@code env}; call {@code env.execute} afterwards. */
    public void buildOn(StreamExecutionEnvironment env) {
        DeviceClock clock = new DeviceClock(config.clockTolerance());
        DataStream<DeviceEvent> events = env
                .fromSource(telemetry, watermarks(config), "device telemetry")
                .uid("device-telemetry-source")
                .map(clock::check)
                .returns(DeviceEvent.class)
                .uid("device-clock-check")
                .name("check device clocks");

        SingleOutputStreamOperator<DeviceEvent> unique = events
                .keyBy(DeviceEvent::deviceId, Types.STRING)
                .process(duplicateFilter)
                .uid("duplicate-event-filter")
                .name("drop duplicate events");

        // The filter keeps the device partitioning, so the detectors reuse it instead of shuffling again.
        KeyedStream<DeviceEvent, String> byDevice =
                DataStreamUtils.reinterpretAsKeyedStream(unique, DeviceEvent::deviceId, Types.STRING);
        HealthRules rules = config.rules();
        List<SingleOutputStreamOperator<Alert>> detectors = List.of(
                byDevice.process(new ThresholdForDurationDetector(
                                rules.thresholds(), config.evidenceLimit(), config.episodeRetention()))
                        .uid("threshold-for-duration-detector")
                        .name("threshold for duration"),
                byDevice.process(new StatusFaultDetector(
                                rules.statusFaults(), rules.errorEvents(), config.maxOutOfOrderness()))
                        .uid("status-fault-detector")
                        .name("status faults"),
                byDevice.process(new HeartbeatLossDetector(rules.offline()))
                        .uid("heartbeat-loss-detector")
                        .name("heartbeat loss"),
                byDevice.process(new RateRuleDetector(rules.rates()))
                        .uid("rate-rule-detector")
                        .name("rate rules"),
                byDevice.process(new TrendPredictionDetector(rules.trends(), config.evidenceLimit()))
                        .uid("trend-prediction-detector")
                        .name("trend prediction"),
                byDevice.process(new UsageMaintenanceDetector(rules.usage()))
                        .uid("usage-maintenance-detector")
                        .name("usage maintenance"),
                byDevice.process(new ClockSkewDetector())
                        .uid("clock-skew-detector")
                        .name("clock skew"));

        DataStream<Alert> allAlerts = detectors.get(0);
        DataStream<MaintenanceRequest> allRequests = detectors.get(0).getSideOutput(DetectorOutputs.MAINTENANCE_REQUESTS);
        for (SingleOutputStreamOperator<Alert> detector : detectors.subList(1, detectors.size())) {
            allAlerts = allAlerts.union(detector);
            allRequests = allRequests.union(detector.getSideOutput(DetectorOutputs.MAINTENANCE_REQUESTS));
        }
        allAlerts
                .sinkTo(alerts)
                .uid("alerts-sink")
                .name("alerts");
        allRequests
                .sinkTo(maintenanceRequests)
                .uid("maintenance-requests-sink")
                .name("maintenance requests");

        if (telemetryStore != null) {
            writeTelemetry(unique, telemetryStore);
            allAlerts
                    .sinkTo(telemetryStore.alertStates())
                    .uid("alert-states-sink")
                    .name("alert states");
        }
    }

    private static void writeTelemetry(DataStream<DeviceEvent> unique, TelemetryStore store) {
        unique
                .flatMap((DeviceEvent event, Collector<TelemetryReading> out) ->
                        TelemetryReading.of(event).forEach(out::collect))
                .returns(TelemetryReading.class)
                .uid("metric-readings")
                .name("metric readings")
                .sinkTo(store.readings())
                .uid("telemetry-readings-sink")
                .name("telemetry readings");
        unique
                .flatMap((DeviceEvent event, Collector<DeviceStateUpdate> out) ->
                        DeviceStateUpdate.of(event).ifPresent(out::collect))
                .returns(DeviceStateUpdate.class)
                .uid("device-state-updates")
                .name("device state updates")
                .sinkTo(store.deviceStates())
                .uid("device-states-sink")
                .name("device states");
    }

    /**
     * Event time from the device timestamp where the device clock is trusted, else the receive time
     * ({@link DeviceClock#eventTime}, the same decision as the clock check after the source), {@code
     * maxOutOfOrderness} behind the newest one, and no timestamp counting beyond the wall clock plus the clock
     * tolerance (so a future timestamp cannot move the watermark of the other devices of its partition); a source
     * split that sends nothing for {@code sourceIdleness} is marked idle so that it stops holding back the watermark
     * of the others (the offline detector does not depend on watermarks at all).
     */
    static WatermarkStrategy<DeviceEvent> watermarks(DeviceHealthConfig config) {
        return watermarks(config, WallClockCappedWatermarks.WallClock.SYSTEM);
    }

    /** As {@link #watermarks(DeviceHealthConfig)} with the given wall clock (tests). */
    static WatermarkStrategy<DeviceEvent> watermarks(DeviceHealthConfig config,
            WallClockCappedWatermarks.WallClock wallClock) {
        DeviceClock clock = new DeviceClock(config.clockTolerance());
        Duration outOfOrderness = config.maxOutOfOrderness();
        Duration tolerance = config.clockTolerance();
        WatermarkStrategy<DeviceEvent> capped = context -> new WallClockCappedWatermarks<>(
                new BoundedOutOfOrdernessWatermarks<>(outOfOrderness), wallClock, tolerance);
        return capped
                .withTimestampAssigner((event, previous) -> clock.eventTime(event).toEpochMilli())
                .withIdleness(config.sourceIdleness());
    }
}
