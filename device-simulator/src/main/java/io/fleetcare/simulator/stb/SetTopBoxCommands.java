package io.fleetcare.simulator.stb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated set-top box answers the platform's commands (device contract: {@code REBOOT},
 * {@code COLLECT_LOGS}, {@code GET_CONFIG}, {@code SET_CONFIG}, {@code SELF_TEST}). A command is the JSON the
 * gateway publishes ({@code {"commandId","deviceId","command","params",…}}); every answer is a JSON object:
 *
 * <ul>
 *   <li>{@code REBOOT}: {@code {"status":"REBOOTING","uptime_s"}}, then the box reboots ({@link Box#reboot()});</li>
 *   <li>{@code GET_CONFIG} {@code {"key": name or [names]}} (optional): {@code {"config":{…},"readonly":[…]}} and
 *       {@code "unknownKeys"} for names it does not have;</li>
 *   <li>{@code SET_CONFIG} {@code {"key","value"}}: {@code {"key","value","status"}} with status {@code ACCEPTED}
 *       (applied at once), {@code REJECTED} (read-only key or invalid value, with {@code "error"}) or
 *       {@code UNKNOWN_KEY};</li>
 *   <li>{@code COLLECT_LOGS} {@code {"lines": n}} (optional, default 50): {@code {"status":"COLLECTED","lines":[…]}},
 *       the box's last log lines, oldest first;</li>
 *   <li>{@code SELF_TEST}: {@code {"passed","failed":[…],"cpu_temp_c","mem_free_mb","tuner_snr_db"}} from the latest
 *       readings (passes below 85 °C, from 64 MB free and from 25 dB SNR);</li>
 *   <li>anything else, or a body that is not a command: {@code {"status":"UNSUPPORTED","error"}}.</li>
 * </ul>
 * Thread-safe.
 */
public final class SetTopBoxCommands {

    public static final String TELEMETRY_INTERVAL = "telemetry_interval_s";
    public static final String LOG_LEVEL = "log_level";
    public static final String FIRMWARE = "4.2.1";
    static final double MAX_CPU_TEMP_C = 85;
    static final double MIN_MEM_FREE_MB = 64;
    static final double MIN_TUNER_SNR_DB = 25;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEPT_LOG_LINES = 200;
    private static final Set<String> LOG_LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG");

    /** What the commands act on: the box itself. */
    public interface Box {

        /** The latest readings by contract metric name ({@code cpu_temp_c}, …); empty before the first. */
        Map<String, Double> lastReadings();

        /** Powers the box off and on again: quiet for a moment, then uptime from zero and a REBOOT event. */
        void reboot();

        /** The platform set a new telemetry interval; the next message follows it. */
        void telemetryIntervalChanged(Duration interval);
    }

    /**
     * An answer and what the box does once it is sent.
     *
     * @param body       never null
     * @param afterwards may be null
     */
    public record Reply(ObjectNode body, Runnable afterwards) {

        public byte[] bytes() {
            return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Box box;
    private final Clock clock;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private final Set<String> readonly;
    private final Deque<String> log = new ArrayDeque<>();

    /**
     * @param telemetryInterval the box's interval at power-on
     */
    public SetTopBoxCommands(String deviceId, String model, Duration telemetryInterval, Box box, Clock clock) {
        this.box = box;
        this.clock = clock;
        configuration.put(TELEMETRY_INTERVAL, Long.toString(Math.max(1, telemetryInterval.toSeconds())));
        configuration.put(LOG_LEVEL, "INFO");
        configuration.put("model", model);
        configuration.put("firmware_version", FIRMWARE);
        configuration.put("serial_number", "SN-" + deviceId);
        readonly = Set.of("model", "firmware_version", "serial_number");
        note("INFO", "boot: firmware " + FIRMWARE + ", model " + model);
    }

    /** Adds a line to the box's log (what COLLECT_LOGS returns), stamped with the box's clock. */
    public synchronized void note(String level, String text) {
        if (log.size() == KEPT_LOG_LINES) {
            log.removeFirst();
        }
        log.addLast(clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + text);
    }

    /** The answer to one command body. */
    public Reply answer(byte[] body) {
        JsonNode command;
        try {
            command = JSON.readTree(body);
        } catch (IOException e) {
            return unsupported("the command is not JSON");
        }
        if (command == null || !command.path("command").isTextual()) {
            return unsupported("the command has no name");
        }
        String name = command.path("command").asText();
        JsonNode params = command.path("params");
        note("INFO", "command " + name + " " + command.path("commandId").asText("(no id)"));
        return switch (name) {
            case "REBOOT" -> reboot();
            case "GET_CONFIG" -> getConfig(params);
            case "SET_CONFIG" -> setConfig(params);
            case "COLLECT_LOGS" -> collectLogs(params);
            case "SELF_TEST" -> selfTest();
            default -> unsupported("unknown command " + name);
        };
    }

    private Reply reboot() {
        Double uptime = box.lastReadings().get("uptime_s");
        ObjectNode body = JSON.createObjectNode().put("status", "REBOOTING");
        if (uptime != null) {
            body.put("uptime_s", uptime);
        }
        note("WARN", "reboot requested by the platform");
        return new Reply(body, box::reboot);
    }

    private synchronized Reply getConfig(JsonNode params) {
        List<String> asked = new ArrayList<>();
        JsonNode key = params.path("key");
        if (key.isTextual()) {
            asked.add(key.asText());
        } else if (key.isArray()) {
            key.forEach(k -> asked.add(k.asText()));
        }
        if (asked.isEmpty()) {
            asked.addAll(configuration.keySet());
        }
        ObjectNode body = JSON.createObjectNode();
        ObjectNode config = body.putObject("config");
        ArrayNode readonlyKeys = body.putArray("readonly");
        ArrayNode unknown = JSON.createArrayNode();
        for (String name : asked) {
            String value = configuration.get(name);
            if (value == null) {
                unknown.add(name);
            } else {
                config.put(name, value);
                if (readonly.contains(name)) {
                    readonlyKeys.add(name);
                }
            }
        }
        if (!unknown.isEmpty()) {
            body.set("unknownKeys", unknown);
        }
        return new Reply(body, null);
    }

    private Reply setConfig(JsonNode params) {
        String key = params.path("key").asText("");
        String value = params.path("value").isValueNode() ? params.path("value").asText() : "";
        ObjectNode body = JSON.createObjectNode().put("key", key).put("value", value);
        Duration newInterval = null;
        synchronized (this) {
            if (!configuration.containsKey(key)) {
                return new Reply(body.put("status", "UNKNOWN_KEY"), null);
            }
            String refusal = refusal(key, value);
            if (refusal != null) {
                return new Reply(body.put("status", "REJECTED").put("error", refusal), null);
            }
            configuration.put(key, value);
            if (key.equals(TELEMETRY_INTERVAL)) {
                newInterval = Duration.ofSeconds(Long.parseLong(value));
            }
        }
        note("INFO", "configuration " + key + " = " + value);
        Duration interval = newInterval;
        return new Reply(body.put("status", "ACCEPTED"),
                interval == null ? null : () -> box.telemetryIntervalChanged(interval));
    }

    private String refusal(String key, String value) {
        if (readonly.contains(key)) {
            return key + " is read-only";
        }
        if (key.equals(TELEMETRY_INTERVAL)) {
            try {
                long seconds = Long.parseLong(value);
                return seconds >= 1 && seconds <= 3600 ? null : "telemetry_interval_s must be 1..3600";
            } catch (NumberFormatException e) {
                return "telemetry_interval_s must be a whole number of seconds";
            }
        }
        return LOG_LEVELS.contains(value) ? null : "log_level must be one of ERROR, WARN, INFO, DEBUG";
    }

    private synchronized Reply collectLogs(JsonNode params) {
        int wanted = params.path("lines").canConvertToInt() && params.path("lines").asInt() > 0
                ? params.path("lines").asInt() : 50;
        List<String> all = new ArrayList<>(log);
        ObjectNode body = JSON.createObjectNode().put("status", "COLLECTED");
        ArrayNode lines = body.putArray("lines");
        all.subList(Math.max(0, all.size() - wanted), all.size()).forEach(lines::add);
        return new Reply(body, null);
    }

    private Reply selfTest() {
        Map<String, Double> readings = box.lastReadings();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode failed = JSON.createArrayNode();
        if (readings.isEmpty()) {
            failed.add("no readings yet");
        } else {
            check(readings, "cpu_temp_c", v -> v < MAX_CPU_TEMP_C, failed, body);
            check(readings, "mem_free_mb", v -> v >= MIN_MEM_FREE_MB, failed, body);
            check(readings, "tuner_snr_db", v -> v >= MIN_TUNER_SNR_DB, failed, body);
        }
        body.put("passed", failed.isEmpty());
        body.set("failed", failed);
        note(failed.isEmpty() ? "INFO" : "WARN", "self test " + (failed.isEmpty() ? "passed" : "failed: " + failed));
        return new Reply(body, null);
    }

    private static void check(Map<String, Double> readings, String metric, java.util.function.DoublePredicate ok,
                              ArrayNode failed, ObjectNode body) {
        Double value = readings.get(metric);
        if (value == null) {
            failed.add(metric);
            return;
        }
        body.put(metric, value);
        if (!ok.test(value)) {
            failed.add(metric);
        }
    }

    private Reply unsupported(String error) {
        note("WARN", error);
        return new Reply(JSON.createObjectNode().put("status", "UNSUPPORTED").put("error", error), null);
    }
}
