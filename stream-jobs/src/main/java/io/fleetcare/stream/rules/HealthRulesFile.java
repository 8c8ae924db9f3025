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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final int TREND_MIN_POINTS = 10;
    private static final double TREND_MIN_R2 = 0.8;

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
        List<ThresholdRule> thresholds = section("thresholds", document.thresholds(), ids, problems,
                HealthRulesFile::toRule);
        List<StatusFaultRule> statusFaults = section("statusFaults", document.statusFaults(), ids, problems,
                HealthRulesFile::toStatusFaultRule);
        List<ErrorEventRule> errorEvents = section("errorEvents", document.errorEvents(), ids, problems,
                HealthRulesFile::toErrorEventRule);
        List<OfflineRule> offline = section("offline", document.offline(), ids, problems,
                HealthRulesFile::toOfflineRule);
        List<RateRule> rates = section("rates", document.rates(), ids, problems, HealthRulesFile::toRateRule);
        List<TrendRule> trends = section("trends", document.trends(), ids, problems, HealthRulesFile::toTrendRule);
        List<UsageRule> usage = section("usage", document.usage(), ids, problems, HealthRulesFile::toUsageRule);
        checkOneOfflineRulePerDevice(offline, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRulesException(source, problems, null);
        }
        return new HealthRules(source, thresholds, statusFaults, errorEvents, offline, rates, trends, usage);
    }

    private interface EntryReader<E, R> {
        R read(E entry, String name, List<String> problems);
    }

    private static <E extends RuleEntry, R> List<R> section(String key, List<E> entries, Set<String> ids,
                                                            List<String> problems, EntryReader<E, R> reader) {
        List<R> rules = new ArrayList<>();
        if (entries == null) {
            return rules;
        }
        for (int i = 0; i < entries.size(); i++) {
            E entry = entries.get(i);
            String name = entry == null || isBlank(entry.id()) ? key + "[" + i + "]" : entry.id();
            if (entry == null) {
                problems.add(name + ": empty entry");
                continue;
            }
            if (!isBlank(entry.id()) && !ids.add(entry.id())) {
                problems.add(name + ": duplicate id");
            }
            R rule = reader.read(entry, name, problems);
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

    private static ThresholdRule toRule(ThresholdEntry e, String name, List<String> problems) {
        int before = problems.size();
        if (isBlank(e.id())) {
            problems.add(name + ": 'id' is required");
        }
        if (isBlank(e.metric())) {
            problems.add(name + ": 'metric' is required");
        }
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        Severity severity = enumValue(Severity.class, e.severity(), "severity", name, problems);
        Duration sustainFor = duration(e.sustainFor(), "sustainFor", true, name, problems);
        checkModels(e.models(), name, problems);

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

    private static StatusFaultRule toStatusFaultRule(StatusFaultEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        Map<String, Severity> codes = severities(e.errorCodes(), "errorCodes", name, problems);
        for (String code : codes.keySet()) {
            if (StatusFaultRule.NO_ERROR.equals(code)) {
                problems.add(name + ": 'errorCodes' must not map '" + StatusFaultRule.NO_ERROR
                        + "', which is the healthy code");
            } else if (!StatusFaultRule.OCPP16_ERROR_CODES.contains(code)) {
                problems.add(name + ": 'errorCodes' has '" + code + "', which is not an OCPP 1.6 error code "
                        + StatusFaultRule.OCPP16_ERROR_CODES);
            }
        }
        Severity other = enumValue(Severity.class, e.otherErrorCodes(), "otherErrorCodes", name, problems);
        Severity faulted = enumValue(Severity.class, e.faultedWithoutErrorCode(), "faultedWithoutErrorCode", name,
                problems);
        Set<Severity> ticketFor = severitySet(e.ticketFor(), name, problems);
        if (problems.size() > before) {
            return null;
        }
        return new StatusFaultRule(e.id(), e.description(), scope(type, e.models()), codes, other, faulted, ticketFor);
    }

    private static ErrorEventRule toErrorEventRule(ErrorEventEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        Map<String, Severity> codes = severities(e.codes(), "codes", name, problems);
        Severity other = enumValue(Severity.class, e.otherCodes(), "otherCodes", name, problems);
        Duration quiet = duration(e.clearAfterQuiet(), "clearAfterQuiet", false, name, problems);
        Set<Severity> ticketFor = severitySet(e.ticketFor(), name, problems);
        if (problems.size() > before) {
            return null;
        }
        return new ErrorEventRule(e.id(), e.description(), scope(type, e.models()), codes, other, quiet, ticketFor);
    }

    private static OfflineRule toOfflineRule(OfflineEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        Duration interval = duration(e.expectedInterval(), "expectedInterval", false, name, problems);
        if (e.missedIntervals() == null || e.missedIntervals() < 1) {
            problems.add(name + ": 'missedIntervals' is required and must be at least 1");
        }
        Severity severity = enumValue(Severity.class, e.severity(), "severity", name, problems);
        if (problems.size() > before) {
            return null;
        }
        return new OfflineRule(e.id(), e.description(), scope(type, e.models()), interval, e.missedIntervals(),
                severity);
    }

    private static RateRule toRateRule(RateEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        if (isBlank(e.eventName()) == isBlank(e.statusErrorCode())) {
            problems.add(name + ": give exactly one of 'eventName' and 'statusErrorCode'");
        } else if (isBlank(e.eventName()) && (e.eventReason() != null || e.eventCode() != null)) {
            problems.add(name + ": 'eventReason' and 'eventCode' need 'eventName'");
        }
        if (e.moreThan() == null || e.moreThan() < 1) {
            problems.add(name + ": 'moreThan' is required and must be at least 1");
        } else if (e.clearAtOrBelow() != null && (e.clearAtOrBelow() < 0 || e.clearAtOrBelow() >= e.moreThan())) {
            problems.add(name + ": 'clearAtOrBelow' must be at least 0 and below 'moreThan'");
        }
        Duration within = duration(e.within(), "within", false, name, problems);
        Severity severity = enumValue(Severity.class, e.severity(), "severity", name, problems);
        if (problems.size() > before) {
            return null;
        }
        return new RateRule(e.id(), e.description(), scope(type, e.models()), blankToNull(e.eventName()),
                blankToNull(e.eventReason()), blankToNull(e.eventCode()), blankToNull(e.statusErrorCode()),
                e.moreThan(), within, e.clearAtOrBelow() == null ? 0 : e.clearAtOrBelow(), severity,
                e.maintenance() == null || e.maintenance());
    }

    private static TrendRule toTrendRule(TrendEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        if (isBlank(e.metric())) {
            problems.add(name + ": 'metric' is required");
        }
        TrendRule.Direction direction = enumValue(TrendRule.Direction.class,
                e.direction() == null ? null : e.direction().trim().toUpperCase(Locale.ROOT),
                "direction", name, problems);
        if (e.limit() == null || !Double.isFinite(e.limit())) {
            problems.add(name + ": 'limit' is required and must be a finite number");
        }
        Duration window = duration(e.window(), "window", false, name, problems);
        Duration horizon = duration(e.horizon(), "horizon", false, name, problems);
        if (e.minPoints() != null && e.minPoints() < 3) {
            problems.add(name + ": 'minPoints' must be at least 3");
        }
        if (e.minR2() != null && !(e.minR2() >= 0 && e.minR2() <= 1)) {
            problems.add(name + ": 'minR2' must be between 0 and 1");
        }
        Severity severity = e.severity() == null ? Severity.WARNING
                : enumValue(Severity.class, e.severity(), "severity", name, problems);
        Duration minSpan = e.minSpan() == null ? Duration.ZERO
                : duration(e.minSpan(), "minSpan", true, name, problems);
        if (minSpan != null && window != null && minSpan.compareTo(window) > 0) {
            problems.add(name + ": 'minSpan' must not exceed 'window'");
        }
        if (problems.size() > before) {
            return null;
        }
        return new TrendRule(e.id(), e.description(), scope(type, e.models()), e.metric().trim(), direction,
                e.limit(), window, horizon, e.minPoints() == null ? TREND_MIN_POINTS : e.minPoints(),
                e.minR2() == null ? TREND_MIN_R2 : e.minR2(), severity, minSpan);
    }

    private static UsageRule toUsageRule(UsageEntry e, String name, List<String> problems) {
        int before = problems.size();
        requireId(e, name, problems);
        DeviceType type = fieldDeviceType(e.deviceType(), name, problems);
        checkModels(e.models(), name, problems);
        UsageRule.Measure measure = null;
        if (isBlank(e.measure())) {
            problems.add(name + ": 'measure' is required (energyWh or plugCycles)");
        } else if (e.measure().trim().equals("energyWh")) {
            measure = UsageRule.Measure.ENERGY_WH;
        } else if (e.measure().trim().equals("plugCycles")) {
            measure = UsageRule.Measure.PLUG_CYCLES;
        } else {
            problems.add(name + ": 'measure' must be energyWh or plugCycles, not '" + e.measure() + "'");
        }
        if (e.every() == null || !(e.every() > 0) || !Double.isFinite(e.every())) {
            problems.add(name + ": 'every' is required and must be a positive number");
        }
        Severity severity = enumValue(Severity.class, e.severity(), "severity", name, problems);
        if (problems.size() > before) {
            return null;
        }
        return new UsageRule(e.id(), e.description(), scope(type, e.models()), measure, e.every(), severity);
    }

    private static void requireId(RuleEntry e, String name, List<String> problems) {
        if (isBlank(e.id())) {
            problems.add(name + ": 'id' is required");
        }
    }

    private static void checkModels(List<String> models, String name, List<String> problems) {
        if (models != null && models.stream().anyMatch(HealthRulesFile::isBlank)) {
            problems.add(name + ": 'models' must not contain blank names");
        }
    }

    private static DeviceScope scope(DeviceType type, List<String> models) {
        return new DeviceScope(type, models == null ? Set.of() : Set.copyOf(models));
    }

    private static Map<String, Severity> severities(Map<String, String> values, String field, String name,
                                                    List<String> problems) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (values == null) {
            return severities;
        }
        values.forEach((code, value) -> {
            Severity s = enumValue(Severity.class, value, field + "." + code, name, problems);
            if (s != null) {
                severities.put(code, s);
            }
        });
        return severities;
    }

    private static Set<Severity> severitySet(List<String> values, String name, List<String> problems) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        if (values == null) {
            return severities;
        }
        for (String value : values) {
            Severity s = enumValue(Severity.class, value, "ticketFor", name, problems);
            if (s != null) {
                severities.add(s);
            }
        }
        return severities;
    }

    private static String blankToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }

    /** A device kind in the field: rules never apply to the platform's own components. */
    private static DeviceType fieldDeviceType(String value, String name, List<String> problems) {
        DeviceType[] kinds = Arrays.stream(DeviceType.values()).filter(DeviceType::isFieldDevice)
                .toArray(DeviceType[]::new);
        if (isBlank(value)) {
            problems.add(name + ": 'deviceType' is required");
            return null;
        }
        for (DeviceType kind : kinds) {
            if (kind.name().equals(value.trim())) {
                return kind;
            }
        }
        problems.add(name + ": 'deviceType' must be one of " + Arrays.toString(kinds) + ", not '" + value + "'");
        return null;
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

    private static Duration duration(String value, String field, boolean zeroAllowed, String name,
                                     List<String> problems) {
        if (isBlank(value)) {
            problems.add(name + ": '" + field + "' is required (an ISO-8601 duration such as PT60S)");
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                problems.add(name + ": '" + field + "' must be " + (zeroAllowed ? "zero or positive" : "positive"));
                return null;
            }
            return d;
        } catch (DateTimeParseException ex) {
            problems.add(name + ": '" + field + "' must be an ISO-8601 duration such as PT60S, not '" + value + "'");
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    record RulesDocument(
            List<ThresholdEntry> thresholds,
            List<StatusFaultEntry> statusFaults,
            List<ErrorEventEntry> errorEvents,
            List<OfflineEntry> offline,
            List<RateEntry> rates,
            List<TrendEntry> trends,
            List<UsageEntry> usage) {

        boolean isEmpty() {
            return Stream.of(thresholds, statusFaults, errorEvents, offline, rates, trends, usage)
                    .allMatch(list -> list == null || list.isEmpty());
        }
    }

    interface RuleEntry {
        String id();
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
            String severity) implements RuleEntry {
    }

    record StatusFaultEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            Map<String, String> errorCodes,
            String otherErrorCodes,
            String faultedWithoutErrorCode,
            List<String> ticketFor) implements RuleEntry {
    }

    record ErrorEventEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            Map<String, String> codes,
            String otherCodes,
            String clearAfterQuiet,
            List<String> ticketFor) implements RuleEntry {
    }

    record OfflineEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String expectedInterval,
            Integer missedIntervals,
            String severity) implements RuleEntry {
    }

    record RateEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String eventName,
            String eventReason,
            String eventCode,
            String statusErrorCode,
            Integer moreThan,
            String within,
            Integer clearAtOrBelow,
            String severity,
            Boolean maintenance) implements RuleEntry {
    }

    record TrendEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String metric,
            String direction,
            Double limit,
            String window,
            String horizon,
            Integer minPoints,
            Double minR2,
            String severity,
            String minSpan) implements RuleEntry {
    }

    record UsageEntry(
            String id,
            String description,
            String deviceType,
            List<String> models,
            String measure,
            Double every,
            String severity) implements RuleEntry {
    }
}
