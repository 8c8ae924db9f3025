package io.fleetcare.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceOccurrence;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import io.fleetcare.gateway.ingest.IngestRejection;
import io.fleetcare.gateway.ingest.IngestRejection.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttDeviceMessageTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-24T10:00:01.250Z");
    private static final int LIMIT = 64 * 1024;

    private static final String CONTRACT_TELEMETRY = """
            {"ts":"2026-11-24T10:00:00.000Z","seq":42,"type":"SET_TOP_BOX","model":"STB-4K-200",
             "metrics":{"cpu_temp_c":61.5,"cpu_pct":37,"mem_free_mb":212,"tuner_snr_db":31.2,
                        "tuner_ber":1e-7,"uptime_s":86400}}
            """;

    @Test
    void contractTelemetryBecomesMetricsEventOfTheTopicsDevice() {
        // given the contract's example on STB-1's telemetry topic
        // when
        DeviceEvent event = translate("devices/STB-1/telemetry", CONTRACT_TELEMETRY);

        // then
        assertThat(event.deviceId()).isEqualTo("STB-1");
        assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(event.model()).isEqualTo("STB-4K-200");
        assertThat(event.protocol()).isEqualTo(Protocol.MQTT);
        assertThat(event.kind()).isEqualTo(EventKind.METRICS);
        assertThat(event.deviceTs()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(event.receivedTs()).isEqualTo(RECEIVED);
        assertThat(event.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cpu_temp_c", 61.5, "cpu_pct", 37.0, "mem_free_mb", 212.0, "tuner_snr_db", 31.2,
                "tuner_ber", 1e-7, "uptime_s", 86400.0));
        assertThat(event.status()).isNull();
        assertThat(event.event()).isNull();
        assertThat(event.eventId()).isNotBlank();
    }

    @Test
    void deviceIdInTheBodyIsIgnoredInFavourOfTheTopic() {
        // given a body that claims to be another device
        String body = """
                {"deviceId":"STB-2","ts":"2026-11-24T10:00:00Z","metrics":{"cpu_temp_c":50}}""";

        // when
        DeviceEvent event = translate("devices/STB-1/telemetry", body);

        // then
        assertThat(event.deviceId()).isEqualTo("STB-1");
    }

    @Test
    void rebootEventBecomesOccurrenceWithReason() {
        // given
        String body = """
                {"ts":"2026-11-24T10:05:00.000Z","event":"REBOOT","reason":"WATCHDOG"}""";

        // when
        DeviceEvent event = translate("devices/STB-1/events", body);

        // then
        assertThat(event.kind()).isEqualTo(EventKind.EVENT);
        assertThat(event.event()).isEqualTo(new DeviceOccurrence("REBOOT", "WATCHDOG", null, null));
        assertThat(event.metrics()).isEmpty();
        assertThat(event.deviceTs()).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
    }

    @Test
    void errorEventKeepsCodeAndDetail() {
        // given
        String body = """
                {"ts":"2026-11-24T10:06:00.000Z","event":"ERROR","code":"DECODER_HANG","detail":"no frames for 5 s"}""";

        // when
        DeviceEvent event = translate("devices/STB-1/events", body);

        // then
        assertThat(event.event()).isEqualTo(new DeviceOccurrence("ERROR", null, "DECODER_HANG", "no frames for 5 s"));
    }

    @Test
    void missingTimestampAndTypeFallBackToReceiveTimeAndSetTopBox() {
        // given
        String body = """
                {"metrics":{"cpu_temp_c":70.0}}""";

        // when
        DeviceEvent event = translate("devices/STB-1/telemetry", body);

        // then
        assertThat(event.deviceTs()).isEqualTo(RECEIVED);
        assertThat(event.deviceType()).isEqualTo(DeviceType.SET_TOP_BOX);
        assertThat(event.model()).isNull();
    }

    @Test
    void nonNumericMetricsAreSkippedAndNumericOnesKept() {
        // given
        String body = """
                {"ts":"2026-11-24T10:00:00Z","metrics":{"cpu_temp_c":61.5,"fw":"1.2.3","hdmi":true,
                 "fan":null,"nested":{"a":1},"list":[1,2],"uptime_s":12}}""";

        // when
        DeviceEvent event = translate("devices/STB-1/telemetry", body);

        // then
        assertThat(event.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("cpu_temp_c", 61.5, "uptime_s", 12.0));
    }

    @Test
    void malformedJsonIsRejectedNamingTheDevice() {
        // when
        IngestRejection rejection = reject("devices/STB-1/telemetry", "{\"ts\":\"2026-11-24T10:00:00Z\", metrics");

        // then
        assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(rejection.deviceId()).isEqualTo("STB-1");
    }

    @Test
    void emptyBodyTrailingGarbageAndNonObjectsAreMalformed() {
        assertThat(reject("devices/STB-1/telemetry", "").reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(reject("devices/STB-1/telemetry", "{\"metrics\":{}} {}").reason())
                .isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(reject("devices/STB-1/telemetry", "[1,2]").reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(reject("devices/STB-1/telemetry", "42").reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        assertThat(reject("devices/STB-1/telemetry", "{\"metrics\":{},\"metrics\":{}}").reason())
                .isEqualTo(Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void fieldsOfTheWrongTypeAreRejectedAsInvalid() {
        assertThat(reject("devices/STB-1/telemetry", "{\"seq\":\"42\",\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"seq\":4.2,\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"ts\":\"yesterday\",\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"ts\":1700000000,\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"type\":\"TOASTER\",\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"model\":7,\"metrics\":{}}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"metrics\":[61.5]}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/telemetry", "{\"ts\":\"2026-11-24T10:00:00Z\"}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/events", "{\"ts\":\"2026-11-24T10:00:00Z\",\"reason\":\"X\"}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
        assertThat(reject("devices/STB-1/events", "{\"event\":\"ERROR\",\"code\":17}").reason())
                .isEqualTo(Reason.INVALID_FIELD);
    }

    @Test
    void redeliveredMessageKeepsItsEventId() {
        // given the same message received twice, a second apart
        byte[] payload = CONTRACT_TELEMETRY.getBytes(StandardCharsets.UTF_8);

        // when
        DeviceEvent first = MqttDeviceMessage.toDeviceEvent("devices/STB-1/telemetry", payload, RECEIVED, LIMIT);
        DeviceEvent second = MqttDeviceMessage.toDeviceEvent("devices/STB-1/telemetry", payload,
                RECEIVED.plusSeconds(1), LIMIT);

        // then
        assertThat(second.eventId()).isEqualTo(first.eventId());
    }

    @Test
    void eventIdDiffersBySeqDeviceTimestampAndChannel() {
        String base = "{\"ts\":\"2026-11-24T10:00:00Z\",\"seq\":1,\"event\":\"REBOOT\",\"metrics\":{}}";
        String id = translate("devices/STB-1/telemetry", base).eventId();

        assertThat(translate("devices/STB-1/telemetry", base.replace("\"seq\":1", "\"seq\":2")).eventId())
                .isNotEqualTo(id);
        assertThat(translate("devices/STB-1/telemetry", base.replace("10:00:00Z", "10:00:01Z")).eventId())
                .isNotEqualTo(id);
        assertThat(translate("devices/STB-2/telemetry", base).eventId()).isNotEqualTo(id);
        assertThat(translate("devices/STB-1/events", base).eventId()).isNotEqualTo(id);
    }

    @Test
    void withoutSeqTheEventIdFollowsThePayloadBytes() {
        String body = "{\"ts\":\"2026-11-24T10:00:00Z\",\"metrics\":{\"cpu_temp_c\":61.5}}";

        String id = translate("devices/STB-1/telemetry", body).eventId();

        assertThat(translate("devices/STB-1/telemetry", body).eventId()).isEqualTo(id);
        assertThat(translate("devices/STB-1/telemetry", body.replace("61.5", "61.6")).eventId()).isNotEqualTo(id);
    }

    @Test
    void payloadOverTheLimitIsRejectedAndOneAtTheLimitAccepted() {
        // given
        String prefix = "{\"metrics\":{\"cpu_temp_c\":61.5},\"pad\":\"";
        String suffix = "\"}";
        String atLimit = prefix + "x".repeat(LIMIT - prefix.length() - suffix.length()) + suffix;

        // when
        DeviceEvent accepted = translate("devices/STB-1/telemetry", atLimit);
        IngestRejection rejection = reject("devices/STB-1/telemetry", atLimit.replace("\"pad\":\"", "\"pad\":\"x"));

        // then
        assertThat(atLimit).hasSize(LIMIT);
        assertThat(accepted.metric("cpu_temp_c")).isEqualTo(61.5);
        assertThat(rejection.reason()).isEqualTo(Reason.PAYLOAD_TOO_LARGE);
        assertThat(rejection.deviceId()).isEqualTo("STB-1");
    }

    @Test
    void unknownSubTopicIsRejectedWithTheDeviceItNames() {
        IngestRejection status = reject("devices/STB-1/status", "{\"metrics\":{}}");
        assertThat(status.reason()).isEqualTo(Reason.UNKNOWN_TOPIC);
        assertThat(status.deviceId()).isEqualTo("STB-1");

        assertThat(reject("devices/STB-1/telemetry/extra", "{\"metrics\":{}}").reason())
                .isEqualTo(Reason.UNKNOWN_TOPIC);
        assertThat(reject("devices//telemetry", "{\"metrics\":{}}").reason()).isEqualTo(Reason.UNKNOWN_TOPIC);
        IngestRejection elsewhere = reject("other/STB-1/telemetry", "{\"metrics\":{}}");
        assertThat(elsewhere.reason()).isEqualTo(Reason.UNKNOWN_TOPIC);
        assertThat(elsewhere.deviceId()).isNull();
    }

    @Test
    void sharedFiltersSplitEachChannelAcrossTheGroup() {
        assertThat(DeviceTopic.Channel.TELEMETRY.sharedFilter("fleetcare-gateway"))
                .isEqualTo("$share/fleetcare-gateway/devices/+/telemetry");
        assertThat(DeviceTopic.Channel.EVENTS.sharedFilter("g1")).isEqualTo("$share/g1/devices/+/events");
    }

    private static DeviceEvent translate(String topic, String body) {
        return MqttDeviceMessage.toDeviceEvent(topic, body.getBytes(StandardCharsets.UTF_8), RECEIVED, LIMIT);
    }

    private static IngestRejection reject(String topic, String body) {
        IngestRejection rejection = catchThrowableOfType(IngestRejection.class, () -> translate(topic, body));
        assertThat(rejection).as("rejection of %s on %s", body.length() > 80 ? "a long body" : body, topic)
                .isNotNull();
        return rejection;
    }
}
