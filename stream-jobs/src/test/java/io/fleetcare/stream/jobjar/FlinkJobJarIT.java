package io.fleetcare.stream.jobjar;

import static io.fleetcare.stream.testing.Telemetry.stbCpuTemp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetcare.events.Alert;
import io.fleetcare.events.Topics;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.health.DeviceHealthJobMain;
import io.fleetcare.stream.health.detect.EpisodeIds;
import io.fleetcare.stream.testing.KafkaRecords;
import io.fleetcare.stream.testing.Telemetry;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar for {@code flink run} ({@code target/stream-jobs-job.jar}, built by the shade plugin
 * in the package phase): what it holds, and that its entry point runs the job when the jar sits on
 * a classpath with only what a Flink distribution provides — the Flink artifacts of this module's
 * runtime classpath, without anything the jar itself carries.
 */
class FlinkJobJarIT {

    static final Path JOB_JAR = Path.of("target", "stream-jobs-job.jar");
    static final Path RUNTIME_CLASSPATH = Path.of("target", "classpath.txt");
    static final String HOT_BOX = "STB-JAR-0001";

    static EmbeddedKafka kafka;
    static KafkaRecords records;

    @TempDir
    static Path workDir;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafka.start();
        kafka.createTopics(1, Topics.DEVICE_TELEMETRY, Topics.DEVICE_ALERTS, Topics.MAINTENANCE_REQUESTS);
        records = new KafkaRecords(kafka.bootstrapServers());
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void carriesTheJobTheConnectorsAndAMainClassButNotFlinkItself() throws IOException {
        // given / when
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            // then
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(DeviceHealthJobMain.class.getName());
            assertThat(entries(jar)).contains(
                    "io/fleetcare/stream/health/DeviceHealthJobMain.class",
                    "io/fleetcare/stream/health/detect/HeartbeatLossDetector.class",
                    "io/fleetcare/events/DeviceEvent.class",
                    "rules/device-health-rules.yaml",
                    "db/telemetry/V1__readings_and_device_state.sql",
                    "org/apache/flink/connector/kafka/source/KafkaSource.class",
                    "org/apache/kafka/clients/consumer/KafkaConsumer.class",
                    "org/apache/flink/connector/jdbc/core/datastream/sink/JdbcSink.class",
                    "org/postgresql/Driver.class",
                    "com/fasterxml/jackson/dataformat/yaml/YAMLFactory.class");
            assertThat(entries(jar)).doesNotContain(
                    "org/apache/flink/runtime/minicluster/MiniCluster.class",
                    "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class",
                    "org/apache/flink/api/common/ExecutionConfig.class",
                    "org/apache/flink/client/program/PackagedProgram.class",
                    "org/slf4j/Logger.class",
                    "org/apache/logging/log4j/core/Logger.class",
                    "log4j2.xml");
        }
    }

    @Test
    void runsTheJobFromItsMainClassOnAClasspathOfOnlyFlinkAndTheJobJar() throws Exception {
        // given: a box above 85 °C for 60 s, which the built-in rules raise
        records.publish(Topics.DEVICE_TELEMETRY,
                List.of(stbCpuTemp(HOT_BOX, 0, 90), stbCpuTemp(HOT_BOX, 30, 91), stbCpuTemp(HOT_BOX, 60, 92)));
        String mainClass;
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(JOB_JAR.toAbsolutePath().toString());
        classpath.addAll(flinkProvided());
        Path log = workDir.resolve("job.log");

        // when
        Process job = new ProcessBuilder(javaCommand(), "-cp", String.join(File.pathSeparator, classpath), mainClass,
                "--bootstrap-servers", kafka.bootstrapServers(), "--local", "--parallelism", "1",
                "--group-id", "job-jar-it", "--checkpoint-interval", "PT2S")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // then
            String alertId = EpisodeIds.alertId(HOT_BOX, "stb.cpu-overheat", Telemetry.T0);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).failFast(
                    "the job process ended:\n" + tail(log), () -> !job.isAlive()).until(() ->
                    records.readAll(Topics.DEVICE_ALERTS, Alert.class).stream()
                            .anyMatch(a -> a.alertId().equals(alertId) && a.state() == Alert.State.RAISED));
            assertThat(Files.readString(log)).contains("device-health job running");
        } finally {
            job.destroy();
            if (!job.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                job.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * The module's runtime classpath without every entry the job jar already carries: Flink and
     * its dependencies, i.e. what {@code flink run} finds in the distribution's {@code lib/}.
     */
    private static List<String> flinkProvided() throws IOException {
        Set<String> inJobJar;
        try (JarFile jar = new JarFile(JOB_JAR.toFile())) {
            inJobJar = entries(jar);
        }
        List<String> provided = Arrays.stream(Files.readString(RUNTIME_CLASSPATH).trim().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> someClassOf(Path.of(entry)).map(c -> !inJobJar.contains(c)).orElse(true))
                .toList();
        assertThat(provided).as("Flink's own artifacts stay outside the job jar")
                .anyMatch(entry -> entry.contains("flink-runtime"))
                .noneMatch(entry -> entry.contains("flink-connector-kafka") || entry.contains("kafka-clients"));
        return provided;
    }

    private static Optional<String> someClassOf(Path entry) {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                        .findFirst().map(f -> entry.relativize(f).toString().replace(File.separatorChar, '/'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> entries(JarFile jar) {
        return jar.stream().map(ZipEntry::getName).collect(Collectors.toSet());
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
