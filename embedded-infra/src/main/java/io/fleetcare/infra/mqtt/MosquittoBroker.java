package io.fleetcare.infra.mqtt;

import io.fleetcare.infra.net.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto started as a child process with a generated configuration: loopback listener on a
 * free port, no anonymous access, a password file and an ACL built from {@link MqttBrokerSettings}.
 * It keeps running as the current OS user (Mosquitto would otherwise drop from root to
 * {@code mosquitto}, which cannot read the private files written here). Per-session queue and inflight limits and
 * the {@code $SYS} interval come from {@link SessionQueueLimits} (sizing rule there); the service account may also
 * read {@link #DROPPED_COUNTER_TOPIC}.
 *
 * <p>Client id = username for devices: Mosquitto 2 has no setting for it ({@code use_username_as_clientid} would
 * rename every connection of the service account to one id, so the gateway's connections would take over each
 * other), so its dynamic-security plugin does it: one plugin client per device with {@code clientid} = device id and
 * no password (the plugin then checks only the client id and leaves the password to the password file), no roles and
 * every default access denied (so the ACL file alone decides topics). A device connecting with any other client id is
 * refused ("not authorized") before it can take over the session of that id. The service account is not a plugin
 * client: any client id. Devices added while the broker runs are registered through {@code $CONTROL} by the account
 * {@value #CONTROL_USER} ({@link MosquittoClientIds}).
 */
public final class MosquittoBroker implements MqttBroker {

    /** Mosquitto's count of messages it dropped since it started (queue limits reached), published every sys interval. */
    public static final String DROPPED_COUNTER_TOPIC = "$SYS/broker/publish/messages/dropped";

    /** The dynamic-security plugin (Debian's {@code mosquitto} package ships it). */
    private static final List<Path> DYNSEC_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so"),
            Path.of("/usr/lib/mosquitto_dynamic_security.so"), Path.of("/usr/local/lib/mosquitto_dynamic_security.so"));

    /** The broker's own account for {@code $CONTROL/dynamic-security}; its password is made anew at each start. */
    static final String CONTROL_USER = "fleetcare-control";

    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto"),
            Path.of("/usr/local/sbin/mosquitto"), Path.of("/usr/local/bin/mosquitto"));

    private final Process process;
    private final int port;
    private final Thread reaper;
    private final Path passwordFile;
    private final String serviceUser;
    private final Map<String, String> passwordHashes;
    private final String controlPassword;

    private MosquittoBroker(Process process, int port, Path passwordFile, String serviceUser,
                            Map<String, String> passwordHashes, String controlPassword) {
        this.process = process;
        this.controlPassword = controlPassword;
        this.port = port;
        this.passwordFile = passwordFile;
        this.serviceUser = serviceUser;
        this.passwordHashes = new TreeMap<>(passwordHashes);
        this.reaper = new Thread(process::destroyForcibly, "mosquitto-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Whether a Mosquitto binary is installed in one of the usual places. */
    public static boolean isInstalled() {
        return binary() != null;
    }

    private static Path binary() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /**
     * Starts Mosquitto with {@link SessionQueueLimits#EMBEDDED} and waits until it accepts connections.
     *
     * @throws IllegalStateException when it is not installed or does not come up within 15 s
     */
    public static MosquittoBroker start(MqttBrokerSettings settings) {
        return start(settings, SessionQueueLimits.EMBEDDED);
    }

    /**
     * Starts Mosquitto with the given per-session limits and waits until it accepts connections.
     *
     * @throws IllegalStateException when it is not installed or does not come up within 15 s
     */
    public static MosquittoBroker start(MqttBrokerSettings settings, SessionQueueLimits limits) {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException("Mosquitto is not installed");
        }
        try {
            Path dir = Files.createDirectories(settings.workDir());
            Files.createDirectories(dir.resolve("data"));
            Path plugin = DYNSEC_CANDIDATES.stream().filter(Files::isReadable).findFirst().orElseThrow(
                    () -> new IllegalStateException("Mosquitto's dynamic-security plugin is not installed (looked in "
                            + DYNSEC_CANDIDATES + "): without it a device could take another's client id"));
            Map<String, String> hashes = new HashMap<>();
            settings.deviceSecrets().forEach((user, secret) -> hashes.put(user, MosquittoPasswordFile.hash(secret)));
            String controlPassword = UUID.randomUUID().toString();
            Map<String, String> fileHashes = new HashMap<>(hashes);
            fileHashes.put(settings.serviceUser(), MosquittoPasswordFile.hash(settings.servicePassword()));
            fileHashes.put(CONTROL_USER, MosquittoPasswordFile.hash(controlPassword));
            Path passwords = writePrivate(dir.resolve("passwd"), MosquittoPasswordFile.renderHashes(fileHashes));
            Path dynsec = writePrivate(dir.resolve("dynamic-security.json"),
                    MosquittoClientIds.dynamicSecurityJson(CONTROL_USER, new TreeSet<>(hashes.keySet())));
            Path acl = writePrivate(dir.resolve("acl"), """
                    user %s
                    topic readwrite devices/#
                    topic read %s

                    pattern readwrite devices/%%u/#
                    """.formatted(settings.serviceUser(), DROPPED_COUNTER_TOPIC));
            int port = FreePorts.pick();
            Path config = writePrivate(dir.resolve("mosquitto.conf"), """
                    user %s
                    per_listener_settings false
                    allow_anonymous false
                    password_file %s
                    acl_file %s
                    plugin %s
                    plugin_opt_config_file %s
                    listener %d 127.0.0.1
                    protocol mqtt
                    persistence true
                    persistence_location %s/
                    autosave_interval 30
                    %s
                    set_tcp_nodelay true
                    log_dest stdout
                    log_type error
                    log_type warning
                    log_type notice
                    connection_messages false
                    """.formatted(System.getProperty("user.name"), passwords, acl, plugin, dynsec, port,
                    dir.resolve("data"),
                    limits.mosquittoConfig().strip()));
            Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.log").toFile()))
                    .start();
            fileHashes.remove(CONTROL_USER);
            MosquittoBroker broker = new MosquittoBroker(process, port, passwords, settings.serviceUser(), fileHashes,
                    controlPassword);
            broker.awaitListening(Duration.ofSeconds(15), dir.resolve("mosquitto.log"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Mosquitto", e);
        }
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private void awaitListening(Duration timeout, Path log) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosquitto exited with " + process.exitValue() + ": "
                        + Files.readString(log).strip());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("Mosquitto did not listen on port " + port + " within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String kind() {
        return "mosquitto";
    }

    /**
     * Rewrites the password file (a new file moved over the old one, so Mosquitto never reads half of it) and sends
     * Mosquitto SIGHUP, on which it reloads the file, applies it to new connections and disconnects open ones whose
     * password no longer matches. Returns once the signal is sent; the reload follows within milliseconds.
     */
    @Override
    public synchronized void updateDeviceSecret(String deviceId, String passwordHash) {
        MqttBrokerSettings.requireAccountName(deviceId);
        MosquittoPasswordFile.requireWellFormed(passwordHash);
        if (deviceId.equals(serviceUser)) {
            throw new IllegalArgumentException("the service account is not a device: " + deviceId);
        }
        if (!passwordHashes.containsKey(deviceId)) {
            MosquittoClientIds.register(serverUri(), CONTROL_USER, controlPassword, deviceId);
        }
        Map<String, String> next = new TreeMap<>(passwordHashes);
        next.put(deviceId, passwordHash);
        next.put(CONTROL_USER, MosquittoPasswordFile.hash(controlPassword));
        try {
            Path fresh = writePrivate(passwordFile.resolveSibling(passwordFile.getFileName() + ".new"),
                    MosquittoPasswordFile.renderHashes(next));
            Files.move(fresh, passwordFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid()))
                    .redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("Mosquitto (pid " + process.pid() + ") could not be told to reload");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite Mosquitto's password file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating Mosquitto's password file", e);
        }
        passwordHashes.put(deviceId, passwordHash);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to remove
        }
    }
}
