package io.fleetcare.gateway.modbus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the gateway's Modbus YAML files (profiles and devices) into trees and their fields with messages that name
 * the file and the field. Duplicate keys are errors.
 */
final class YamlDocument {

    private static final ObjectMapper YAML = new ObjectMapper(
            new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private YamlDocument() {
    }

    /**
     * @param source names the document in error messages
     * @throws IllegalArgumentException when the stream is not YAML or holds no mapping
     */
    static JsonNode read(InputStream in, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(source + " must hold a YAML mapping");
        }
        return root;
    }

    static void onlyFields(JsonNode node, String where, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    static String text(JsonNode node, String field, String where, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(where + ": '" + field + "' is required");
            }
            return fallback;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-empty text");
        }
        return value.asText().trim();
    }

    static int integer(JsonNode node, String field, String where, Integer fallback, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(where + ": '" + field + "' is required");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a whole number " + min + "-" + max);
        }
        return value.intValue();
    }

    static BigDecimal decimal(JsonNode node, String field, String where, BigDecimal fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a number");
        }
        return new BigDecimal(value.asText());
    }

    static boolean bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    static Duration duration(JsonNode node, String field, String where, Duration fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        try {
            Duration duration = Duration.parse(value.asText().trim());
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(where + ": '" + field + "' must be positive");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be an ISO-8601 duration such as PT5S");
        }
    }
}
