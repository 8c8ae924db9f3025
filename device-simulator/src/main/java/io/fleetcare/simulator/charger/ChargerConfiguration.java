package io.fleetcare.simulator.charger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The configuration keys a simulated charger knows (OCPP 1.6 core profile, a subset): what
 * GetConfiguration reports and ChangeConfiguration may change. Thread-safe.
 */
public final class ChargerConfiguration {

    public static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    public static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";

    /** The outcome of a ChangeConfiguration, as its {@code status}. */
    public enum Change { Accepted, Rejected, NotSupported }

    /** One key; {@code readonly} keys can only be read. */
    public record Key(String name, boolean readonly, String value) {
    }

    private record Rule(boolean readonly, Predicate<String> valid) {
    }

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, Rule> rules = new LinkedHashMap<>();

    ChargerConfiguration(int heartbeatSeconds, int meterValueSeconds) {
        define(HEARTBEAT_INTERVAL, false, ChargerConfiguration::nonNegativeInteger, Integer.toString(heartbeatSeconds));
        define(METER_VALUE_SAMPLE_INTERVAL, false, ChargerConfiguration::nonNegativeInteger,
                Integer.toString(meterValueSeconds));
        define("ClockAlignedDataInterval", false, ChargerConfiguration::nonNegativeInteger, "0");
        define("ConnectionTimeOut", false, ChargerConfiguration::nonNegativeInteger, "60");
        define("MeterValuesSampledData", false, v -> !v.isBlank() && v.length() <= 500,
                "Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage,Temperature");
        define("AuthorizeRemoteTxRequests", false, v -> v.equals("true") || v.equals("false"), "false");
        define("NumberOfConnectors", true, v -> false, "1");
        define("SupportedFeatureProfiles", true, v -> false, "Core,FirmwareManagement,RemoteTrigger");
    }

    private void define(String name, boolean readonly, Predicate<String> valid, String value) {
        rules.put(name, new Rule(readonly, valid));
        values.put(name, value);
    }

    /** The key, or null when the charger does not know it. */
    public synchronized Key get(String name) {
        Rule rule = rules.get(name);
        return rule == null ? null : new Key(name, rule.readonly(), values.get(name));
    }

    /** Every key, in a stable order. */
    public synchronized java.util.List<Key> all() {
        return values.keySet().stream().map(this::get).toList();
    }

    /** Changes a writable key to a valid value. */
    public synchronized Change change(String name, String value) {
        Rule rule = rules.get(name);
        if (rule == null) {
            return Change.NotSupported;
        }
        if (rule.readonly() || !rule.valid().test(value)) {
            return Change.Rejected;
        }
        values.put(name, value);
        return Change.Accepted;
    }

    /** An integer key's value. */
    public synchronized int integer(String name) {
        return Integer.parseInt(values.get(name));
    }

    synchronized void set(String name, String value) {
        values.put(name, value);
    }

    private static boolean nonNegativeInteger(String value) {
        try {
            return Integer.parseInt(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
