package io.fleetcare.simulator;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The options of {@code simulate fleet}, parsed and checked.
 *
 * @param mqttUri     broker of the set-top boxes; null when there are none
 * @param ocppBaseUri OCPP base URL of the chargers; null when there are none
 * @param secrets     device id -> secret for every simulated device; never null
 * @param duration    how long to run; null to run until interrupted
 * @param coapsUri    the gateway's CoAP DTLS endpoint of the CoAP set-top boxes; null when there are none
 */
record FleetOptions(String mqttUri, URI ocppBaseUri, Map<String, String> secrets, int setTopBoxes, int chargers,
                    int overheating, int suddenFaults, long seed, Duration interval, Duration duration,
                    String coapsUri, int coapSetTopBoxes) {

    /** A command line that cannot be run; the message says why. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    static FleetOptions parse(String[] args) throws Invalid {
        Map<String, String> values = options(args);
        String mqtt = values.remove("--mqtt");
        String ocpp = values.remove("--ocpp");
        String credentials = values.remove("--credentials");
        int setTopBoxes = number(values.remove("--set-top-boxes"), "--set-top-boxes", 0);
        String coap = values.remove("--coap");
        int coapSetTopBoxes = number(values.remove("--coap-set-top-boxes"), "--coap-set-top-boxes", 0);
        int chargers = number(values.remove("--chargers"), "--chargers", 0);
        int overheating = number(values.remove("--overheating"), "--overheating", 0);
        int suddenFaults = number(values.remove("--sudden-faults"), "--sudden-faults", 0);
        long seed = number(values.remove("--seed"), "--seed", 1);
        Duration interval = Duration.ofMillis(number(values.remove("--interval-ms"), "--interval-ms", 1000));
        Duration duration = duration(values.remove("--duration"));
        if (!values.isEmpty()) {
            throw new Invalid("unknown option " + values.keySet().iterator().next());
        }
        if (setTopBoxes + coapSetTopBoxes + chargers == 0) {
            throw new Invalid("nothing to simulate: give --set-top-boxes, --coap-set-top-boxes and/or --chargers");
        }
        if (setTopBoxes > 0 && mqtt == null) {
            throw new Invalid("--set-top-boxes needs --mqtt");
        }
        if (coapSetTopBoxes > 0 && coap == null) {
            throw new Invalid("--coap-set-top-boxes needs --coap");
        }
        if (chargers > 0 && ocpp == null) {
            throw new Invalid("--chargers needs --ocpp");
        }
        if (suddenFaults + Math.min(overheating, chargers) > chargers) {
            throw new Invalid("--sudden-faults and --overheating together exceed --chargers");
        }
        if (interval.isZero()) {
            throw new Invalid("--interval-ms must be positive");
        }
        if (credentials == null) {
            throw new Invalid("--credentials is required (a properties file: deviceId=secret)");
        }
        return new FleetOptions(mqtt, ocpp == null ? null : URI.create(ocpp), secrets(Path.of(credentials)),
                setTopBoxes, chargers, overheating, suddenFaults, seed, interval, duration, coap, coapSetTopBoxes);
    }

    /** {@code --name value} and {@code --name=value} pairs, in order; a bare word or a name without value is refused. */
    static Map<String, String> options(String[] args) throws Invalid {
        return options(args, java.util.Set.of());
    }

    /** Like {@link #options(String[])}; the {@code flags} take no value and map to {@code "true"}. */
    static Map<String, String> options(String[] args, java.util.Set<String> flags) throws Invalid {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new Invalid("unexpected argument " + name);
            }
            String value;
            int equals = name.indexOf('=');
            if (flags.contains(name)) {
                value = "true";
            } else if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new Invalid(name + " needs a value");
            }
            values.put(name, value);
        }
        return values;
    }

    static int number(String value, String name, int fallback) throws Invalid {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new Invalid(name + " must not be negative");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new Invalid(name + " must be a whole number, not " + value);
        }
    }

    static Duration duration(String value) throws Invalid {
        return duration(value, "--duration");
    }

    static Duration duration(String value, String name) throws Invalid {
        if (value == null) {
            return null;
        }
        try {
            return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
                    : Duration.ofSeconds(Long.parseLong(value));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new Invalid(name + " must be seconds or ISO-8601 (PT10M), not " + value);
        }
    }

    static Map<String, String> secrets(Path file) throws Invalid {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new Invalid("cannot read --credentials " + file + ": " + e.getMessage());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(id -> secrets.put(id, properties.getProperty(id)));
        return secrets;
    }
}
