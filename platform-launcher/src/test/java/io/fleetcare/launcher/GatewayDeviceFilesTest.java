package io.fleetcare.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fleetcare.infra.mqtt.MosquittoPasswordFile;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayDeviceFilesTest {

    @TempDir
    Path dir;

    @Test
    void theModbusDevicesFileListsEachChargerOnItsLoopbackPortWithTheBuiltInProfile() throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("MB-CP-01", "AC-22-MB");
        models.put("MB-CP-02", "AC-22-MB");
        Map<String, Integer> ports = Map.of("MB-CP-01", 40001, "MB-CP-02", 40002);

        Path file = GatewayDeviceFiles.writeModbusDevices(dir, models, ports::get, Duration.ofSeconds(1));

        JsonNode devices = new ObjectMapper(new YAMLFactory()).readTree(file.toFile()).get("devices");
        assertThat(devices).hasSize(2);
        JsonNode second = devices.get(1);
        assertThat(second.get("deviceId").asText()).isEqualTo("MB-CP-02");
        assertThat(second.get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(second.get("port").asInt()).isEqualTo(40002);
        assertThat(second.get("unitId").asInt()).isEqualTo(1);
        assertThat(second.get("model").asText()).isEqualTo("AC-22-MB");
        assertThat(second.get("deviceType").asText()).isEqualTo("EV_CHARGER");
        assertThat(second.get("profile").asText()).isEqualTo("charger-default");
        assertThat(Duration.parse(second.get("pollInterval").asText())).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theCoapKeysAreTheDevicesSecretsUnderQuotedKeysInAnOwnerOnlyFile() throws Exception {
        Path file = GatewayDeviceFiles.writeCoapKeys(dir, List.of("CA-STB-01", "CA-STB-02"), id -> "secret-of-" + id);

        Properties keys = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            keys.load(in);
        }
        assertThat(keys).containsOnly(
                Map.entry("fleetcare.coap.psk.\"CA-STB-01\"", "secret-of-CA-STB-01"),
                Map.entry("fleetcare.coap.psk.\"CA-STB-02\"", "secret-of-CA-STB-02"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void theChargerFileHoldsEachChargersHashedSecretAndModelInAnOwnerOnlyFile() throws Exception {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("CP-01", "AC-22");
        models.put("CP-02", "DC-60");

        Path file = GatewayDeviceFiles.writeChargers(dir, models, id -> "secret-of-" + id);

        Properties chargers = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            chargers.load(in);
        }
        assertThat(chargers.stringPropertyNames()).containsExactlyInAnyOrder("CP-01", "CP-01.model", "CP-02",
                "CP-02.model");
        assertThat(chargers.getProperty("CP-02.model")).isEqualTo("DC-60");
        assertThat(chargers.getProperty("CP-01")).doesNotContain("secret-of-CP-01");
        assertThat(MosquittoPasswordFile.matches("secret-of-CP-01", chargers.getProperty("CP-01"))).isTrue();
        assertThat(MosquittoPasswordFile.matches("secret-of-CP-02", chargers.getProperty("CP-01"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
