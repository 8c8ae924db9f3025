package io.fleetcare.launcher;

import io.fleetcare.simulator.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded platform exactly as the demo starts it, without its simulated fleet, with the benchmark's devices
 * registered as extra devices (broker accounts, charger file entries, CoAP keys). Test sources, for
 * {@code io.fleetcare.launcher.bench.PlatformBenchmark}.
 */
public final class BenchmarkPlatform implements AutoCloseable {

    private final EmbeddedPlatform platform;

    private BenchmarkPlatform(EmbeddedPlatform platform) {
        this.platform = platform;
    }

    /**
     * Starts broker, Kafka, PostgreSQL, the stream job, the gateway and the API.
     *
     * @throws IllegalStateException when a part does not come up
     */
    public static BenchmarkPlatform start(Path home, Path dataDir, List<String> mqttBoxes, List<String> coapBoxes,
                                          List<String> chargers) {
        List<PlatformOptions.ExtraDevice> extra = new ArrayList<>();
        mqttBoxes.forEach(id -> extra.add(new PlatformOptions.ExtraDevice(id, false,
                io.fleetcare.simulator.fleet.FleetPlan.SET_TOP_BOX_MODEL, Scenario.Protocol.MQTT)));
        coapBoxes.forEach(id -> extra.add(new PlatformOptions.ExtraDevice(id, false,
                io.fleetcare.simulator.fleet.FleetPlan.SET_TOP_BOX_MODEL, Scenario.Protocol.COAP)));
        chargers.forEach(id -> extra.add(new PlatformOptions.ExtraDevice(id, true,
                io.fleetcare.simulator.charger.ChargerSpec.DEFAULT_MODEL, Scenario.Protocol.OCPP16)));
        PlatformOptions options = new PlatformOptions(home, dataDir, 0, 0, 0, 0, 0, 0, 1L,
                Duration.ofSeconds(10), null, extra);
        return new BenchmarkPlatform(EmbeddedPlatform.start(options));
    }

    public EmbeddedPlatform platform() {
        return platform;
    }

    public String brokerServiceUser() {
        return platform.brokerServiceUser();
    }

    public String brokerServicePassword() {
        return platform.brokerServicePassword();
    }

    @Override
    public void close() {
        platform.close();
    }
}
