package io.fleetcare.launcher;

import io.fleetcare.infra.mqtt.MosquittoPasswordFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The gateway's device files: its charger file (OCPP), its Modbus devices file and the CoAP pre-shared keys (MQTT
 * devices are broker accounts instead).
 */
final class GatewayDeviceFiles {

    static final String CHARGERS = "chargers.properties";
    static final String MODBUS_DEVICES = "modbus-devices.yaml";
    static final String COAP_KEYS = "coap-psk.properties";

    private GatewayDeviceFiles() {
    }

    /**
     * Writes {@code <dir>/chargers.properties} (owner-only): each charger's secret, hashed as for the broker, and its
     * model.
     *
     * @param models model of each charger, by charge point id
     */
    static Path writeChargers(Path dir, Map<String, String> models, Function<String, String> secretOf) {
        StringBuilder lines = new StringBuilder("# simulated chargers of the embedded platform (written at every start)\n");
        models.forEach((id, model) -> {
            lines.append(id).append('=').append(MosquittoPasswordFile.hash(secretOf.apply(id))).append('\n');
            lines.append(id).append(".model=").append(model).append('\n');
        });
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(CHARGERS);
            Files.writeString(file, lines.toString());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway's charger file", e);
        }
    }

    /**
     * Writes {@code <dir>/modbus-devices.yaml}: each device an EV charger on {@code 127.0.0.1:<its port>}, unit 1,
     * the built-in {@code charger-default} register map, polled every {@code pollInterval}.
     *
     * @param models model of each device, by device id
     */
    static Path writeModbusDevices(Path dir, Map<String, String> models, Function<String, Integer> portOf,
                                   Duration pollInterval) {
        StringBuilder yaml = new StringBuilder("# Modbus TCP devices the gateway polls (written at every start)\n"
                + "devices:\n");
        models.forEach((id, model) -> yaml.append("  - {deviceId: ").append(id)
                .append(", host: 127.0.0.1, port: ").append(portOf.apply(id))
                .append(", unitId: 1, model: ").append(model)
                .append(", deviceType: EV_CHARGER, profile: charger-default, pollInterval: ").append(pollInterval)
                .append("}\n"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(MODBUS_DEVICES);
            Files.writeString(file, yaml.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway's Modbus devices file", e);
        }
    }

    /**
     * Writes {@code <dir>/coap-psk.properties} (owner-only) with {@code fleetcare.coap.psk."<id>"=<secret>} for each
     * device: the gateway's DTLS pre-shared keys, which it must hold in clear.
     */
    static Path writeCoapKeys(Path dir, List<String> deviceIds, Function<String, String> secretOf) {
        Properties keys = new Properties();
        deviceIds.forEach(id -> keys.setProperty("fleetcare.coap.psk.\"" + id + "\"", secretOf.apply(id)));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(COAP_KEYS);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                keys.store(writer, "CoAP DTLS pre-shared keys of the devices (written at every start). Keep private.");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the gateway's CoAP keys", e);
        }
    }
}
