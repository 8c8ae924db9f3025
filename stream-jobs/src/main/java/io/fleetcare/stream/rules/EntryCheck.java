package io.fleetcare.stream.rules;

import io.fleetcare.events.DeviceType;
import io.fleetcare.events.Severity;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the fields of one entry of the rules file: every mistake becomes one problem line
 * {@code <entry name>: <what is wrong>} in the list shared by the whole file, and a field reader
 * returns null when its value is unusable.
 */
final class EntryCheck {

    private final String name;
    private final List<String> problems;
    private final int before;

    /**
     * @param name     the entry's id, or {@code <section>[<index>]} when it has none
     * @param problems the problems of the whole file; added to
     */
    EntryCheck(String name, List<String> problems) {
        this.name = name;
        this.problems = problems;
        this.before = problems.size();
    }

    /** Whether a problem was reported since this check started. */
    boolean failed() {
        return problems.size() > before;
    }

    /** Reports a problem of the entry. */
    void problem(String what) {
        problems.add(name + ": " + what);
    }

    /** Reports a problem whose text already names the rule (a rule constructor's message). */
    void rejected(IllegalArgumentException e) {
        problems.add(e.getMessage());
    }

    void requireId(String id) {
        if (isBlank(id)) {
            problem("'id' is required");
        }
    }

    void requireText(String value, String field) {
        if (isBlank(value)) {
            problem("'" + field + "' is required");
        }
    }

    void models(List<String> models) {
        if (models != null && models.stream().anyMatch(EntryCheck::isBlank)) {
            problem("'models' must not contain blank names");
        }
    }

    /** A device kind in the field: rules never apply to the platform's own components. */
    DeviceType fieldDeviceType(String value) {
        DeviceType[] kinds = Arrays.stream(DeviceType.values()).filter(DeviceType::isFieldDevice)
                .toArray(DeviceType[]::new);
        if (isBlank(value)) {
            problem("'deviceType' is required");
            return null;
        }
        for (DeviceType kind : kinds) {
            if (kind.name().equals(value.trim())) {
                return kind;
            }
        }
        problem("'deviceType' must be one of " + Arrays.toString(kinds) + ", not '" + value + "'");
        return null;
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (isBlank(value)) {
            problem("'" + field + "' is required");
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException ex) {
            problem("'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
            return null;
        }
    }

    Severity severity(String value, String field) {
        return enumValue(Severity.class, value, field);
    }

    Duration duration(String value, String field, boolean zeroAllowed) {
        if (isBlank(value)) {
            problem("'" + field + "' is required (an ISO-8601 duration such as PT60S)");
            return null;
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                problem("'" + field + "' must be " + (zeroAllowed ? "zero or positive" : "positive"));
                return null;
            }
            return d;
        } catch (DateTimeParseException ex) {
            problem("'" + field + "' must be an ISO-8601 duration such as PT60S, not '" + value + "'");
            return null;
        }
    }

    /** A severity per code, in the entry's order; codes with an invalid severity are left out. */
    Map<String, Severity> severities(Map<String, String> values, String field) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (values == null) {
            return severities;
        }
        values.forEach((code, value) -> {
            Severity s = severity(value, field + "." + code);
            if (s != null) {
                severities.put(code, s);
            }
        });
        return severities;
    }

    /** The severities listed under {@code ticketFor}; invalid ones are left out. */
    Set<Severity> ticketFor(List<String> values) {
        Set<Severity> severities = EnumSet.noneOf(Severity.class);
        if (values == null) {
            return severities;
        }
        for (String value : values) {
            Severity s = severity(value, "ticketFor");
            if (s != null) {
                severities.add(s);
            }
        }
        return severities;
    }

    static DeviceScope scope(DeviceType type, List<String> models) {
        return new DeviceScope(type, models == null ? Set.of() : Set.copyOf(models));
    }

    static String blankToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
