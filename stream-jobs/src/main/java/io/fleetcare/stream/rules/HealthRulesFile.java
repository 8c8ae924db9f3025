package io.fleetcare.stream.rules;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fleetcare.events.DeviceType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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
        if (document == null || document.isEmpty()) {
            throw new InvalidRulesException(source, List.of("no rules: expected a non-empty list under at least one of "
                    + "'thresholds', 'statusFaults', 'errorEvents', 'offline', 'rates', 'trends' and 'usage'"), null);
        }
        Set<String> ids = new HashSet<>();
        List<ThresholdRule> thresholds = section("thresholds", document.thresholds(), ids, problems);
        List<StatusFaultRule> statusFaults = section("statusFaults", document.statusFaults(), ids, problems);
        List<ErrorEventRule> errorEvents = section("errorEvents", document.errorEvents(), ids, problems);
        List<OfflineRule> offline = section("offline", document.offline(), ids, problems);
        List<RateRule> rates = section("rates", document.rates(), ids, problems);
        List<TrendRule> trends = section("trends", document.trends(), ids, problems);
        List<UsageRule> usage = section("usage", document.usage(), ids, problems);
        checkOneOfflineRulePerDevice(offline, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems, null);
        }
        return new HealthRules(source, thresholds, statusFaults, errorEvents, offline, rates, trends, usage);
    }

    private static <R extends HealthRule> List<R> section(String key, List<? extends HealthRule.Entry<R>> entries,
                                                          Set<String> ids, List<String> problems) {
        List<R> rules = new ArrayList<>();
        if (entries == null) {
            return rules;
        }
        for (int i = 0; i < entries.size(); i++) {
            HealthRule.Entry<R> entry = entries.get(i);
            String name = entry == null || EntryCheck.isBlank(entry.id()) ? key + "[" + i + "]" : entry.id();
            if (entry == null) {
                problems.add(name + ": empty entry");
                continue;
            }
            if (!EntryCheck.isBlank(entry.id()) && !ids.add(entry.id())) {
                problems.add(name + ": duplicate id");
            }
            R rule = entry.toRule(new EntryCheck(name, problems));
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static void checkOneOfflineRulePerDevice(List<OfflineRule> rules, List<String> problems) {
        Set<DeviceType> typeWide = new HashSet<>();
        Set<String> models = new HashSet<>();
        for (OfflineRule rule : rules) {
            DeviceScope scope = rule.scope();
            if (scope.models().isEmpty() && !typeWide.add(scope.deviceType())) {
                problems.add(rule.id() + ": a second offline rule for every " + scope.deviceType()
                        + "; a device may match one type-wide rule only");
            }
            for (String model : scope.models()) {
                if (!models.add(scope.deviceType() + "/" + model)) {
                    problems.add(rule.id() + ": model '" + model + "' is already named by another offline rule");
                }
            }
        }
    }

    /** The rules file as written: one list of entries per kind of rule, each list may be missing. */
    record RulesDocument(
            List<ThresholdRule.Entry> thresholds,
            List<StatusFaultRule.Entry> statusFaults,
            List<ErrorEventRule.Entry> errorEvents,
            List<OfflineRule.Entry> offline,
            List<RateRule.Entry> rates,
            List<TrendRule.Entry> trends,
            List<UsageRule.Entry> usage) {

        boolean isEmpty() {
            return Stream.of(thresholds, statusFaults, errorEvents, offline, rates, trends, usage)
                    .allMatch(list -> list == null || list.isEmpty());
        }
    }
}
