package io.fleetcare.simulator.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a load test runs.
 *
 * @param chargers      simulated chargers over OCPP 1.6J, ids {@code LD-CP-00001}…
 * @param setTopBoxes   simulated set-top boxes over MQTT, ids {@code LD-STB-00001}…
 * @param coapSetTopBoxes simulated set-top boxes over CoAP with DTLS-PSK, ids {@code LD-CSTB-00001}…
 * @param ratePerSecond messages per second the whole fleet should send (telemetry and meter values), &gt; 0
 * @param duration      how long to send after every device is connected; positive
 * @param faults        how many devices get a fault during the run (chargers and set-top boxes in turn as far as
 *                      there are any); their alert and ticket latencies are measured when an API is given
 * @param connectAtOnce how many devices connect at the same time while the fleet comes up, &gt; 0
 * @param seed          picks the faulty devices and the signals
 * @param settle        how long after the run to wait for the faults' alerts and tickets; never null
 */
public record LoadSettings(int chargers, int setTopBoxes, int coapSetTopBoxes, double ratePerSecond,
                           Duration duration, int faults, int connectAtOnce, long seed, Duration settle) {

    /** Settings without CoAP set-top boxes. */
    public LoadSettings(int chargers, int setTopBoxes, double ratePerSecond, Duration duration, int faults,
                        int connectAtOnce, long seed, Duration settle) {
        this(chargers, setTopBoxes, 0, ratePerSecond, duration, faults, connectAtOnce, seed, settle);
    }

    /** Settings without CoAP set-top boxes that wait two minutes for the faults' alerts and tickets. */
    public LoadSettings(int chargers, int setTopBoxes, double ratePerSecond, Duration duration, int faults,
                        int connectAtOnce, long seed) {
        this(chargers, setTopBoxes, 0, ratePerSecond, duration, faults, connectAtOnce, seed, Duration.ofMinutes(2));
    }

    public LoadSettings {
        if (chargers < 0 || setTopBoxes < 0 || coapSetTopBoxes < 0 || chargers + setTopBoxes + coapSetTopBoxes == 0) {
            throw new IllegalArgumentException("a load test needs chargers and/or set-top boxes");
        }
        if (!(ratePerSecond > 0) || duration.isNegative() || duration.isZero() || connectAtOnce < 1) {
            throw new IllegalArgumentException("rate, duration and connectAtOnce must be positive");
        }
        if (faults < 0 || faults > chargers + setTopBoxes + coapSetTopBoxes) {
            throw new IllegalArgumentException("faults must be between 0 and the number of devices");
        }
    }

    public int devices() {
        return chargers + setTopBoxes + coapSetTopBoxes;
    }

    /** How often each device sends so that the fleet sends {@code ratePerSecond}; chargers round to whole seconds. */
    public Duration deviceInterval() {
        return Duration.ofMillis(Math.max(1, Math.round(1000.0 * devices() / ratePerSecond)));
    }

    public static List<String> chargerIds(int count) {
        return ids("LD-CP-%05d", count);
    }

    public static List<String> setTopBoxIds(int count) {
        return ids("LD-STB-%05d", count);
    }

    public static List<String> coapSetTopBoxIds(int count) {
        return ids("LD-CSTB-%05d", count);
    }

    private static List<String> ids(String format, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            ids.add(format.formatted(i));
        }
        return ids;
    }
}
