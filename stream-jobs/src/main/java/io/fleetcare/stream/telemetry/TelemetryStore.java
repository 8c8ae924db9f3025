package io.fleetcare.stream.telemetry;

import io.fleetcare.events.Alert;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where the device-health job writes telemetry and the latest state of each device.
 *
 * @param readings     receives every metric reading of METRICS events; never null
 * @param deviceStates receives one update per event that says something about its device; never null
 * @param alertStates  receives every alert the job emits (raised and cleared); never null
 */
public record TelemetryStore(Sink<TelemetryReading> readings, Sink<DeviceStateUpdate> deviceStates,
                             Sink<Alert> alertStates) {

    public TelemetryStore {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(deviceStates, "deviceStates");
        Objects.requireNonNull(alertStates, "alertStates");
    }

    /** The production store: PostgreSQL or TimescaleDB through JDBC, schema as {@code layout}. */
    public static TelemetryStore jdbc(JdbcSettings jdbc, StorageLayout layout) {
        return new TelemetryStore(TelemetryStoreSinks.readings(jdbc, layout), TelemetryStoreSinks.deviceStates(jdbc),
                TelemetryStoreSinks.alertStates(jdbc));
    }
}
