package io.fleetcare.gateway.ocpp.frame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads the fields of one OCPP payload object the way the OCPP 1.6 JSON schemas define them, and
 * refuses what they do not allow with the matching {@link Reason}:
 * <ul>
 *   <li>a required field absent, or an array with fewer entries than required: {@link Reason#MISSING_FIELD}
 *       (OccurenceConstraintViolation);</li>
 *   <li>a field of the wrong JSON type (a string where an integer belongs, {@code null}, a date-time that
 *       does not parse): {@link Reason#INVALID_FIELD} (TypeConstraintViolation);</li>
 *   <li>a value outside its enumeration, a string longer than its limit, a negative id:
 *       {@link Reason#INVALID_VALUE} (PropertyConstraintViolation);</li>
 *   <li>a field the schema does not define (every 1.6 schema has {@code additionalProperties: false}):
 *       {@link Reason#UNKNOWN_FIELD} (FormationViolation).</li>
 * </ul>
 * Rejection details name the field, never its value.
 */
public final class PayloadReader {

    private final ObjectNode node;
    private final String deviceId;
    private final String path;

    /**
     * @param node     the payload object; never null
     * @param deviceId the charge point, for the rejection; may be null
     */
    public PayloadReader(ObjectNode node, String deviceId) {
        this(node, deviceId, "");
    }

    private PayloadReader(ObjectNode node, String deviceId, String path) {
        this.node = Objects.requireNonNull(node, "node");
        this.deviceId = deviceId;
        this.path = path;
    }

    /** Refuses any field other than these. */
    public PayloadReader allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw reject(Reason.UNKNOWN_FIELD, name, "is not defined for this message");
            }
        }
        return this;
    }

    /** @param maxLength the schema's {@code maxLength}, or -1 for none */
    public String requiredString(String field, int maxLength) {
        return string(required(field), field, maxLength);
    }

    /** @return the value, or null when absent */
    public String optionalString(String field, int maxLength) {
        JsonNode value = node.get(field);
        return value == null ? null : string(value, field, maxLength);
    }

    /** @param minimum the smallest allowed value */
    public int requiredInt(String field, int minimum) {
        return integer(required(field), field, minimum);
    }

    /** @return the value, or null when absent */
    public Integer optionalInt(String field, int minimum) {
        JsonNode value = node.get(field);
        return value == null ? null : integer(value, field, minimum);
    }

    public String requiredEnum(String field, Set<String> values) {
        return enumeration(required(field), field, values);
    }

    /** @return the value, or null when absent */
    public String optionalEnum(String field, Set<String> values) {
        JsonNode value = node.get(field);
        return value == null ? null : enumeration(value, field, values);
    }

    /** A {@code date-time}: ISO 8601 with an offset (OCPP-J 1.6 asks for UTC). */
    public Instant requiredDateTime(String field) {
        return dateTime(required(field), field);
    }

    /** @return the value, or null when absent */
    public Instant optionalDateTime(String field) {
        JsonNode value = node.get(field);
        return value == null ? null : dateTime(value, field);
    }

    /** An array of objects with at least {@code minItems} entries. */
    public List<PayloadReader> requiredObjects(String field, int minItems) {
        return objects(required(field), field, minItems);
    }

    /** @return the entries, empty when absent */
    public List<PayloadReader> optionalObjects(String field) {
        JsonNode value = node.get(field);
        return value == null ? List.of() : objects(value, field, 0);
    }

    private JsonNode required(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw reject(Reason.MISSING_FIELD, field, "is required");
        }
        return value;
    }

    private String string(JsonNode value, String field, int maxLength) {
        if (!value.isTextual()) {
            throw reject(Reason.INVALID_FIELD, field, "must be a string");
        }
        String text = value.textValue();
        if (maxLength >= 0 && text.length() > maxLength) {
            throw reject(Reason.INVALID_VALUE, field, "is longer than " + maxLength + " characters");
        }
        return text;
    }

    private int integer(JsonNode value, String field, int minimum) {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw reject(Reason.INVALID_FIELD, field, "must be an integer");
        }
        if (value.intValue() < minimum) {
            throw reject(Reason.INVALID_VALUE, field, "must be at least " + minimum);
        }
        return value.intValue();
    }

    private String enumeration(JsonNode value, String field, Set<String> values) {
        String text = string(value, field, -1);
        if (!values.contains(text)) {
            throw reject(Reason.INVALID_VALUE, field, "is not one of the values OCPP 1.6 defines");
        }
        return text;
    }

    private Instant dateTime(JsonNode value, String field) {
        String text = string(value, field, -1);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw reject(Reason.INVALID_FIELD, field, "must be an ISO 8601 date-time with offset");
        }
    }

    private List<PayloadReader> objects(JsonNode value, String field, int minItems) {
        if (!value.isArray()) {
            throw reject(Reason.INVALID_FIELD, field, "must be an array");
        }
        if (value.size() < minItems) {
            throw reject(Reason.MISSING_FIELD, field, "must have at least " + minItems + " entries");
        }
        List<PayloadReader> entries = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            if (!(value.get(i) instanceof ObjectNode entry)) {
                throw reject(Reason.INVALID_FIELD, field + "[" + i + "]", "must be an object");
            }
            entries.add(new PayloadReader(entry, deviceId, path + field + "[" + i + "]."));
        }
        return entries;
    }

    private IngestRejection reject(Reason reason, String field, String problem) {
        return new IngestRejection(reason, deviceId, path + field + " " + problem);
    }
}
