package io.fleetcare.stream.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the YAML rules file of the device-health job and validates it completely, so that a
 * mistake stops the job at start with every problem listed rather than misbehaving later.
 * The format is described in the module README.
 */
public final class HealthRulesFile {

    /** Classpath location of the rules the job uses when no file is given. */
    public static final String DEFAULT_RESOURCE = "rules/device-health-rules.yaml";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private HealthRulesFile() {
    }

    /**
     * Loads rules from a file.
     *
     * @throws InvalidRulesException when the file cannot be read or its rules are invalid
     */
    public static HealthRules load(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, source);
        } catch (IOException e) {
            throw new InvalidRulesException(source, List.of("cannot read the file: " + e.getMessage()), e);
        }
    }

    /**
     * Loads the rules shipped on the classpath at {@link #DEFAULT_RESOURCE}.
     *
     * @throws InvalidRulesException when the resource is missing or invalid
     */
    public static HealthRules loadDefault() {
        String source = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = HealthRulesFile.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidRulesException(source, List.of("resource not found"), null);
            }
            return read(in, source);
        } catch (IOException e) {
            throw new InvalidRulesException(source, List.of("cannot read the resource: " + e.getMessage()), e);
        }
    }

    /**
     * Parses rules from YAML text.
     *
     * @param source names the text in messages, e.g. a file path
     * @throws InvalidRulesException when the text is not valid YAML or its rules are invalid
     */
    public static HealthRules parse(String yaml, String source) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            RulesDocument document = tree == null || tree.isMissingNode() || tree.isNull()
                    ? null
                    : YAML.readValue(yaml, RulesDocument.class);
            return validate(document, source);
        } catch (JacksonException e) {
            throw notValid(source, e);
        }
    }

    private static HealthRules read(InputStream in, String source) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    }

    private static InvalidRulesException notValid(String source, JacksonException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new InvalidRulesException(source, List.of(path(unknown.getPath().subList(0, unknown.getPath().size() - 1)) + ": unknown field '"
                    + unknown.getPropertyName() + "'"), e);
        }
        String where = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? path(mapping.getPath()) + ": "
                : "";
        String line = e.getLocation() == null ? "" : " (near line " + e.getLocation().getLineNr() + ")";
        return new InvalidRulesException(source, List.of(where + e.getOriginalMessage() + line), e);
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static HealthRules validate(RulesDocument document, String source) {
        List<String> problems = new ArrayList<>();
        List<ThresholdRule> thresholds = new ArrayList<>();
        if (document == null || document.thresholds() == null || document.thresholds().isEmpty()) {
            problems.add("no rules: expected a non-empty list under 'thresholds'");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < document.thresholds().size(); i++) {
                ThresholdEntry entry = document.thresholds().get(i);
                String name = entry == null || entry.id() == null ? "thresholds[" + i + "]" : entry.id();
                if (entry == null) {
                    problems.add(name + ": empty entry");
                    continue;
                }
                if (entry.id() != null && !ids.add(entry.id())) {
                    problems.add(name + ": duplicate id");
                }
                ThresholdRule rule = toRule(entry, name, problems);
                if (rule != null) {
                    thresholds.add(rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems, null);
        }
        return new HealthRules(source, thresholds);
    }

    private static ThresholdRule toRule(ThresholdEntry e, String name, List<String> problems) {
        int before = problems.size();
        if (isBlank(e.id())) {
            problems.add(name + ": 'id' is required");
        }
        if (isBlank(e.metric())) {
            problems.add(name + ": 'metric' is required");
        }
        DeviceType type = enumValue(DeviceType.class, e.deviceType(), "deviceType", name, problems);
        Severity severity = enumValue(Severity.class, e.severity(), "severity", name, problems);
        Duration sustainFor = duration(e.sustainFor(), name, problems);
        if (e.models() != null && e.models().stream().anyMatch(HealthRulesFile::isBlank)) {
            problems.add(name + ": 'models' must not contain blank names");
        }

        ThresholdRule.Direction direction = null;
        Double raise = null;
        Double clear = null;
        if ((e.raiseAbove() == null) == (e.raiseBelow() == null)) {
            problems.add(name + ": give exactly one of 'raiseAbove' and 'raiseBelow'");
        } else if (e.raiseAbove() != null) {
            direction = ThresholdRule.Direction.ABOVE;
            raise = e.raiseAbove();
            clear = e.clearAtOrBelow();
            if (clear == null || e.clearAtOrAbove() != null) {
                problems.add(name + ": a 'raiseAbove' rule needs 'clearAtOrBelow' (and no 'clearAtOrAbove')");
            }
        } else {
            direction = ThresholdRule.Direction.BELOW;
            raise = e.raiseBelow();
            clear = e.clearAtOrAbove();
            if (clear == null || e.clearAtOrBelow() != null) {
                problems.add(name + ": a 'raiseBelow' rule needs 'clearAtOrAbove' (and no 'clearAtOrBelow')");
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new ThresholdRule(e.id(), e.description(), type,
                    e.models() == null ? Set.of() : Set.copyOf(e.models()),
                    e.metric(), direction, raise, clear, sustainFor, severity);
        } catch (IllegalArgumentException ex) {
            problems.add(ex.getMessage());
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, String name,
                                                   List<String> problems) {
        if (isBlank(value)) {
            problems.add(name + ": '" + field + "' is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException ex) {
            problems.add(name + ": '" + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
            return null;
        }
    }

    private static Duration duration(String value, String name, List<String> problems) {
        if (isBlank(value)) {
            problems.add(name + ": 'sustainFor' is required (an ISO-8601 duration such as PT60S)");
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative()) {
                problems.add(name + ": 'sustainFor' must not be negative");
                return null;
            }
            return d;
        } catch (DateTimeParseException ex) {
            problems.add(name + ": 'sustainFor' must be an ISO-8601 duration such as PT60S, not '" + value + "'");
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    record RulesDocument(List<ThresholdEntry> thresholds) {
    }

    record ThresholdEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String metric,
            Double raiseAbove,
            Double raiseBelow,
            Double clearAtOrBelow,
            Double clearAtOrAbove,
            String sustainFor,
            String severity) {
    }
}
