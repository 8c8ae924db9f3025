package io.fleetcare.simulator.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the payload of a CALL the way the OCPP 1.6 JSON schemas constrain it, refusing a bad one with the
 * CALLERROR code OCPP-J assigns: a field the schema does not define -> FormationViolation, a missing
 * required field -> OccurenceConstraintViolation, a wrong JSON type -> TypeConstraintViolation, a value
 * outside its enumeration or too long -> PropertyConstraintViolation.
 */
public final class RequestPayload {

    private final ObjectNode payload;

    /**
     * @param fields every field the schema defines
     * @throws CallRefused FormationViolation when the payload has any other field
     */
    public RequestPayload(ObjectNode payload, Set<String> fields) {
        this.payload = payload;
        for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new CallRefused("FormationViolation", "field " + name + " is not defined for this action");
            }
        }
    }

    /** A required string of at most {@code maxLength} characters. */
    public String string(String name, int maxLength) {
        String value = optionalString(name, maxLength);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** An optional string of at most {@code maxLength} characters; null when absent. */
    public String optionalString(String name, int maxLength) {
        JsonNode node = payload.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw new CallRefused("TypeConstraintViolation", name + " must be a string");
        }
        if (node.asText().length() > maxLength) {
            throw new CallRefused("PropertyConstraintViolation", name + " is longer than " + maxLength);
        }
        return node.asText();
    }

    /** A required string from an enumeration. */
    public String oneOf(String name, List<String> allowed) {
        String value = string(name, Integer.MAX_VALUE);
        if (!allowed.contains(value)) {
            throw new CallRefused("PropertyConstraintViolation", name + " is not one of " + allowed);
        }
        return value;
    }

    /** A required integer. */
    public int integer(String name) {
        Integer value = optionalInteger(name);
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** An optional integer; null when absent. */
    public Integer optionalInteger(String name) {
        JsonNode node = payload.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new CallRefused("TypeConstraintViolation", name + " must be an integer");
        }
        return node.asInt();
    }

    /** A required date-time. */
    public Instant dateTime(String name) {
        String text = string(name, Integer.MAX_VALUE);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CallRefused("TypeConstraintViolation", name + " must be a date-time");
        }
    }

    /** An optional array of strings of at most {@code maxLength} characters; empty when absent. */
    public List<String> strings(String name, int maxLength) {
        JsonNode node = payload.get(name);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new CallRefused("TypeConstraintViolation", name + " must be an array");
        }
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new CallRefused("TypeConstraintViolation", name + " must hold strings");
            }
            if (item.asText().length() > maxLength) {
                throw new CallRefused("PropertyConstraintViolation", name + " holds a string longer than " + maxLength);
            }
            values.add(item.asText());
        }
        return values;
    }

    private static CallRefused missing(String name) {
        return new CallRefused("OccurenceConstraintViolation", name + " is required");
    }
}
