package io.fleetcare.stream.bench;

import io.fleetcare.events.Alert;
import io.fleetcare.events.DeviceEvent;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.MaintenanceRequest;
import io.fleetcare.infra.kafka.EmbeddedKafka;
import io.fleetcare.stream.dedup.MapStateDuplicateEventFilter;
import io.fleetcare.stream.health.DeviceHealthConfig;
import io.fleetcare.stream.health.DeviceHealthJob;
import io.fleetcare.stream.health.DeviceHealthJobMain;
import io.fleetcare.stream.health.LaunchOptions;
import io.fleetcare.stream.kafka.DeviceEventDeserializer;
import io.fleetcare.stream.rules.HealthRulesFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Benchmark of the device-health job (not a test; run by {@code bench/stream-jobs/run.sh}).
 *
 * <p>One in-process Kafka broker. A warm-up run (not counted) first, then for each parallelism asked
 * for (default 1, then 2):
 * <ol>
 *   <li><b>throughput</b>: the job, with the built-in rules, reads {@code --events} preloaded
 *       telemetry events of {@code --devices} healthy devices in a MiniCluster, followed by one
 *       charger fault at the end of each partition; events/s = events / (Kafka append time of the
 *       last of those markers' alerts - the moment the job was RUNNING), so task deployment is
 *       included; and the CPU seconds per 1,000 events of the job's threads (those that did not exist
 *       before the job was submitted: Flink's tasks, checkpointing, its Kafka clients; not the broker) and
 *       of the whole process. With {@code --variants map,ring,ring+reuse} each throughput run is made for
 *       every variant ({@link Variant}), {@code --rounds N} times in turn, so that the ratios of one run
 *       compare like with like on a busy machine;</li>
 *   <li><b>latency</b>: the job runs on a live topic that receives {@code --rate} events/s of the
 *       same fleet, into which {@code --faults} charger faults (StatusNotification Faulted /
 *       GroundFailure, one new charger each) are injected over 20 s; latency = Kafka append time of
 *       the alert minus Kafka append time of the fault (both topics use {@code LogAppendTime}).</li>
 * </ol>
 * The raw baseline is one plain {@code KafkaConsumer} thread reading and JSON-decoding the same
 * preloaded events. Options: {@code --events N --devices M --faults F --rate R --parallelism 1,2
 * --variants ring+reuse --rounds 1 --buffer-timeout-ms T} (the last one sets Flink's network buffer timeout;
 * default Flink's). The latency run uses the last variant's job as {@code DeviceHealthJobMain} runs it.
 */
public final class DeviceHealthBenchmark {

    private static final int PARTITIONS = 2;
    private static final Instant FLEET_START = Instant.parse("2026-11-24T00:00:00Z");
    private static final int MARKER_BASE = 900_000;

    private final EmbeddedKafka kafka;
    private final Path checkpoints;
    private final long events;
    private final int devices;
    private final int faults;
    private final int rate;
    private final Long bufferTimeoutMillis;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /**
     * What the throughput runs compare: {@code map} = the duplicate filter with a {@code MapState} of ids and no
     * object reuse (the job before the ring), {@code ring} = the {@link io.fleetcare.stream.dedup.RecentIds} ring,
     * no object reuse, {@code ring+reuse} = the ring with object reuse (the job as {@code DeviceHealthJobMain} runs it).
     */
    enum Variant {
        MAP("map"), RING("ring"), RING_REUSE("ring+reuse");

        final String label;

        Variant(String label) {
            this.label = label;
        }

        static Variant of(String label) {
            for (Variant v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown variant " + label + " (map, ring, ring+reuse)");
        }
    }

    /** One throughput run: events/s, and CPU seconds of the job's threads (and of the whole process) per 1,000 events. */
    record Throughput(double perSecond, double jobCpuPer1000, double processCpuPer1000) {
    }

    private DeviceHealthBenchmark(EmbeddedKafka kafka, Path checkpoints, long events, int devices, int faults,
                                  int rate, Long bufferTimeoutMillis) {
        this.bufferTimeoutMillis = bufferTimeoutMillis;
        this.kafka = kafka;
        this.checkpoints = checkpoints;
        this.events = events;
        this.devices = devices;
        this.faults = faults;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long events = Long.parseLong(options.getOrDefault("events", "400000"));
        int devices = Integer.parseInt(options.getOrDefault("devices", "2000"));
        int faults = Integer.parseInt(options.getOrDefault("faults", "200"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "2000"));
        Long bufferTimeoutMillis = options.containsKey("buffer-timeout-ms")
                ? Long.valueOf(options.get("buffer-timeout-ms")) : null;
        List<Integer> parallelisms = java.util.Arrays.stream(options.getOrDefault("parallelism", "1,2").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        List<Variant> variants = java.util.Arrays.stream(options.getOrDefault("variants", "ring+reuse").split(","))
                .map(String::trim).map(Variant::of).toList();
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
        System.out.printf(Locale.ROOT, "device-health benchmark: %d events, %d devices, %d injected faults at %d events/s"
                        + " live load, parallelism %s, throughput variants %s x %d round(s), network buffer timeout %s,"
                        + " %d cores, max heap %d MB, Java %s%n",
                events, devices, faults, rate, parallelisms, variants.stream().map(v -> v.label).toList(), rounds,
                bufferTimeoutMillis == null ? "Flink's default (100 ms)" : bufferTimeoutMillis + " ms", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());

        List<String> summary = new ArrayList<>();
        Path checkpoints = Files.createTempDirectory("device-health-bench-checkpoints");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            DeviceHealthBenchmark bench = new DeviceHealthBenchmark(kafka, checkpoints, events, devices, faults, rate,
                    bufferTimeoutMillis);
            String warmUp = "bench.warm-up.telemetry";
            bench.createTopics(PARTITIONS, warmUp);
            long warmUpEvents = Math.min(events, 30_000);
            bench.preload(warmUp, warmUpEvents, 1);
            bench.rawConsumer(warmUp, warmUpEvents);
            bench.throughput(warmUp, warmUpEvents, 1, variants.get(0), "warm-up (not counted)");
            String backlog = "bench.telemetry";
            bench.createTopics(PARTITIONS, backlog);
            bench.preload(backlog, events, 42);
            double raw = bench.rawConsumer(backlog, events);
            summary.add(String.format(Locale.ROOT, "raw KafkaConsumer + JSON decode, 1 thread: %,.0f events/s", raw));
            for (int parallelism : parallelisms) {
                Map<Variant, List<Throughput>> runs = new java.util.EnumMap<>(Variant.class);
                for (int round = 1; round <= rounds; round++) {
                    for (Variant variant : variants) {
                        String load = loadAverage();
                        Throughput t = bench.throughput(backlog, events, parallelism, variant,
                                "parallelism " + parallelism + ", " + variant.label + ", round " + round);
                        runs.computeIfAbsent(variant, v -> new ArrayList<>()).add(t);
                        summary.add(String.format(Locale.ROOT, "job parallelism %d, %s, round %d: %,.0f events/s;"
                                        + " job threads %.3f CPU s per 1,000 events (whole process %.3f); load average"
                                        + " %s before, %s after", parallelism, variant.label, round, t.perSecond(),
                                t.jobCpuPer1000(), t.processCpuPer1000(), load, loadAverage()));
                    }
                }
                if (runs.size() > 1) {
                    Variant first = variants.get(0);
                    double base = median(runs.get(first).stream().mapToDouble(Throughput::jobCpuPer1000).toArray());
                    for (Variant v : runs.keySet()) {
                        double cpu = median(runs.get(v).stream().mapToDouble(Throughput::jobCpuPer1000).toArray());
                        summary.add(String.format(Locale.ROOT, "  parallelism %d, %s: median %.3f job CPU s per 1,000"
                                + " events = %.2f x %s", parallelism, v.label, cpu, cpu / base, first.label));
                    }
                }
                double throughput = median(runs.get(variants.get(variants.size() - 1)).stream()
                        .mapToDouble(Throughput::perSecond).toArray());
                List<Long> latencies = bench.latency(parallelism);
                summary.add(String.format(Locale.ROOT,
                        "job parallelism %d (" + variants.get(variants.size() - 1).label + "): %,.0f events/s = %,.0f events/s per core (per task slot);"
                                + " %.0f%% of the raw consumer per core; fault -> alert latency p50 %s ms, p99 %s ms"
                                + " (%d of %d alerts)",
                        parallelism, throughput, throughput / parallelism, 100 * throughput / parallelism / raw,
                        percentile(latencies, 50), percentile(latencies, 99), latencies.size(), faults));
            }
        } finally {
            try (var files = Files.walk(checkpoints)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.out.println();
        System.out.println("== summary ==");
        summary.forEach(System.out::println);
        System.exit(0);
    }

    /**
     * Sends {@code count} events of a healthy fleet, then one charger fault at the end of every
     * partition: its alert shows that the job has processed everything before it in that partition.
     */
    private void preload(String topic, long count, long seed) throws Exception {
        BenchmarkFleet fleet = new BenchmarkFleet(devices, FLEET_START, seed);
        long start = System.nanoTime();
        long bytes = 0;
        try (var producer = producer()) {
            for (long n = 0; n < count; n++) {
                DeviceEvent event = fleet.event(n);
                byte[] value = EventCodec.encode(event);
                bytes += value.length;
                producer.send(new ProducerRecord<>(topic, key(event.deviceId()), value));
            }
            for (int partition = 0; partition < PARTITIONS; partition++) {
                DeviceEvent marker = BenchmarkFleet.fault(MARKER_BASE + partition, fleet.deviceTime(count));
                producer.send(new ProducerRecord<>(topic, partition, key(marker.deviceId()), EventCodec.encode(marker)));
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "preloaded %,d events (%,d devices, %d B per event on average) in %.1f s%n",
                count, devices, bytes / Math.max(1, count), seconds);
    }

    private double rawConsumer(String topic, long count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        long start = System.nanoTime();
        long read = 0;
        long checksum = 0;
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < count + PARTITIONS) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    checksum += EventCodec.decode(record.value(), DeviceEvent.class).metrics().size();
                    read++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = read / seconds;
        System.out.printf(Locale.ROOT, "raw baseline: one KafkaConsumer read and decoded %,d events in %.1f s"
                + " = %,.0f events/s (%d metrics)%n", read, seconds, perSecond, checksum);
        return perSecond;
    }

    /**
     * Runs the job over the preloaded topic from the start; events/s = events / (Kafka append time of
     * the last partition marker's alert - wall-clock time at which the job was RUNNING).
     */
    private Throughput throughput(String topic, long count, int parallelism, Variant variant, String label)
            throws Exception {
        String prefix = "bench.throughput-" + topic + "-p" + parallelism + "-" + variant.name().toLowerCase(Locale.ROOT)
                + "-" + System.nanoTime();
        String alerts = prefix + ".alerts";
        createTopics(1, alerts, prefix + ".requests");
        KafkaSource<DeviceEvent> source = KafkaSource.<DeviceEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(topic)
                .setGroupId(prefix)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new DeviceEventDeserializer())
                .build();
        StreamExecutionEnvironment env = environment(parallelism);
        DeviceHealthJob deviceHealth = job(source, prefix);
        if (variant == Variant.MAP) {
            deviceHealth = deviceHealth.withDuplicateFilter(
                    new MapStateDuplicateEventFilter(DeviceHealthConfig.of(HealthRulesFile.loadDefault()).duplicateRetention()));
        }
        if (variant != Variant.RING_REUSE) {
            env.getConfig().disableObjectReuse();
        }
        deviceHealth.buildOn(env);
        java.util.Set<Long> before = threadIds();
        double processCpuBefore = processCpuSeconds();
        JobClient job = env.executeAsync("device-health-benchmark-" + prefix);
        try {
            awaitRunning(job);
            long running = System.currentTimeMillis();
            Map<String, Long> markers = new ConcurrentHashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                markers.put(BenchmarkFleet.fault(MARKER_BASE + partition, FLEET_START).deviceId(), running);
            }
            List<Long> sinceRunning = collectLatencies(alerts, markers, PARTITIONS, Duration.ofMinutes(10));
            if (sinceRunning.size() < PARTITIONS) {
                throw new IllegalStateException("the job did not get through " + topic + " within 10 min");
            }
            double jobCpu = cpuSecondsOfThreadsNotIn(before);
            double processCpu = processCpuSeconds() - processCpuBefore;
            double seconds = sinceRunning.get(sinceRunning.size() - 1) / 1e3;
            double perSecond = (count + PARTITIONS) / seconds;
            Throughput result = new Throughput(perSecond, 1000 * jobCpu / count, 1000 * processCpu / count);
            System.out.printf(Locale.ROOT, "throughput, %s: %,d events in %.1f s (RUNNING to the last marker's"
                    + " alert) = %,.0f events/s, %,.0f per task slot; job threads %.1f CPU s = %.3f per 1,000 events,"
                    + " whole process %.3f%n", label, count, seconds, perSecond, perSecond / parallelism, jobCpu,
                    result.jobCpuPer1000(), result.processCpuPer1000());
            return result;
        } finally {
            job.cancel().get();
        }
    }

    private java.util.Set<Long> threadIds() {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (long id : threads.getAllThreadIds()) {
            ids.add(id);
        }
        return ids;
    }

    /**
     * CPU seconds of the live threads that did not exist in {@code before}: the job's (the MiniCluster is created
     * when the job is submitted; the Kafka broker, the producers and this thread existed before). Threads that ended
     * before this call are not counted.
     */
    private double cpuSecondsOfThreadsNotIn(java.util.Set<Long> before) {
        long nanos = 0;
        for (long id : threads.getAllThreadIds()) {
            if (!before.contains(id)) {
                long cpu = threads.getThreadCpuTime(id);
                if (cpu > 0) {
                    nanos += cpu;
                }
            }
        }
        return nanos / 1e9;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private List<Long> latency(int parallelism) throws Exception {
        String prefix = "bench.live-p" + parallelism;
        String telemetry = prefix + ".telemetry";
        String alerts = prefix + ".alerts";
        createTopics(PARTITIONS, telemetry);
        createTopics(1, alerts, prefix + ".requests");
        KafkaSource<DeviceEvent> source = KafkaSource.<DeviceEvent>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(telemetry)
                .setGroupId(prefix)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new DeviceEventDeserializer())
                .build();
        StreamExecutionEnvironment env = environment(parallelism);
        job(source, prefix).buildOn(env);
        JobClient job = env.executeAsync("device-health-benchmark-live-p" + parallelism);
        awaitRunning(job);

        BenchmarkFleet fleet = new BenchmarkFleet(devices, FLEET_START, 7 + parallelism);
        AtomicLong sent = new AtomicLong();
        Map<String, Long> faultAppended = new ConcurrentHashMap<>();
        ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
        try (var producer = producer()) {
            int perTick = Math.max(1, rate / 100);
            load.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick; i++) {
                    DeviceEvent event = fleet.event(sent.getAndIncrement());
                    producer.send(new ProducerRecord<>(telemetry, key(event.deviceId()), EventCodec.encode(event)));
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            Thread.sleep(5_000);
            long gapMillis = Math.max(10, 20_000 / Math.max(1, faults));
            for (int i = 0; i < faults; i++) {
                DeviceEvent fault = BenchmarkFleet.fault(i, fleet.deviceTime(sent.get()));
                producer.send(new ProducerRecord<>(telemetry, key(fault.deviceId()), EventCodec.encode(fault)),
                        (metadata, error) -> {
                            if (error == null) {
                                faultAppended.put(fault.deviceId(), metadata.timestamp());
                            }
                        });
                Thread.sleep(gapMillis);
            }
            List<Long> latencies = collectLatencies(alerts, faultAppended, faults, Duration.ofSeconds(60));
            load.shutdownNow();
            load.awaitTermination(5, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "latency, parallelism %d: %d of %d faults alerted under %,d events/s of"
                            + " live load; Kafka append -> alert append p50 %s ms, p99 %s ms, max %s ms%n",
                    parallelism, latencies.size(), faults, rate, percentile(latencies, 50), percentile(latencies, 99),
                    percentile(latencies, 100));
            return latencies;
        } finally {
            load.shutdownNow();
            job.cancel().get();
        }
    }

    /**
     * Reads raised alerts of the devices in {@code since} until {@code expected} of them arrived or the
     * timeout passed; returns, sorted, the Kafka append time of each minus its device's entry.
     */
    private List<Long> collectLatencies(String alertTopic, Map<String, Long> since, int expected, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Long> latencyByDevice = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(alertTopic).stream()
                    .map(p -> new TopicPartition(alertTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (latencyByDevice.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Alert alert = EventCodec.decode(record.value(), Alert.class);
                    Long appended = since.get(alert.deviceId());
                    if (appended != null && alert.state() == Alert.State.RAISED) {
                        latencyByDevice.putIfAbsent(alert.deviceId(), record.timestamp() - appended);
                    }
                }
            }
        }
        List<Long> latencies = new ArrayList<>(latencyByDevice.values());
        Collections.sort(latencies);
        return latencies;
    }

    private DeviceHealthJob job(KafkaSource<DeviceEvent> source, String prefix) {
        String alerts = prefix + ".alerts";
        String requests = prefix + ".requests";
        KafkaRecordSerializationSchema<Alert> alertRecords = (alert, context, timestamp) ->
                new ProducerRecord<>(alerts, key(alert.deviceId()), EventCodec.encode(alert));
        KafkaRecordSerializationSchema<MaintenanceRequest> requestRecords = (request, context, timestamp) ->
                new ProducerRecord<>(requests, key(request.deviceId()), EventCodec.encode(request));
        return new DeviceHealthJob(source,
                KafkaSink.<Alert>builder().setBootstrapServers(kafka.bootstrapServers())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).setRecordSerializer(alertRecords).build(),
                KafkaSink.<MaintenanceRequest>builder().setBootstrapServers(kafka.bootstrapServers())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE).setRecordSerializer(requestRecords).build(),
                DeviceHealthConfig.of(HealthRulesFile.loadDefault()));
    }

    /**
     * The launcher's MiniCluster environment with checkpoints (every 10 s) in a temporary directory:
     * the state of a fleet of thousands of devices is far beyond the 5 MB that checkpoints kept in
     * the JobManager's memory may hold.
     */
    private StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = DeviceHealthJobMain.environment(LaunchOptions.parse(Map.of(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--local", "--parallelism", String.valueOf(parallelism),
                "--checkpoint-dir", checkpoints.toString()));
        if (bufferTimeoutMillis != null) {
            env.setBufferTimeout(bufferTimeoutMillis);
        }
        return env;
    }

    /** Waits until the job runs and returns {@link System#nanoTime()} at that moment. */
    private static long awaitRunning(JobClient job) throws Exception {
        while (true) {
            JobStatus status = job.getJobStatus().get();
            if (status == JobStatus.RUNNING) {
                return System.nanoTime();
            }
            if (status.isGloballyTerminalState()) {
                job.getJobExecutionResult().get();
                throw new IllegalStateException("benchmark job ended before it ran: " + status);
            }
            Thread.sleep(20);
        }
    }

    private void createTopics(int partitions, String... names) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(java.util.Arrays.stream(names)
                    .map(name -> new NewTopic(name, partitions, (short) 1)
                            .configs(Map.of("message.timestamp.type", "LogAppendTime")))
                    .toList()).all().get();
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] key(String deviceId) {
        return deviceId.getBytes(StandardCharsets.UTF_8);
    }

    private static String percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return String.valueOf(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
