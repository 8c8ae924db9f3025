package io.fleetcare.simulator.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One OCPP-J frame: {@code [2,id,action,payload]}, {@code [3,id,payload]} or
 * {@code [4,id,errorCode,errorDescription,errorDetails]}.
 */
public sealed interface OcppMessage {

    ObjectMapper JSON = new ObjectMapper();

    /** The message id that correlates a CALL with its answer; never null. */
    String id();

    /** The frame as sent on the wire. */
    String toFrame();

    /** A request. */
    record Call(String id, String action, ObjectNode payload) implements OcppMessage {
        public Call {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toFrame() {
            ArrayNode frame = JSON.createArrayNode().add(2).add(id).add(action);
            frame.add(payload);
            return frame.toString();
        }
    }

    /** The answer to a request that was carried out. */
    record CallResult(String id, ObjectNode payload) implements OcppMessage {
        public CallResult {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String toFrame() {
            ArrayNode frame = JSON.createArrayNode().add(3).add(id);
            frame.add(payload);
            return frame.toString();
        }
    }

    /** The answer to a request that could not be carried out; {@code details} is an object, never null. */
    record CallError(String id, String errorCode, String description, ObjectNode details) implements OcppMessage {
        public CallError {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(errorCode, "errorCode");
            description = description == null ? "" : description;
            details = details == null ? JSON.createObjectNode() : details;
        }

        @Override
        public String toFrame() {
            ArrayNode frame = JSON.createArrayNode().add(4).add(id).add(errorCode).add(description);
            frame.add(details);
            return frame.toString();
        }
    }

    /**
     * Reads one frame.
     *
     * @throws MalformedFrame when the text is not an OCPP-J frame; {@link MalformedFrame#messageId()} carries
     *                        the id when it could be read
     */
    static OcppMessage parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedFrame(null, "not JSON");
        }
        if (root == null || !root.isArray() || root.size() < 3 || !root.get(0).isInt()) {
            throw new MalformedFrame(null, "not an OCPP-J array");
        }
        String id = root.get(1).isTextual() ? root.get(1).asText() : null;
        if (id == null || id.isEmpty() || id.length() > 36) {
            throw new MalformedFrame(null, "message id must be a string of 1 to 36 characters");
        }
        int type = root.get(0).asInt();
        return switch (type) {
            case 2 -> {
                if (root.size() != 4 || !root.get(2).isTextual() || !root.get(3).isObject()) {
                    throw new MalformedFrame(id, "a CALL is [2,id,action,{payload}]");
                }
                yield new Call(id, root.get(2).asText(), (ObjectNode) root.get(3));
            }
            case 3 -> {
                if (root.size() != 3 || !root.get(2).isObject()) {
                    throw new MalformedFrame(id, "a CALLRESULT is [3,id,{payload}]");
                }
                yield new CallResult(id, (ObjectNode) root.get(2));
            }
            case 4 -> {
                if (root.size() != 5 || !root.get(2).isTextual() || !root.get(3).isTextual()
                        || !root.get(4).isObject()) {
                    throw new MalformedFrame(id, "a CALLERROR is [4,id,code,description,{details}]");
                }
                yield new CallError(id, root.get(2).asText(), root.get(3).asText(), (ObjectNode) root.get(4));
            }
            default -> throw new MalformedFrame(id, "unknown message type " + type);
        };
    }

    /** A text that is not an OCPP-J frame. */
    final class MalformedFrame extends IllegalArgumentException {
        private final String messageId;

        public MalformedFrame(String messageId, String reason) {
            super(reason);
            this.messageId = messageId;
        }

        /** The frame's id when it could be read, else null. */
        public String messageId() {
            return messageId;
        }
    }
}
