package io.fleetcare.gateway.modbus;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegisterMap.StatusLevel;
import io.fleetcare.events.ModbusRegisterMap.StatusValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The register maps the gateway knows by name: the built-in {@value #CHARGER_DEFAULT} (the contract's default
 * charger map, shipped as {@code io/fleetcare/gateway/modbus/charger-default.yaml}) plus profile files.
 *
 * <p>A profile file:
 * <pre>
 * name: meter-3ph
 * registers:
 *   - {name: energy_wh, address: 0, type: uint32, wordOrder: high-word-first, scale: 1, unit: Wh}
 *   - {name: current_setpoint_a, address: 10, type: uint16, unit: A, writable: true}
 * </pre>
 * {@code type} is required; {@code wordOrder} defaults to {@code high-word-first}, {@code scale} to 1, {@code unit}
 * to empty, {@code writable} to false. Names are metric names (lower case letters, digits, {@code _} and {@code .}).
 * An optional status register says what its values mean; a WARNING needs a code, a FAULT may have one (codes are
 * the platform's OCPP 1.6 vocabulary, which the rules file maps to severities):
 * <pre>
 * status:
 *   register: status
 *   values:
 *     - {value: 0, level: ok}
 *     - {value: 1, level: warning, code: OtherError}
 *     - {value: 2, level: fault, code: InternalError}
 * </pre>
 * Profiles registered through the service API arrive as {@link ModbusRegisterMap}s ({@link #fromMap}).
 */
public final class RegisterProfiles {

    /** The name of the built-in charger profile. */
    public static final String CHARGER_DEFAULT = ModbusRegisterMap.CHARGER_DEFAULT;
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    private final Map<String, RegisterProfile> byName;

    private RegisterProfiles(Map<String, RegisterProfile> byName) {
        this.byName = Map.copyOf(byName);
    }

    /**
     * The built-in profiles and those in {@code files}; a file may replace a built-in profile by using its name.
     *
     * @param files never null, may be empty
     * @throws IllegalArgumentException naming the file and field when a profile is not valid, or two files use one
     *                                  name
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static RegisterProfiles load(List<Path> files) {
        Map<String, RegisterProfile> profiles = new LinkedHashMap<>();
        RegisterProfile builtIn = builtIn();
        profiles.put(builtIn.name(), builtIn);
        Set<String> fromFiles = new HashSet<>();
        for (Path file : files) {
            RegisterProfile profile;
            try (InputStream in = Files.newInputStream(file)) {
                profile = parse(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Modbus profile " + file, e);
            }
            if (!fromFiles.add(profile.name())) {
                throw new IllegalArgumentException(file + ": profile " + profile.name() + " is defined twice");
            }
            profiles.put(profile.name(), profile);
        }
        return new RegisterProfiles(profiles);
    }

    /** The contract's default charger profile. */
    public static RegisterProfile builtIn() {
        String resource = "/io/fleetcare/gateway/modbus/" + CHARGER_DEFAULT + ".yaml";
        try (InputStream in = RegisterProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return parse(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One profile document.
     *
     * @param source names the document in error messages
     * @throws IllegalArgumentException when it is not a valid profile
     */
    public static RegisterProfile parse(InputStream in, String source) {
        JsonNode root = YamlDocument.read(in, source);
        YamlDocument.onlyFields(root, source, Set.of("name", "description", "registers", "status"));
        String name = YamlDocument.text(root, "name", source, null);
        JsonNode registers = root.get("registers");
        if (registers == null || !registers.isArray() || registers.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'registers' must be a non-empty list");
        }
        List<ProfileRegister> parsed = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            parsed.add(register(registers.get(i), source + ": registers[" + i + "]"));
        }
        ModbusRegisterMap.StatusRegister status = root.hasNonNull("status")
                ? status(root.get("status"), source + ": status") : null;
        try {
            return new RegisterProfile(name, parsed, status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /**
     * The gateway's form of a register map the service API published.
     *
     * @throws IllegalArgumentException when the map does not make a profile (it was validated when built, so only
     *                                  for registers the gateway cannot read, e.g. a status register it cannot find)
     */
    public static RegisterProfile fromMap(ModbusRegisterMap map) {
        List<ProfileRegister> registers = map.registers().stream().map(r -> new ProfileRegister(r.name(), r.address(),
                RegisterType.parse(r.type()),
                r.wordOrder() == null ? WordOrder.HIGH_WORD_FIRST : WordOrder.parse(r.wordOrder()),
                r.scale() == null ? BigDecimal.ONE : r.scale(), r.unit() == null ? "" : r.unit(), r.writable()))
                .toList();
        return new RegisterProfile(map.name(), registers, map.status());
    }

    /** These profiles with {@code profile} added, or replacing the one of its name. */
    public RegisterProfiles with(RegisterProfile profile) {
        Map<String, RegisterProfile> copy = new LinkedHashMap<>(byName);
        copy.put(profile.name(), profile);
        return new RegisterProfiles(copy);
    }

    /** These profiles without the one called {@code name}. */
    public RegisterProfiles without(String name) {
        Map<String, RegisterProfile> copy = new LinkedHashMap<>(byName);
        copy.remove(name);
        return new RegisterProfiles(copy);
    }

    /** The profile called {@code name}, if known. */
    public Optional<RegisterProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static ModbusRegisterMap.StatusRegister status(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        YamlDocument.onlyFields(node, where, Set.of("register", "values"));
        String register = YamlDocument.text(node, "register", where, null);
        JsonNode values = node.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException(where + ": 'values' must be a non-empty list");
        }
        List<StatusValue> meanings = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = values.get(i);
            String at = where + ".values[" + i + "]";
            if (!value.isObject()) {
                throw new IllegalArgumentException(at + " must be a mapping");
            }
            YamlDocument.onlyFields(value, at, Set.of("value", "level", "code"));
            int number = YamlDocument.integer(value, "value", at, null, 0, 0xFFFF);
            String levelText = YamlDocument.text(value, "level", at, null);
            StatusLevel level;
            try {
                level = StatusLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": 'level' must be ok, warning or fault, not '" + levelText
                        + "'");
            }
            String code = value.hasNonNull("code") ? YamlDocument.text(value, "code", at, null) : null;
            if (level == StatusLevel.OK && code != null) {
                throw new IllegalArgumentException(at + ": an ok value has no 'code'");
            }
            if (level == StatusLevel.WARNING && code == null) {
                throw new IllegalArgumentException(at + ": a warning needs a 'code' (e.g. OtherError)");
            }
            if (!seen.add(number)) {
                throw new IllegalArgumentException(at + ": value " + number + " is listed twice");
            }
            meanings.add(new StatusValue(number, level, code));
        }
        return new ModbusRegisterMap.StatusRegister(register, List.copyOf(meanings));
    }

    private static ProfileRegister register(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a mapping");
        }
        YamlDocument.onlyFields(node, where,
                Set.of("name", "address", "type", "wordOrder", "scale", "unit", "writable", "description"));
        String name = YamlDocument.text(node, "name", where, null);
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + ": name '" + name
                    + "' must be a metric name (lower case letters, digits, '_' and '.')");
        }
        try {
            return new ProfileRegister(name,
                    YamlDocument.integer(node, "address", where, null, 0, 0xFFFF),
                    RegisterType.parse(YamlDocument.text(node, "type", where, null)),
                    WordOrder.parse(YamlDocument.text(node, "wordOrder", where, "high-word-first")),
                    YamlDocument.decimal(node, "scale", where, BigDecimal.ONE),
                    node.hasNonNull("unit") ? node.get("unit").asText() : "",
                    YamlDocument.bool(node, "writable", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(where) ? e.getMessage()
                    : where + ": " + e.getMessage());
        }
    }
}
