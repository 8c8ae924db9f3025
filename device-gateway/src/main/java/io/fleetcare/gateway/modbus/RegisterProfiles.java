package io.fleetcare.gateway.modbus;

import com.fasterxml.jackson.databind.JsonNode;
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
 */
public final class RegisterProfiles {

    /** The name of the built-in charger profile. */
    public static final String CHARGER_DEFAULT = "charger-default";
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
        YamlDocument.onlyFields(root, source, Set.of("name", "description", "registers"));
        String name = YamlDocument.text(root, "name", source, null);
        JsonNode registers = root.get("registers");
        if (registers == null || !registers.isArray() || registers.isEmpty()) {
            throw new IllegalArgumentException(source + ": 'registers' must be a non-empty list");
        }
        List<ProfileRegister> parsed = new ArrayList<>();
        for (int i = 0; i < registers.size(); i++) {
            parsed.add(register(registers.get(i), source + ": registers[" + i + "]"));
        }
        try {
            return new RegisterProfile(name, parsed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    /** The profile called {@code name}, if known. */
    public Optional<RegisterProfile> find(String name) {
        return Optional.ofNullable(byName.get(name));
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
