package io.fleetcare.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON codec for the messages in this module. Timestamps are ISO-8601 strings, absent
 * (null) fields are left out, and unknown fields are ignored so that adding a field is a
 * compatible change. Thread-safe.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    /** Encodes any message of this module as UTF-8 JSON. */
    public static byte[] encode(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /** Encodes any message of this module as a JSON string. */
    public static String encodeToString(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes UTF-8 JSON into the given message type.
     *
     * @throws EventCodecException when the bytes are not JSON or miss a required field
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new EventCodecException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    /** Decodes a JSON string; see {@link #decode(byte[], Class)}. */
    public static <T> T decode(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            throw new EventCodecException("not a valid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
