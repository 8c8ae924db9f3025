package io.fleetcare.launcher;

import io.fleetcare.simulator.fleet.FleetPlan;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The secrets of an embedded platform: the gateway's broker password, the administrator's
 * password, the passwords of the demo's accounts, the two device-credential keys (storage and transport), the service API's archive key and web-session
 * key (AES-256, base64) and every simulated device's secret. Made at random on the first start, kept in
 * {@code secrets.properties} (readable by the owner only) in the data directory, and reused by
 * later starts so that the database's accounts keep working.
 */
final class PlatformSecrets {

    static final String GATEWAY_BROKER_USER = "fleetcare-gateway";
    static final String ADMIN_USER = "admin";

    private final Path file;
    private final Properties values = new Properties();

    private PlatformSecrets(Path file) {
        this.file = file;
    }

    static PlatformSecrets loadOrCreate(Path dataDir, List<String> deviceIds) {
        PlatformSecrets secrets = new PlatformSecrets(dataDir.resolve("secrets.properties"));
        secrets.load();
        boolean changed = secrets.ensure("gateway.broker-password")
                | secrets.ensure("admin.password")
                | secrets.ensureAesKey("device-credentials.storage-key")
                | secrets.ensureAesKey("device-credentials.transport-key")
                | secrets.ensureAesKey("archive.key")
                | secrets.ensureAesKey("api.session-key")
                | secrets.ensure("account." + DemoSeeder.MANAGER + ".password")
                | secrets.ensure("account." + DemoSeeder.ENGINEER + ".password");
        Map<String, String> fresh = FleetPlan.newSecrets(deviceIds);
        for (String id : deviceIds) {
            if (secrets.values.getProperty("device." + id) == null) {
                secrets.values.setProperty("device." + id, fresh.get(id));
                changed = true;
            }
        }
        if (changed) {
            secrets.save();
        }
        return secrets;
    }

    String gatewayBrokerPassword() {
        return values.getProperty("gateway.broker-password");
    }

    String adminPassword() {
        return values.getProperty("admin.password");
    }

    /** The password of one of the demo story's accounts ({@link DemoSeeder#MANAGER}, {@link DemoSeeder#ENGINEER}). */
    String demoAccountPassword(String username) {
        String password = values.getProperty("account." + username + ".password");
        if (password == null) {
            throw new IllegalArgumentException("no demo account " + username);
        }
        return password;
    }

    /** AES-256 key (base64) the service API seals CoAP pre-shared keys with in its database. */
    String credentialsStorageKey() {
        return values.getProperty("device-credentials.storage-key");
    }

    /** AES-256 key (base64) the service API and the gateway share to seal CoAP pre-shared keys on Kafka. */
    String credentialsTransportKey() {
        return values.getProperty("device-credentials.transport-key");
    }

    /** The key that seals the service API's sensitive customer fields: 32 random bytes in base64. */
    String archiveKey() {
        return values.getProperty("archive.key");
    }

    /** The key that encrypts the service API's web-session cookies, so sign-ins survive a restart. */
    String apiSessionKey() {
        return values.getProperty("api.session-key");
    }

    String deviceSecret(String deviceId) {
        String secret = values.getProperty("device." + deviceId);
        if (secret == null) {
            throw new IllegalArgumentException("no secret for device " + deviceId);
        }
        return secret;
    }

    Map<String, String> deviceSecrets(List<String> deviceIds) {
        Map<String, String> out = new LinkedHashMap<>();
        deviceIds.forEach(id -> out.put(id, deviceSecret(id)));
        return out;
    }

    /** Writes {@code deviceId=secret} for the given devices to an owner-only file, as the simulator reads it. */
    void writeDeviceCredentials(Path target, List<String> deviceIds) {
        Properties out = new Properties();
        deviceIds.forEach(id -> out.setProperty(id, deviceSecret(id)));
        try {
            Files.deleteIfExists(target);
            Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(target)) {
                out.store(writer, "Secrets of the devices registered besides the simulated fleet. Keep private.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private boolean ensure(String key) {
        if (values.getProperty(key) != null) {
            return false;
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        values.setProperty(key, HexFormat.of().formatHex(bytes));
        return true;
    }

    private boolean ensureAesKey(String key) {
        if (values.getProperty(key) != null) {
            return false;
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        values.setProperty(key, Base64.getEncoder().encodeToString(bytes));
        return true;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try (Reader in = Files.newBufferedReader(file)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                values.store(out, "Secrets of this embedded FleetCare platform. Keep private.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
