package io.fleetcare.gateway.modbus;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The Modbus TCP master ({@code fleetcare.modbus.*}; env {@code FLEETCARE_MODBUS_DEVICES_FILE}, ...). */
@ConfigMapping(prefix = "fleetcare.modbus")
public interface ModbusSettings {

    /** YAML list of the devices to poll ({@link ModbusDeviceFile}); absent: nothing is polled. */
    Optional<String> devicesFile();

    /** YAML register maps in addition to the built-in {@code charger-default} ({@link RegisterProfiles}). */
    Optional<List<String>> profileFiles();

    /** For devices whose entry has no {@code pollInterval}. */
    @WithDefault("PT10S")
    Duration defaultPollInterval();

    /**
     * How long to wait for a connection or an answer; capped at half a device's poll interval, so that a device that
     * stops answering is reported offline within two poll intervals.
     */
    @WithDefault("PT2S")
    Duration timeout();

    /** The longest wait between two attempts to reach an offline device (never shorter than its poll interval). */
    @WithDefault("PT60S")
    Duration maxBackoff();

    /**
     * Whether devices and register maps registered through the service API are read from the compacted topics
     * {@code modbus.devices} and {@code modbus.register-maps} (off: only the files count).
     */
    @WithDefault("true")
    boolean registryEnabled();

    /** Threads that poll and write; one device's request blocks one thread for at most the timeout. */
    @WithDefault("4")
    int threads();
}
