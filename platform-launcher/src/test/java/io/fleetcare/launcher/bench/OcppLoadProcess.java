package io.fleetcare.launcher.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * {@link OcppSessionLoad} in a JVM of its own, for runs whose connections do not fit into one process's open-files
 * limit (10,000 MQTT devices and 10,000 OCPP sessions are 20,000 sockets, and the limit here is 20,000).
 *
 * <p>The parent ({@link Child#start}) passes the charge points and their secrets in a file readable by its owner
 * only; the child connects them all, prints {@code CONNECTED <booted> <failed> <samples>}, sends MeterValues at the
 * given rate and answers each {@code STATS} line on its standard input with {@code STATS <sent> <answered>
 * <callErrors> <skipped> <sessionsLost>}. It closes its sessions and exits when its standard input ends.
 */
final class OcppLoadProcess {

    private OcppLoadProcess() {
    }

    /** Arguments: ocpp base URI, secrets file, handshakes at once, HTTP clients, MeterValues per second. */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Properties secrets = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            secrets.load(in);
        }
        int atOnce = Integer.parseInt(args[2]);
        int httpClients = Integer.parseInt(args[3]);
        double rate = Double.parseDouble(args[4]);
        List<String> ids = secrets.stringPropertyNames().stream().sorted().toList();
        try (OcppSessionLoad sessions = new OcppSessionLoad(base, secrets::getProperty, httpClients)) {
            sessions.connectAll(ids, atOnce);
            System.out.println("CONNECTED " + sessions.connected() + " " + sessions.connectFailures.get() + " "
                    + sessions.failureSamples());
            sessions.sendAt(rate, null);
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null) {
                if (line.equals("STATS")) {
                    System.out.println("STATS " + sessions.sent.get() + " " + sessions.answered.get() + " "
                            + sessions.callErrors.get() + " " + sessions.skipped.get() + " "
                            + sessions.closedByGateway.get());
                }
            }
        }
        System.exit(0);
    }

    /** The parent's side: the child process and its answers. */
    static final class Child implements AutoCloseable {

        private final Process process;
        private final BufferedReader answers;

        private Child(Process process) {
            this.process = process;
            this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /**
         * Starts the child with this JVM's class path and waits until all sessions have tried to boot.
         *
         * @param secrets charge point id -> secret
         * @param dir     where the secrets file and the child's log go
         * @return the child; its first answer ({@code CONNECTED ...}) is in {@link #connected()}
         * @throws IllegalStateException when the child ends before it has connected
         */
        static Child start(URI base, Map<String, String> secrets, Path dir, int atOnce, int httpClients, double rate,
                           String heap) {
            try {
                Files.createDirectories(dir);
                Path file = dir.resolve("ocpp-secrets.properties");
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Properties values = new Properties();
                values.putAll(secrets);
                try (var out = Files.newBufferedWriter(file)) {
                    values.store(out, null);
                }
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                        OcppLoadProcess.class.getName(), base.toString(), file.toString(),
                        String.valueOf(atOnce), String.valueOf(httpClients), String.format(Locale.ROOT, "%.1f", rate)));
                Process process = new ProcessBuilder(command)
                        .redirectError(dir.resolve("ocpp-load.log").toFile())
                        .start();
                return new Child(process);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the OCPP load process", e);
            }
        }

        long pid() {
            return process.pid();
        }

        /** Waits for {@code CONNECTED <booted> <failed> <samples>} and returns it. */
        String connected() throws IOException {
            return answer("CONNECTED");
        }

        /** {@code STATS <sent> <answered> <callErrors> <skipped> <sessionsLost>}. */
        String stats() throws IOException {
            process.getOutputStream().write("STATS\n".getBytes(StandardCharsets.US_ASCII));
            process.getOutputStream().flush();
            return answer("STATS");
        }

        private String answer(String prefix) throws IOException {
            String line;
            while ((line = answers.readLine()) != null) {
                if (line.startsWith(prefix + " ")) {
                    return line;
                }
            }
            throw new IllegalStateException("the OCPP load process ended (exit " + exitCode() + ") before " + prefix);
        }

        private String exitCode() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        @Override
        public void close() throws InterruptedException {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // it is going anyway
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
