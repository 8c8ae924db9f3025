package io.fleetcare.gateway.ocpp.frame;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import java.util.Objects;

/**
 * One OCPP-J 1.6 message (OCPP-J 1.6 §4): {@code [2, id, action, payload]} (CALL),
 * {@code [3, id, payload]} (CALLRESULT) or {@code [4, id, errorCode, errorDescription, errorDetails]}
 * (CALLERROR). The unique id is a string of at most 36 characters.
 */
public sealed interface OcppFrame {

    /** The id a CALLERROR carries when the refused frame's own id could not be read. */
    String UNKNOWN_MESSAGE_ID = "-1";

    int MAX_MESSAGE_ID_LENGTH = 36;

    String messageId();

    /** The frame as sent on the wire. */
    String toText();

    /** A request; {@code action} is the name as received, which may be one OCPP 1.6 does not define. */
    record Call(String messageId, String action, ObjectNode payload) implements OcppFrame {
        public Call {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toText() {
            return write(array(2).add(messageId).add(action).add(payload));
        }
    }

    /** The answer to a CALL. */
    record CallResult(String messageId, ObjectNode payload) implements OcppFrame {
        public CallResult {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toText() {
            return write(array(3).add(messageId).add(payload));
        }
    }

    /** The refusal of a CALL; {@code description} never carries payload content. */
    record CallError(String messageId, CallErrorCode code, String description, ObjectNode details)
            implements OcppFrame {
        public CallError {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(code, "code");
            description = description == null ? "" : description;
            details = details == null ? JsonNodeFactory.instance.objectNode() : details;
        }

        public CallError(String messageId, CallErrorCode code, String description) {
            this(messageId, code, description, null);
        }

        @Override
        public String toText() {
            return write(array(4).add(messageId).add(code.name()).add(description).add(details));
        }
    }

    /**
     * Reads the frame structure only; the payload of a CALL is checked later, against its action.
     *
     * @param text the WebSocket text message; may be null
     * @return the frame; never null
     * @throws InvalidFrame (reason {@link Reason#MALFORMED_PAYLOAD}, i.e. FormationViolation) when the text
     *                      is not JSON, not an array, has an unknown message type, the wrong number of
     *                      elements, an id that is not a string of 1 to 36 characters, or elements of the
     *                      wrong type
     */
    static OcppFrame parse(String text) {
        JsonNode tree;
        try {
            tree = text == null ? null : Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(UNKNOWN_MESSAGE_ID, "frame is not JSON");
        }
        if (tree == null || !tree.isArray()) {
            throw malformed(UNKNOWN_MESSAGE_ID, "frame is not a JSON array");
        }
        JsonNode id = tree.get(1);
        String messageId = id != null && id.isTextual() && !id.textValue().isEmpty()
                && id.textValue().length() <= MAX_MESSAGE_ID_LENGTH ? id.textValue() : null;
        JsonNode type = tree.get(0);
        if (type == null || !type.isInt() || type.intValue() < 2 || type.intValue() > 4) {
            throw malformed(messageId == null ? UNKNOWN_MESSAGE_ID : messageId,
                    "message type must be 2, 3 or 4");
        }
        if (messageId == null) {
            throw malformed(UNKNOWN_MESSAGE_ID, "unique id must be a string of 1 to " + MAX_MESSAGE_ID_LENGTH
                    + " characters");
        }
        return switch (type.intValue()) {
            case 2 -> {
                requireSize(tree, 4, messageId, "CALL");
                if (!tree.get(2).isTextual()) {
                    throw malformed(messageId, "CALL action must be a string");
                }
                yield new Call(messageId, tree.get(2).textValue(), object(tree.get(3), messageId, "CALL payload"));
            }
            case 3 -> {
                requireSize(tree, 3, messageId, "CALLRESULT");
                yield new CallResult(messageId, object(tree.get(2), messageId, "CALLRESULT payload"));
            }
            default -> {
                requireSize(tree, 5, messageId, "CALLERROR");
                if (!tree.get(2).isTextual() || !tree.get(3).isTextual()) {
                    throw malformed(messageId, "CALLERROR code and description must be strings");
                }
                yield new CallError(messageId, CallErrorCode.fromWire(tree.get(2).textValue()),
                        tree.get(3).textValue(), object(tree.get(4), messageId, "CALLERROR details"));
            }
        };
    }

    private static void requireSize(JsonNode tree, int size, String messageId, String kind) {
        if (tree.size() != size) {
            throw malformed(messageId, kind + " must have " + size + " elements, has " + tree.size());
        }
    }

    private static ObjectNode object(JsonNode node, String messageId, String what) {
        if (!(node instanceof ObjectNode object)) {
            throw malformed(messageId, what + " must be a JSON object");
        }
        return object;
    }

    private static InvalidFrame malformed(String messageId, String detail) {
        return new InvalidFrame(messageId, new IngestRejection(Reason.MALFORMED_PAYLOAD, null, detail));
    }

    private static ArrayNode array(int type) {
        return JsonNodeFactory.instance.arrayNode().add(type);
    }

    private static String write(ArrayNode frame) {
        try {
            return Json.MAPPER.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    /** The strict reader every OCPP frame goes through. */
    final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        private Json() {
        }
    }
}
