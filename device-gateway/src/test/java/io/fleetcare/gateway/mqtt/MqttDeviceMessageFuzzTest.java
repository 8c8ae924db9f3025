package io.fleetcare.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.fuzz.RandomInputs;
import io.fleetcare.gateway.ingest.IngestRejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated MQTT topics and payloads (JSON and CBOR of any shape, random bytes, valid telemetry with one field broken)
 * through the one mapping both MQTT and CoAP use: the answer is a {@link DeviceEvent} for the topic's device or an
 * {@link IngestRejection} with a reason, never any other exception. {@link RandomInputs#CASES} cases per test.
 */
class MqttDeviceMessageFuzzTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-07T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new CBORMapper();
    private static final List<String> FIELDS = List.of("ts", "seq", "type", "model", "metrics", "event", "code",
            "message", "severity", "cpu_temp_c", "firmware");
    private static final List<String> TOPICS = List.of("devices/STB-1/telemetry", "devices/STB-1/events",
            "devices/STB-1/commands", "devices//telemetry", "devices/STB-1", "devices/STB-1/telemetry/extra",
            "devices/+/telemetry", "devices/#", "", "devices/" + "S".repeat(300) + "/telemetry");

    @Test
    void anyTopicAndAnyPayloadBecomeAnEventOrARejection() {
        RandomInputs.forEachCase("mqtt-any", inputs -> new Message(inputs.chance(0.7) ? inputs.oneOf(TOPICS)
                : inputs.text(60), payload(inputs)), message -> check(message, MqttDeviceMessage.BodyFormat.JSON));
    }

    @Test
    void validTelemetryWithOneFieldBrokenBecomesAnEventOrARejection() {
        RandomInputs.forEachCase("mqtt-broken", inputs -> new Message("devices/STB-1/telemetry",
                broken(inputs).toString().getBytes(StandardCharsets.UTF_8)),
                message -> check(message, MqttDeviceMessage.BodyFormat.JSON));
    }

    @Test
    void cborBodiesOfAnyShapeBecomeAnEventOrARejection() {
        RandomInputs.forEachCase("cbor-any", inputs -> {
            try {
                JsonNode body = inputs.chance(0.5) ? broken(inputs) : inputs.json(3, FIELDS);
                byte[] bytes;
                try {
                    bytes = CBOR.writeValueAsBytes(body);
                } catch (com.fasterxml.jackson.core.JsonProcessingException notEncodable) {
                    // a lone surrogate in a string: CBOR cannot carry it, the JSON text is fuzz input all the same
                    bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                }
                if (inputs.chance(0.2) && bytes.length > 1) {
                    bytes[inputs.between(0, bytes.length - 1)] ^= (byte) inputs.between(1, 255);
                }
                return new Message("devices/STB-1/telemetry", bytes);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, message -> check(message, MqttDeviceMessage.BodyFormat.CBOR));
    }

    private record Message(String topic, byte[] payload) {
        @Override
        public String toString() {
            return topic + " " + new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static void check(Message message, MqttDeviceMessage.BodyFormat format) {
        DeviceEvent event;
        DeviceTopic topic;
        try {
            topic = DeviceTopic.parse(message.topic());
            event = MqttDeviceMessage.toDeviceEvent(Protocol.MQTT, topic, format, message.payload(), RECEIVED, 65_536);
        } catch (IngestRejection refused) {
            assertThat(refused.reason()).isNotNull();
            return;
        }
        assertThat(event.deviceId()).isEqualTo(topic.deviceId()).isNotBlank();
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.receivedTs()).isEqualTo(RECEIVED);
    }

    private static byte[] payload(RandomInputs inputs) {
        return switch (inputs.between(0, 3)) {
            case 0 -> inputs.text(200).getBytes(StandardCharsets.UTF_8);
            case 1 -> inputs.json(3, FIELDS).toString().getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                byte[] bytes = new byte[inputs.between(0, 300)];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) inputs.between(0, 255);
                }
                yield bytes;
            }
            default -> broken(inputs).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    private static ObjectNode broken(RandomInputs inputs) {
        ObjectNode body;
        try {
            body = (ObjectNode) JSON.readTree("""
                    {"ts":"2026-12-07T09:59:59Z","seq":7,"type":"SET_TOP_BOX","model":"STB-9",
                     "metrics":{"cpu_temp_c":61.5,"wifi_rssi_dbm":-60}}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String field = inputs.oneOf(List.of("ts", "seq", "type", "model", "metrics"));
        switch (inputs.between(0, 3)) {
            case 0 -> body.set(field, inputs.json(2, FIELDS));
            case 1 -> body.remove(field);
            case 2 -> ((ObjectNode) body.get("metrics")).set(inputs.text(30), inputs.json(1, FIELDS));
            default -> body.set(inputs.text(10), inputs.json(1, FIELDS));
        }
        return body;
    }
}
