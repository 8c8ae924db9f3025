package io.fleetcare.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A register-map profile for Modbus TCP devices, as the service API publishes it on the compacted topic
 * {@link Topics#MODBUS_REGISTER_MAPS}, keyed by {@link #name()}; a tombstone removes it (devices that name it keep
 * polling with the map they had). The gateway's YAML profile files have the same fields.
 *
 * @param name      1-64 lower-case letters, digits, {@code -} or {@code _}, starting with a letter; never null
 * @param registers the values a poll reads and commands may write; never null or empty, names unique, none
 *                  overlapping
 * @param status    the register whose values say whether the device is ok, warns or is faulted; null when the
 *                  profile has none
 */
public record ModbusRegisterMap(String name, List<Register> registers, StatusRegister status) {

    /** The profile every gateway has built in (ARCHITECTURE.md, "Modbus TCP", the default charger map). */
    public static final String CHARGER_DEFAULT = "charger-default";

    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    static final String NAME_RULE = "1-64 lower-case letters, digits, - or _, starting with a letter";
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_.]{0,63}");
    private static final Set<String> TYPES = Set.of("uint16", "int16", "uint32", "int32", "float32");
    private static final Set<String> WORD_ORDERS = Set.of("high-word-first", "low-word-first");

    /**
     * One value of the map.
     *
     * @param name      metric name (lower-case letters, digits, {@code _} and {@code .}); never null
     * @param address   0-based holding register address of its first register, 0-65535
     * @param type      {@code uint16}, {@code int16}, {@code uint32}, {@code int32} or {@code float32}; never null
     * @param wordOrder for 32-bit types {@code high-word-first} or {@code low-word-first}; null means high word first
     * @param scale     value = stored number x scale; null means 1, never 0
     * @param unit      may be null (dimensionless)
     * @param writable  whether commands may write it
     */
    public record Register(String name, int address, String type, String wordOrder, BigDecimal scale, String unit,
                           boolean writable) {

        /** How many 16-bit registers the value takes (2 for 32-bit types, else 1). */
        public int words() {
            return type != null && type.endsWith("32") ? 2 : 1;
        }
    }

    /** What a value of the status register means. */
    public enum StatusLevel {
        OK,
        WARNING,
        FAULT
    }

    /**
     * A meaning of one status register value.
     *
     * @param value the stored number
     * @param level never null
     * @param code  the fault code the gateway reports in the STATUS event, in the platform's (OCPP 1.6) vocabulary,
     *              e.g. {@code InternalError}; null for OK, and for a FAULT reported without a code
     */
    public record StatusValue(int value, StatusLevel level, String code) {
    }

    /**
     * @param register the name of a register of the map (a 16-bit one); never null
     * @param values   the meanings of its values; never null or empty, values unique
     */
    public record StatusRegister(String register, List<StatusValue> values) {

        /** The meaning of {@code value}; null when the profile does not say. */
        public StatusValue meaning(int value) {
            return values.stream().filter(v -> v.value() == value).findFirst().orElse(null);
        }
    }

    /** @throws IllegalArgumentException listing every problem ({@link #problems}) */
    public ModbusRegisterMap {
        List<String> problems = problems(name, registers, status);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        registers = registers.stream().sorted(Comparator.comparingInt(Register::address)).toList();
        status = status == null ? null : new StatusRegister(status.register(), List.copyOf(status.values()));
    }

    /** Every reason why these fields do not make a register map, each naming the field; empty when they do. */
    public static List<String> problems(String name, List<Register> registers, StatusRegister status) {
        List<String> problems = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            problems.add("name must be " + NAME_RULE);
        }
        if (registers == null || registers.isEmpty()) {
            problems.add("registers must list at least one register");
            registers = List.of();
        }
        Set<String> names = new HashSet<>();
        List<Register> placed = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            Register r = registers.get(i);
            String where = "registers[" + i + "]";
            if (r == null) {
                problems.add(where + " is empty");
                continue;
            }
            if (r.name() == null || !METRIC_NAME.matcher(r.name()).matches()) {
                problems.add(where + ".name must be a metric name (lower-case letters, digits, _ and .)");
            } else if (!names.add(r.name())) {
                problems.add(where + ".name " + r.name() + " is used twice");
            }
            boolean typed = r.type() != null && TYPES.contains(r.type().toLowerCase(Locale.ROOT));
            if (!typed) {
                problems.add(where + ".type must be one of uint16, int16, uint32, int32, float32");
            }
            if (r.address() < 0 || r.address() + r.words() - 1 > 0xFFFF) {
                problems.add(where + ".address must be 0-65535 (all its registers)");
            }
            if (r.wordOrder() != null && !WORD_ORDERS.contains(r.wordOrder().toLowerCase(Locale.ROOT))) {
                problems.add(where + ".wordOrder must be high-word-first or low-word-first");
            }
            if (r.scale() != null && r.scale().signum() == 0) {
                problems.add(where + ".scale must not be 0");
            }
            if (typed) {
                for (Register other : placed) {
                    if (r.address() < other.address() + other.words() && other.address() < r.address() + r.words()) {
                        problems.add(where + " (" + r.name() + ") overlaps " + other.name());
                    }
                }
                placed.add(r);
            }
        }
        if (status != null) {
            Register named = registers.stream().filter(r -> r != null && r.name() != null
                    && r.name().equals(status.register())).findFirst().orElse(null);
            if (named == null) {
                problems.add("status.register must name a register of the map");
            } else if (named.words() != 1) {
                problems.add("status.register must be a 16-bit register (uint16 or int16)");
            }
            if (status.values() == null || status.values().isEmpty()) {
                problems.add("status.values must list at least one value");
            } else {
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < status.values().size(); i++) {
                    StatusValue v = status.values().get(i);
                    String where = "status.values[" + i + "]";
                    if (v == null || v.level() == null) {
                        problems.add(where + ".level must be OK, WARNING or FAULT");
                        continue;
                    }
                    if (!seen.add(v.value())) {
                        problems.add(where + ".value " + v.value() + " is listed twice");
                    }
                    if (v.level() == StatusLevel.OK && v.code() != null) {
                        problems.add(where + ".code must be empty for OK");
                    }
                    if (v.level() == StatusLevel.WARNING && (v.code() == null || v.code().isBlank())) {
                        problems.add(where + ".code is required for WARNING (e.g. OtherError)");
                    }
                }
            }
        }
        return problems;
    }
}
