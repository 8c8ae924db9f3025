package io.fleetcare.api.modbus;

import io.fleetcare.events.EventCodec;
import io.fleetcare.events.ModbusRegisterMap;
import io.fleetcare.events.ModbusRegistration;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Hands registry changes to the compacted topics {@code modbus.devices} (key = device id) and
 * {@code modbus.register-maps} (key = profile name); a removal is a tombstone. Waits until Kafka acknowledged.
 * The Kafka types stop here.
 */
@ApplicationScoped
class ModbusRegistryPublisher {

    @Inject
    @Channel("modbus-devices")
    MutinyEmitter<Record<String, byte[]>> devices;

    @Inject
    @Channel("modbus-register-maps")
    MutinyEmitter<Record<String, byte[]>> maps;

    /** @throws RuntimeException when Kafka did not take it */
    void device(ModbusRegistration registration) {
        devices.sendAndAwait(Record.of(registration.deviceId(), EventCodec.encode(registration)));
    }

    /** @throws RuntimeException when Kafka did not take it */
    void deviceRemoved(String deviceId) {
        devices.sendAndAwait(Record.of(deviceId, null));
    }

    /** @throws RuntimeException when Kafka did not take it */
    void map(ModbusRegisterMap map) {
        maps.sendAndAwait(Record.of(map.name(), EventCodec.encode(map)));
    }

    /** @throws RuntimeException when Kafka did not take it */
    void mapRemoved(String name) {
        maps.sendAndAwait(Record.of(name, null));
    }
}
