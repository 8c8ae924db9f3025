package io.fleetcare.gateway.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.DeviceStatus;
import io.fleetcare.events.DeviceType;
import io.fleetcare.events.EventKind;
import io.fleetcare.events.Protocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolledDeviceTest {

    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final Instant START = Instant.parse("2026-11-24T10:00:00Z");

    private final SteppingClock clock = new SteppingClock();
    private final ScriptedLink link = new ScriptedLink();
    private final ModbusDevice device = new ModbusDevice("CP-M-1", DeviceType.EV_CHARGER, "AC-22-MB", "127.0.0.1",
            502, 3, RegisterProfiles.builtIn(), INTERVAL);
    private final PolledDevice polled = new PolledDevice(device, link, Duration.ofSeconds(30), clock);

    @Test
    void firstAnsweredPollReportsConnectedThenTheScaledMetricsThenTheStatus() {
        // given
        link.charger(new int[] {1, 715, 2304, 1607, 0x0001, 0xC000, 0x45E1, 0x0400}, 16);

        // when
        PolledDevice.Poll poll = polled.poll();

        // then
        assertThat(poll.failure()).isNull();
        assertThat(poll.events()).extracting(DeviceEvent::kind)
                .containsExactly(EventKind.CONNECTION, EventKind.METRICS, EventKind.STATUS);
        assertThat(poll.events().get(0).event().name()).isEqualTo("CONNECTED");
        assertThat(poll.events().get(2).status()).as("status 1 of charger-default is a warning")
                .isEqualTo(new DeviceStatus(0, "Available", "OtherError", "1"));
        DeviceEvent metrics = poll.events().get(1);
        assertThat(metrics.protocol()).isEqualTo(Protocol.MODBUS);
        assertThat(metrics.deviceId()).isEqualTo("CP-M-1");
        assertThat(metrics.model()).isEqualTo("AC-22-MB");
        assertThat(metrics.deviceType()).isEqualTo(DeviceType.EV_CHARGER);
        assertThat(metrics.metrics()).isEqualTo(Map.of("status", 1.0, "temperature_c", 71.5, "voltage_v", 230.4,
                "current_a", 16.07, "energy_wh", 114_688.0, "power_w", 7200.5,
                "current_setpoint_a", 16.0));
        assertThat(link.reads).containsExactly("3@0x8", "3@10x1");
        assertThat(polled.state()).isEqualTo(PolledDevice.State.ONLINE);
    }

    @Test
    void laterPollsReportOnlyMetricsAndKeepTheIntervalFromTheirStart() {
        // given
        link.charger(new int[8], 0);
        polled.poll();
        link.delay = Duration.ofMillis(500);

        // when
        PolledDevice.Poll poll = polled.poll();

        // then two reads of 0.5 s each
        assertThat(poll.events()).extracting(DeviceEvent::kind).containsExactly(EventKind.METRICS);
        assertThat(poll.nextIn()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void firstUnansweredPollReportsDisconnectedAndRetriesWithDoublingBackoff() {
        // given
        link.charger(new int[8], 0);
        polled.poll();
        link.failure = new ModbusFailure(ModbusFailure.Reason.NO_ANSWER, "read timed out");

        // when
        PolledDevice.Poll first = polled.poll();
        PolledDevice.Poll second = polled.poll();
        PolledDevice.Poll third = polled.poll();
        List<PolledDevice.Poll> more = List.of(polled.poll(), polled.poll(), polled.poll());

        // then
        assertThat(first.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(EventKind.CONNECTION);
            assertThat(event.event().name()).isEqualTo("DISCONNECTED");
            assertThat(event.event().reason()).isEqualTo("no_answer");
        });
        assertThat(first.failure().reason()).isEqualTo(ModbusFailure.Reason.NO_ANSWER);
        assertThat(second.events()).isEmpty();
        assertThat(third.events()).isEmpty();
        assertThat(List.of(first.nextIn(), second.nextIn(), third.nextIn()))
                .containsExactly(INTERVAL, INTERVAL.multipliedBy(2), INTERVAL.multipliedBy(4));
        assertThat(more).extracting(PolledDevice.Poll::nextIn).containsOnly(Duration.ofSeconds(30));
        assertThat(polled.state()).isEqualTo(PolledDevice.State.OFFLINE);
    }

    @Test
    void deviceThatAnswersAgainIsReportedConnectedAndPolledOnItsIntervalAgain() {
        // given
        link.failure = new ModbusFailure(ModbusFailure.Reason.NO_CONNECTION, "connection refused");
        PolledDevice.Poll unreachable = polled.poll();
        polled.poll();
        link.failure = null;
        link.charger(new int[8], 0);

        // when
        PolledDevice.Poll back = polled.poll();

        // then
        assertThat(unreachable.events()).singleElement()
                .satisfies(event -> assertThat(event.event().reason()).isEqualTo("no_connection"));
        assertThat(back.events()).extracting(event -> event.event() == null ? event.kind().name() : event.event().name())
                .as("the status is reported again after an outage").containsExactly("CONNECTED", "METRICS", "STATUS");
        assertThat(back.nextIn()).isEqualTo(INTERVAL);
        link.failure = new ModbusFailure(ModbusFailure.Reason.NO_ANSWER, "again");
        assertThat(polled.poll().nextIn()).as("backoff starts over").isEqualTo(INTERVAL);
    }

    @Test
    void aChangedStatusRegisterIsReportedOnceAsAProtocolNeutralStatus() {
        // given
        link.charger(new int[8], 0);
        polled.poll();

        // when
        link.registers.put(0, 2);
        PolledDevice.Poll faulted = polled.poll();
        PolledDevice.Poll stillFaulted = polled.poll();
        link.registers.put(0, 0);
        PolledDevice.Poll ok = polled.poll();
        link.registers.put(0, 9);
        PolledDevice.Poll unexplained = polled.poll();

        // then
        assertThat(faulted.events()).filteredOn(event -> event.kind() == EventKind.STATUS).singleElement()
                .satisfies(event -> {
                    assertThat(event.status()).isEqualTo(new DeviceStatus(0, "Faulted", "InternalError", "2"));
                    assertThat(event.protocol()).isEqualTo(Protocol.MODBUS);
                });
        assertThat(stillFaulted.events()).extracting(DeviceEvent::kind).containsExactly(EventKind.METRICS);
        assertThat(ok.events()).filteredOn(event -> event.kind() == EventKind.STATUS).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo(new DeviceStatus(0, "Available", "NoError",
                        "0")));
        assertThat(unexplained.events()).filteredOn(event -> event.kind() == EventKind.STATUS).singleElement()
                .satisfies(event -> assertThat(event.status()).isEqualTo(new DeviceStatus(0, "Unknown", "OtherError",
                        "9")));
    }

    @Test
    void aProfileWithoutStatusRegisterReportsNoStatus() {
        // given
        RegisterProfile noStatus = new RegisterProfile("plain", RegisterProfiles.builtIn().registers());
        PolledDevice plain = new PolledDevice(new ModbusDevice("CP-M-2", DeviceType.EV_CHARGER, null, "127.0.0.1",
                502, 3, noStatus, INTERVAL), link, Duration.ofSeconds(30), clock);
        link.charger(new int[] {2, 0, 0, 0, 0, 0, 0, 0}, 0);

        // when
        PolledDevice.Poll poll = plain.poll();

        // then
        assertThat(poll.events()).extracting(DeviceEvent::kind).containsExactly(EventKind.CONNECTION, EventKind.METRICS);
    }

    @Test
    void exceptionAnswerFailsThePollButLeavesTheDeviceOnline() {
        // given
        link.charger(new int[8], 0);
        polled.poll();
        link.failure = new ModbusFailure(ModbusFailure.Reason.DEVICE_EXCEPTION, "exception 2");

        // when
        PolledDevice.Poll poll = polled.poll();

        // then
        assertThat(poll.events()).isEmpty();
        assertThat(poll.failure().reason()).isEqualTo(ModbusFailure.Reason.DEVICE_EXCEPTION);
        assertThat(poll.nextIn()).isEqualTo(INTERVAL);
        assertThat(polled.state()).isEqualTo(PolledDevice.State.ONLINE);
    }

    @Test
    void writeStoresTheEncodedValueInTheProfilesWritableRegister() throws ModbusFailure {
        // when
        PolledDevice.Written written = polled.write("current_setpoint_a", 24);

        // then
        assertThat(written.value()).isEqualTo(24.0);
        assertThat(written.address()).isEqualTo(10);
        assertThat(link.registers).containsEntry(10, 24);
        assertThat(link.writes).containsExactly("3@10x1");
    }

    @Test
    void writeRefusesUnknownReadOnlyAndUnfittingValuesWithoutTouchingTheDevice() {
        assertThatThrownBy(() -> polled.write("max_power_w", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no register max_power_w");
        assertThatThrownBy(() -> polled.write("temperature_c", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not writable");
        assertThatThrownBy(() -> polled.write("current_setpoint_a", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(link.writes).isEmpty();
    }

    /** Holding registers in memory, or a failure for every request. */
    private final class ScriptedLink implements RegisterLink {

        final Map<Integer, Integer> registers = new HashMap<>();
        final List<String> reads = new ArrayList<>();
        final List<String> writes = new ArrayList<>();
        ModbusFailure failure;
        Duration delay = Duration.ZERO;

        void charger(int[] first8, int setpoint) {
            for (int i = 0; i < first8.length; i++) {
                registers.put(i, first8[i]);
            }
            registers.put(10, setpoint);
        }

        @Override
        public int[] read(int unitId, int address, int count) throws ModbusFailure {
            clock.advance(delay);
            if (failure != null) {
                throw failure;
            }
            reads.add(unitId + "@" + address + "x" + count);
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = registers.getOrDefault(address + i, 0);
            }
            return words;
        }

        @Override
        public void write(int unitId, int address, int[] words) throws ModbusFailure {
            if (failure != null) {
                throw failure;
            }
            writes.add(unitId + "@" + address + "x" + words.length);
            for (int i = 0; i < words.length; i++) {
                registers.put(address + i, words[i]);
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class SteppingClock extends Clock {

        private Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
