package io.fleetcare.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    @Test
    void decodesTheContractExampleOfADeviceEvent() {
        String json = """
                {"eventId":"6f1c2a9e-1111-4e0e-9a59-2c2b0d2f0a01","deviceId":"CP-0001","deviceType":"EV_CHARGER",
                 "model":"AC-22","protocol":"OCPP16","kind":"STATUS",
                 "deviceTs":"2026-11-24T10:00:00.000Z","receivedTs":"2026-11-24T10:00:00.120Z",
                 "metrics":{"connector.1.temperature_c":71.5},
                 "status":{"connector":1,"state":"Faulted","errorCode":"HighTemperature","vendorCode":"E12"},
                 "event":{"name":"REBOOT","reason":"WATCHDOG"}}
                """;

        DeviceEvent event = EventCodec.decode(json, DeviceEvent.class);

        assertThat(event.deviceId()).isEqualTo("CP-0001");
        assertThat(event.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(event.protocol()).isEqualTo(Protocol.OCPP16);
        assertThat(event.kind()).isEqualTo(EventKind.STATUS);
        assertThat(event.deviceTs()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(event.metric("connector.1.temperature_c")).isEqualTo(71.5);
        assertThat(event.status()).isEqualTo(new DeviceStatus(1, "Faulted", "HighTemperature", "E12"));
        assertThat(event.event().name()).isEqualTo("REBOOT");
        assertThat(event.event().reason()).isEqualTo("WATCHDOG");
    }

    @Test
    void roundTripsADeviceEventAndLeavesOutAbsentFields() {
        DeviceEvent event = new DeviceEvent("e-1", "STB-1", DeviceType.SET_TOP_BOX, "STB-4K-200", Protocol.MQTT,
                EventKind.METRICS, Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:01Z"),
                Map.of("cpu_temp_c", 61.5), null, null);

        String json = EventCodec.encodeToString(event);

        assertThat(json).contains("\"deviceTs\":\"2026-11-24T10:00:00Z\"").doesNotContain("status");
        assertThat(EventCodec.decode(json, DeviceEvent.class)).isEqualTo(event);
    }

    @Test
    void fallsBackToReceivedTimeWhenTheDeviceGaveNone() {
        DeviceEvent event = EventCodec.decode("""
                {"eventId":"e","deviceId":"d","deviceType":"SET_TOP_BOX","protocol":"COAP","kind":"HEARTBEAT",
                 "receivedTs":"2026-11-24T10:00:00Z"}""", DeviceEvent.class);

        assertThat(event.deviceTs()).isEqualTo(event.receivedTs());
        assertThat(event.metrics()).isEmpty();
    }

    @Test
    void roundTripsTheReportedTimeAndTheSkewMarkOfACheckedEvent() {
        DeviceEvent event = new DeviceClock(DeviceClock.DEFAULT_TOLERANCE).check(new DeviceEvent("e-1", "STB-1",
                DeviceType.SET_TOP_BOX, null, Protocol.MQTT, EventKind.METRICS, Instant.EPOCH,
                Instant.parse("2026-12-08T01:00:00Z"), Map.of("cpu_temp_c", 61.5), null, null));

        String json = EventCodec.encodeToString(event);

        assertThat(json).contains("\"reportedTs\":\"1970-01-01T00:00:00Z\"", "\"clockSkewed\":true",
                "\"deviceTs\":\"2026-12-08T01:00:00Z\"");
        assertThat(EventCodec.decode(json, DeviceEvent.class)).isEqualTo(event);
    }

    @Test
    void decodesARecordWrittenBeforeTheClockCheckExisted() {
        DeviceEvent event = EventCodec.decode("""
                {"eventId":"e","deviceId":"d","deviceType":"SET_TOP_BOX","protocol":"MQTT","kind":"METRICS",
                 "deviceTs":"2026-11-24T09:00:00Z","receivedTs":"2026-11-24T10:00:00Z"}""", DeviceEvent.class);

        assertThat(event.reportedTs()).isNull();
        assertThat(event.clockSkewed()).isFalse();
        assertThat(event.deviceTs()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
    }

    @Test
    void refusesAnEventWithoutDeviceId() {
        assertThatThrownBy(() -> EventCodec.decode("""
                {"eventId":"e","deviceType":"SET_TOP_BOX","protocol":"MQTT","kind":"METRICS","receivedTs":"2026-11-24T10:00:00Z"}""",
                DeviceEvent.class))
                .isInstanceOf(EventCodecException.class)
                .hasMessageContaining("DeviceEvent")
                .hasMessageContaining("deviceId");
    }

    @Test
    void refusesBytesThatAreNotJson() {
        assertThatThrownBy(() -> EventCodec.decode("not json".getBytes(), DeviceEvent.class))
                .isInstanceOf(EventCodecException.class);
    }

    @Test
    void roundTripsAMaintenanceRequestWithEvidence() {
        MaintenanceRequest request = new MaintenanceRequest("r-1", "STB-1", DeviceType.SET_TOP_BOX, "STB-4K-200",
                "stb.cpu-overheat", MaintenanceRequest.Kind.CORRECTIVE, Severity.MAJOR, "CPU temperature above 85 C",
                Instant.parse("2026-11-24T10:05:00Z"), null, "a-1",
                List.of(Evidence.reading(Instant.parse("2026-11-24T10:00:00Z"), "cpu_temp_c", 91.0)));

        assertThat(EventCodec.decode(EventCodec.encode(request), MaintenanceRequest.class)).isEqualTo(request);
    }

    @Test
    void decodesAnAlertAboutAPlatformComponent() {
        String json = """
                {"alertId":"0b6f3c52-5f0e-3d53-9d0e-2a3c4b5d6e7f","deviceId":"mqtt-broker@127.0.0.1:1883",
                 "deviceType":"PLATFORM_COMPONENT","ruleId":"platform.broker-messages-dropped","severity":"MAJOR",
                 "state":"RAISED","episodeStart":"2026-12-07T16:00:00Z","ts":"2026-12-07T16:00:00Z",
                 "message":"MQTT broker mqtt-broker@127.0.0.1:1883 dropped 20 messages",
                 "evidence":[{"ts":"2026-12-07T16:00:00Z","metric":"broker.messages_dropped","value":20.0}]}
                """;

        Alert alert = EventCodec.decode(json, Alert.class);

        assertThat(alert.deviceType()).isEqualTo(DeviceType.PLATFORM_COMPONENT);
        assertThat(alert.model()).isNull();
        assertThat(alert.evidence()).containsExactly(
                Evidence.reading(Instant.parse("2026-12-07T16:00:00Z"), "broker.messages_dropped", 20.0));
        assertThat(EventCodec.decode(EventCodec.encode(alert), Alert.class)).isEqualTo(alert);
    }
}
