package io.fleetcare.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of the platform's applications running in a JVM of its own, started by the launcher,
 * with its output in a log file.
 */
final class ChildJvm implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * System property with JVM options added to every child (after its own), split at spaces; {@code {name}} becomes
     * the child's name. Used by the platform benchmark to profile the children with JDK Flight Recorder, e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile}.
     */
    static final String EXTRA_OPTIONS_PROPERTY = "fleetcare.child-jvm-options";

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code java <jvmArgs> <args>} with the given extra environment.
     *
     * @param pidFile records the child's pid so that a later start can stop it if this launcher
     *                dies without cleaning up
     */
    static ChildJvm start(String name, List<String> jvmArgs, List<String> args, Map<String, String> env,
                          Path logDir, PidFile pidFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        String extra = System.getProperty(EXTRA_OPTIONS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            for (String option : extra.split("\\s+")) {
                command.add(option.replace("{name}", name));
            }
        }
        command.addAll(args);
        Path log = logDir.resolve(name + ".log");
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            pidFile.add(process.pid());
            return new ChildJvm(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code url} answers 200, failing early when the process dies. */
    void awaitHttpOk(String url, Duration timeout) {
        awaitCondition(timeout, () -> {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                return response.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        }, "answer 200 on " + url);
    }

    /** Waits until the child's log contains {@code text}, failing early when the process dies. */
    void awaitLogLine(String text, Duration timeout) {
        awaitCondition(timeout, () -> Files.exists(log) && Files.readString(log).contains(text),
                "log \"" + text + "\"");
    }

    private interface Check {
        boolean passes() throws IOException, InterruptedException;
    }

    private void awaitCondition(Duration timeout, Check check, String what) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue()
                            + " before it could " + what + "; last lines of " + log + ":\n" + tail(40));
                }
                if (check.passes()) {
                    return;
                }
                Thread.sleep(250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        throw new IllegalStateException(name + " did not " + what + " within " + timeout
                + "; last lines of " + log + ":\n" + tail(40));
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the child to stop (SIGTERM), and kills it if it is still there after 20 s. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
