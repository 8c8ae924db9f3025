package io.fleetcare.gateway.modbus;

import io.fleetcare.events.DeviceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One polled device and what the gateway knows about it: online, offline or not yet known. A poll reads every
 * block of the profile; the first poll that finds the device unreachable reports it {@code DISCONNECTED} at once
 * (so within one poll interval plus the timeout of the last answered poll), later ones retry with a backoff that
 * doubles from the poll interval up to {@code maxBackoff}; the first answered poll reports {@code CONNECTED}.
 * A Modbus exception answer (e.g. illegal data address) fails the poll but leaves the device online.
 * When the profile has a status register, the first answered poll (also after being offline) and every poll whose
 * status value differs from the last one also report a {@code STATUS} event ({@link ModbusReadings#status}).
 *
 * <p>Polls and writes of one device take turns (the methods are synchronized).
 */
final class PolledDevice {

    enum State { UNKNOWN, ONLINE, OFFLINE }

    /**
     * What one poll gave.
     *
     * @param events  to publish, in order; never null, may be empty
     * @param failure why the poll failed; null when it succeeded
     * @param nextIn  when to poll next, from now; never null
     */
    record Poll(List<DeviceEvent> events, ModbusFailure failure, Duration nextIn) {
    }

    /**
     * What a write stored.
     *
     * @param register the register's name
     * @param address  its first register
     * @param value    the value as the device now holds it (after encoding, e.g. rounded to a float32)
     */
    record Written(String register, int address, double value) {
    }

    private final ModbusDevice device;
    private final RegisterLink link;
    private final Duration maxBackoff;
    private final Clock clock;
    private final List<RegisterBlock> blocks;
    private volatile State state = State.UNKNOWN;
    private int unreachablePolls;
    private Integer lastStatus;

    PolledDevice(ModbusDevice device, RegisterLink link, Duration maxBackoff, Clock clock) {
        this.device = device;
        this.link = link;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        this.blocks = device.profile().readBlocks();
    }

    ModbusDevice device() {
        return device;
    }

    State state() {
        return state;
    }

    synchronized Poll poll() {
        Instant start = clock.instant();
        List<int[]> read = new ArrayList<>(blocks.size());
        try {
            for (RegisterBlock block : blocks) {
                read.add(link.read(device.unitId(), block.address(), block.count()));
            }
        } catch (ModbusFailure failure) {
            return failed(failure, start);
        }
        Instant now = clock.instant();
        List<DeviceEvent> events = new ArrayList<>(2);
        if (state != State.ONLINE) {
            events.add(ModbusReadings.connection(device, ModbusReadings.CONNECTED, null, now));
        }
        DeviceEvent metrics = ModbusReadings.metrics(device, read, now);
        events.add(metrics);
        Integer status = statusValue(read);
        if (status != null && (state != State.ONLINE || !status.equals(lastStatus))) {
            events.add(ModbusReadings.status(device, status, device.profile().status().meaning(status), now));
        }
        lastStatus = status;
        state = State.ONLINE;
        unreachablePolls = 0;
        return new Poll(events, null, untilNextPoll(start, now));
    }

    /**
     * Writes {@code value} (in the register's unit) to the writable register {@code name}.
     *
     * @throws IllegalArgumentException when the profile has no such register, it is not writable, or the value does
     *                                  not fit it
     * @throws ModbusFailure            when the device did not take it
     */
    synchronized Written write(String name, double value) throws ModbusFailure {
        ProfileRegister register = device.profile().register(name).orElseThrow(() -> new IllegalArgumentException(
                "profile " + device.profile().name() + " has no register " + name));
        if (!register.writable()) {
            throw new IllegalArgumentException("register " + name + " is not writable");
        }
        int[] words = register.encode(value);
        link.write(device.unitId(), register.address(), words);
        return new Written(name, register.address(), register.decode(words, register.address()));
    }

    synchronized void close() {
        link.close();
    }

    private Integer statusValue(List<int[]> read) {
        ProfileRegister register = device.profile().statusRegister().orElse(null);
        if (register == null) {
            return null;
        }
        List<RegisterBlock> layout = blocks;
        for (int i = 0; i < layout.size(); i++) {
            RegisterBlock block = layout.get(i);
            if (register.address() >= block.address() && register.end() <= block.end()) {
                return read.get(i)[register.address() - block.address()];
            }
        }
        return null;
    }

    private Poll failed(ModbusFailure failure, Instant start) {
        if (!failure.reason().deviceUnreachable()) {
            return new Poll(List.of(), failure, untilNextPoll(start, clock.instant()));
        }
        unreachablePolls++;
        List<DeviceEvent> events = state == State.OFFLINE ? List.of()
                : List.of(ModbusReadings.connection(device, ModbusReadings.DISCONNECTED, failure.reason().tag(),
                        clock.instant()));
        state = State.OFFLINE;
        return new Poll(events, failure, backoff());
    }

    private Duration untilNextPoll(Instant start, Instant now) {
        Duration left = device.pollInterval().minus(Duration.between(start, now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration backoff() {
        Duration cap = maxBackoff.compareTo(device.pollInterval()) > 0 ? maxBackoff : device.pollInterval();
        Duration delay = device.pollInterval();
        for (int i = 1; i < unreachablePolls && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }
}
