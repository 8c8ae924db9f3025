package io.fleetcare.gateway.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.IngestMetrics;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Turns what a device published over MQTT into a {@link DeviceEvent}; the only place that knows the
 * set-top box body format. It sees the topic and the payload bytes, never a client library type.
 * CoAP carries the same body (as JSON or as the same structure in CBOR) on a path of the topic's shape
 * and comes in through {@link #toDeviceEvent(Protocol, DeviceTopic, BodyFormat, byte[], Instant, int)}.
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code devices/{id}/telemetry}: {@code {"ts","seq","type","model","metrics":{name: number}}}
 *       becomes {@link EventKind#METRICS}; entries of {@code metrics} that are not finite numbers are
 *       skipped.</li>
 *   <li>{@code devices/{id}/events}: {@code {"ts","seq","type","model","event","reason","code","detail"}}
 *       becomes {@link EventKind#EVENT} with a {@link DeviceOccurrence}.</li>
 *   <li>The device id comes from the topic only; a {@code deviceId} in the body is ignored.
 *       {@code type} defaults to {@link DeviceType#SET_TOP_BOX}; without {@code ts} the device time is
 *       the receive time. Every field except {@code metrics} (telemetry) and {@code event} (events)
 *       may be absent, but a present field of the wrong type rejects the whole message.</li>
 * </ul>
 *
 * <h2>Event id</h2>
 * A redelivered MQTT message must keep its id so that consumers drop the copy. The id is the
 * name-based (MD5, version 3) UUID of
 * {@code mqtt/{deviceId}/{channel}/seq/{seq}/ts/{ts}} when the device sent {@code seq}, and of
 * {@code mqtt/{deviceId}/{channel}/ts/{ts}/sha256/{hex of the payload}} otherwise (CoAP: {@code coap/...}),
 * where {@code ts} is the parsed instant in ISO-8601 ({@code -} when absent). {@code ts} is part of it because {@code seq}
 * restarts when a device reboots. Two byte-identical messages without {@code seq} and {@code ts} are
 * therefore one event, which is all the gateway can tell apart.
 */
public final class MqttDeviceMessage {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper CBOR = CBORMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** How the body is encoded: JSON text, or the same structure in CBOR (RFC 8949). */
    public enum BodyFormat {
        JSON,
        CBOR
    }

    private MqttDeviceMessage() {
    }

    /**
     * @param topic           the topic the device published on; may be null (then rejected)
     * @param payload         the message body; may be null (then rejected)
     * @param receivedTs      when the gateway received the message; never null
     * @param maxPayloadBytes the largest accepted body
     * @return the normalized event, protocol {@link Protocol#MQTT}; never null
     * @throws IngestRejection when the topic is unknown, the body too large, not a JSON object, or a
     *                         field is missing or of the wrong type
     */
    public static DeviceEvent toDeviceEvent(String topic, byte[] payload, Instant receivedTs, int maxPayloadBytes) {
        return toDeviceEvent(Protocol.MQTT, DeviceTopic.parse(topic), BodyFormat.JSON, payload, receivedTs,
                maxPayloadBytes);
    }

    /**
     * The same mapping for a body that arrived over another protocol on a resource of the topic's shape.
     *
     * @param protocol        the protocol it arrived over; names the event and prefixes the event id; never null
     * @param source          the device and channel, already trusted by the caller; never null
     * @param format          how the body is encoded; never null
     * @param payload         the body; may be null (then rejected)
     * @param receivedTs      when the gateway received it; never null
     * @param maxPayloadBytes the largest accepted body
     * @return the normalized event; never null
     * @throws IngestRejection when the body is too large, not an object, or a field is missing or of the wrong type
     */
    public static DeviceEvent toDeviceEvent(Protocol protocol, DeviceTopic source, BodyFormat format, byte[] payload,
            Instant receivedTs, int maxPayloadBytes) {
        String deviceId = source.deviceId();
        if (payload == null || payload.length == 0) {
            throw new IngestRejection(Reason.MALFORMED_PAYLOAD, deviceId, "empty payload");
        }
        if (payload.length > maxPayloadBytes) {
            throw new IngestRejection(Reason.PAYLOAD_TOO_LARGE, deviceId,
                    "payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
        }
        JsonNode body = parseObject(format, payload, deviceId);
        Fields fields = new Fields(body, deviceId);

        Instant deviceTs = fields.instant("ts");
        Long seq = fields.integer("seq");
        DeviceType deviceType = fields.deviceType("type");
        String model = fields.text("model");
        String eventId = eventId(protocol, source, seq, deviceTs, payload);

        return switch (source.channel()) {
            case TELEMETRY -> new DeviceEvent(eventId, deviceId, deviceType, model, protocol,
                    EventKind.METRICS, deviceTs, receivedTs, fields.metrics("metrics"), null, null);
            case EVENTS -> new DeviceEvent(eventId, deviceId, deviceType, model, protocol,
                    EventKind.EVENT, deviceTs, receivedTs, Map.of(), null,
                    new DeviceOccurrence(fields.requiredText("event"), fields.text("reason"),
                            fields.text("code"), fields.text("detail")));
        };
    }

    private static JsonNode parseObject(BodyFormat format, byte[] payload, String deviceId) {
        JsonNode body;
        try {
            body = (format == BodyFormat.CBOR ? CBOR : JSON).readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IngestRejection(Reason.MALFORMED_PAYLOAD, deviceId,
                    "payload is not " + format + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IngestRejection(Reason.MALFORMED_PAYLOAD, deviceId, "payload is not " + format + ": " + e);
        }
        if (body == null || !body.isObject()) {
            throw new IngestRejection(Reason.MALFORMED_PAYLOAD, deviceId, "payload is not a " + format + " object");
        }
        return body;
    }

    private static String eventId(Protocol protocol, DeviceTopic source, Long seq, Instant deviceTs, byte[] payload) {
        String ts = deviceTs == null ? "-" : deviceTs.toString();
        String prefix = IngestMetrics.tag(protocol) + "/" + source.deviceId() + "/" + source.channel().segment();
        String name = seq != null
                ? prefix + "/seq/" + seq + "/ts/" + ts
                : prefix + "/ts/" + ts + "/sha256/" + sha256(payload);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    /** Typed reads of the body's fields, each rejecting a present value of the wrong type. */
    private record Fields(JsonNode body, String deviceId) {

        String text(String name) {
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isTextual()) {
                throw invalid(name, "must be a string");
            }
            return node.textValue();
        }

        String requiredText(String name) {
            String value = text(name);
            if (value == null || value.isBlank()) {
                throw invalid(name, "is required");
            }
            return value;
        }

        Long integer(String name) {
            JsonNode node = body.get(name);
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                throw invalid(name, "must be an integer");
            }
            return node.longValue();
        }

        Instant instant(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeException e) {
                throw invalid(name, "must be an ISO-8601 instant");
            }
        }

        DeviceType deviceType(String name) {
            String value = text(name);
            if (value == null) {
                return DeviceType.SET_TOP_BOX;
            }
            try {
                return DeviceType.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw invalid(name, "is not a known device type");
            }
        }

        Map<String, Double> metrics(String name) {
            JsonNode node = body.get(name);
            if (node == null || !node.isObject()) {
                throw invalid(name, "must be a JSON object");
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                JsonNode value = entry.getValue();
                if (value.isNumber() && Double.isFinite(value.doubleValue()) && !entry.getKey().isBlank()) {
                    metrics.put(entry.getKey(), value.doubleValue());
                }
            }
            return metrics;
        }

        private IngestRejection invalid(String name, String problem) {
            return new IngestRejection(Reason.INVALID_FIELD, deviceId, "field '" + name + "' " + problem);
        }
    }
}
