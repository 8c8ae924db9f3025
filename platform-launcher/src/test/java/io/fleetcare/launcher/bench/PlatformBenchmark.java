package io.fleetcare.launcher.bench;

import io.fleetcare.events.Alert;
import io.fleetcare.events.EventCodec;
import io.fleetcare.events.Topics;
import io.fleetcare.launcher.BenchmarkPlatform;
import io.fleetcare.simulator.coap.CoapDeviceLink;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * End-to-end benchmark (not a test) of the embedded platform as the demo runs it: broker, Kafka, PostgreSQL, the
 * device-health job, the gateway and the API ({@link BenchmarkPlatform}), plus a light load generator in this JVM
 * (all MQTT connections on one selector thread, the OCPP sessions on a few JDK HTTP clients, a few CoAP devices).
 * <ol>
 *   <li><b>raw baseline</b>: the same MQTT connections publish on {@code devices/{id}/bench}, a channel the gateway
 *       does not subscribe to, and one plain subscriber reads it: what the broker delivers on this machine;</li>
 *   <li><b>ramp</b>: each step offers its rate of mixed telemetry (MQTT, OCPP MeterValues, CoAP) for the step's
 *       length and injects charger faults (StatusNotification GroundFailure, each on a charger of its own); then the
 *       load stops and the step is accounted: acknowledged messages (PUBACK, CALLRESULT, 2.04) against what reached
 *       {@code telemetry.reading} (one row of a marker metric per message, i.e. per eventId), fault -> alert on
 *       {@code device.alerts}, fault -> ticket ({@code ticket.opened_at}).</li>
 * </ol>
 * Ends with the knee: the highest step with 0 lost, p99 fault -> alert below 1 s and p99 fault -> ticket below 2 s.
 * Exits 1 when the run itself broke (platform did not start, devices could not connect, a step could not be read).
 */
public final class PlatformBenchmark {

    private static final String FAULT_CODE = "GroundFailure";
    private static final String FAULT_RULE = "charger.status-fault";

    private final PlatformBenchmarkOptions options;
    private final List<String> report = new ArrayList<>();
    private final Map<String, Long> alertArrivals = new ConcurrentHashMap<>();
    private final Map<String, String> brokerSys = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private PlatformBenchmark(PlatformBenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help")) {
            System.out.print(PlatformBenchmarkOptions.usage());
            return;
        }
        PlatformBenchmarkOptions options;
        try {
            options = PlatformBenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(PlatformBenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        int exit;
        try {
            exit = new PlatformBenchmark(options).run();
        } catch (Exception e) {
            System.err.println("BENCHMARK BROKE: " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /** What one step of the ramp saw. */
    private record Step(int rate, double seconds, Map<String, Long> acked, Map<String, Long> stored,
                        Map<String, Long> storedByEnd, long unacked, List<Long> alertMillis, List<Long> ticketMillis,
                        int faults, long lag, String broker, String processes, double drainSeconds,
                        boolean storeStillGrowing) {

        long ackedTotal() {
            return acked.values().stream().mapToLong(Long::longValue).sum();
        }

        long storedTotal() {
            return stored.values().stream().mapToLong(Long::longValue).sum();
        }

        long lost() {
            long lost = 0;
            for (var e : acked.entrySet()) {
                lost += Math.max(0, e.getValue() - stored.getOrDefault(e.getKey(), 0L));
            }
            return lost;
        }

        double delivered() {
            return storedByEnd.values().stream().mapToLong(Long::longValue).sum() / seconds;
        }

        boolean healthy() {
            return lost() == 0 && alertMillis.size() == faults && ticketMillis.size() == faults
                    && percentile(alertMillis, 99) < 1_000 && percentile(ticketMillis, 99) < 2_000;
        }
    }

    private int run() throws Exception {
        Path data = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("fleetcare-platform-bench");
        List<String> boxes = ids("PB-STB-", options.mqttDevices());
        List<String> chargers = ids("PB-CP-", options.ocppSessions());
        List<String> coapBoxes = ids("PB-COAP-", options.coapDevices());
        if (!options.childJvmOptions().isBlank()) {
            System.setProperty("fleetcare.child-jvm-options", options.childJvmOptions());
        }
        settings(data);
        ProcessSample.DATA_DIR = data.toAbsolutePath().normalize().resolve("postgres").toString();
        say("starting the embedded platform (data and logs in %s)", data);
        long t0 = System.nanoTime();
        try (BenchmarkPlatform bench = BenchmarkPlatform.start(options.home(), data, boxes, coapBoxes, chargers)) {
            var platform = bench.platform();
            say("platform up in %.0f s: %s broker at %s, Kafka at %s, gateway %s, API %s", (System.nanoTime() - t0) / 1e9,
                    platform.broker().kind(), platform.broker().serverUri(), platform.kafkaBootstrapServers(),
                    platform.gatewayUrl(), platform.apiUrl());
            Thread alerts = startAlertReader(platform.kafkaBootstrapServers());
            MqttAsyncClient sys = brokerSysReader(platform.broker().serverUri(), bench.brokerServiceUser(),
                    bench.brokerServicePassword());
            MqttDeviceLoad devices = new MqttDeviceLoad(platform.broker().serverUri(), boxes, platform::deviceSecret,
                    (id, seq) -> TelemetryBody.of(Instant.now(), seq));
            try (OcppSessionLoad sessions = new OcppSessionLoad(platform.ocppBaseUri(), platform::deviceSecret, 4);
                 CoapLoad coap = new CoapLoad(platform.coapsUri(), coapBoxes, platform::deviceSecret);
                 Connection db = DriverManager.getConnection(platform.jdbcUrl(), platform.postgresUser(),
                         platform.postgresPassword());
                 Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                         platform.kafkaBootstrapServers()))) {
                t0 = System.nanoTime();
                devices.connectAll(options.connectAtOnce());
                say("MQTT: %d of %d connected in %.1f s, %d failed %s", devices.connected.get(), boxes.size(),
                        (System.nanoTime() - t0) / 1e9, devices.connectFailures.get(), devices.failureSamples());
                t0 = System.nanoTime();
                sessions.connectAll(chargers, Math.min(options.connectAtOnce(), 50));
                say("OCPP: %d of %d booted in %.1f s, %d failed %s", sessions.connected(), chargers.size(),
                        (System.nanoTime() - t0) / 1e9, sessions.connectFailures.get(), sessions.failureSamples());
                if (devices.connected.get() == 0 || sessions.connected() == 0) {
                    say("BROKEN: devices could not connect");
                    return 1;
                }
                double raw = rawBaseline(devices, bench);
                List<String> faultChargers = new ArrayList<>(sessions.sessionIds());
                List<Step> steps = new ArrayList<>();
                for (int rate : options.rates()) {
                    steps.add(step(rate, devices, sessions, coap, db, admin, faultChargers));
                    printStep(steps.get(steps.size() - 1));
                }
                finish(steps, raw, devices, sessions, coap, platform.gatewayUrl());
            } finally {
                running = false;
                devices.close();
                sys.disconnectForcibly(1_000);
                sys.close();
                alerts.join(5_000);
            }
        }
        System.out.println();
        report.forEach(System.out::println);
        return 0;
    }

    private void settings(Path data) {
        report.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + memTotal() + " RAM, " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version"));
        report.add("load average before (1/5/15 min): " + loadAverage());
        report.add(String.format(Locale.ROOT, "settings: %d MQTT boxes, %d OCPP chargers, %d CoAP boxes; rates %s msg/s;"
                        + " shares MQTT %.2f / CoAP %.2f / OCPP %.2f; step %d s; %d faults per step; raw baseline %d msg/s"
                        + " offered for %d s; drain at most %d s; child JVM options \"%s\"; data %s",
                options.mqttDevices(), options.ocppSessions(), options.coapDevices(), options.rates(),
                options.mqttShare(), options.coapShare(), 1 - options.mqttShare() - options.coapShare(),
                options.stepSeconds(), options.faultsPerStep(), options.rawRate(), options.rawSeconds(),
                options.drainSeconds(), options.childJvmOptions(), data));
    }

    // ---------------------------------------------------------------- raw baseline

    private double rawBaseline(MqttDeviceLoad devices, BenchmarkPlatform bench) throws Exception {
        say("== raw baseline: %d MQTT connections -> broker -> one plain subscriber (channel devices/+/bench) ==",
                devices.connected.get());
        devices.publishOn("bench");
        try (RawBrokerSubscriber subscriber = RawBrokerSubscriber.start(bench.platform().broker().serverUri(),
                bench.brokerServiceUser(), bench.brokerServicePassword(), "devices/+/bench")) {
            devices.publishAt(options.rawRate());
            Thread.sleep(5_000);
            long sentBefore = devices.published.get();
            long arrivedBefore = subscriber.meter().total();
            subscriber.meter().openWindow();
            long opened = System.nanoTime();
            Thread.sleep(options.rawSeconds() * 1_000L);
            double seconds = (System.nanoTime() - opened) / 1e9;
            long arrived = subscriber.meter().total() - arrivedBefore;
            long sent = devices.published.get() - sentBefore;
            LatencySamples.Summary latency = subscriber.meter().closeWindow().summary();
            devices.publishAt(0);
            devices.awaitAcks(30_000);
            Thread.sleep(2_000);
            devices.publishOn("telemetry");
            double rate = arrived / seconds;
            String line = String.format(Locale.ROOT, "raw baseline: offered %.0f msg/s, delivered %.0f msg/s to one plain"
                            + " subscriber, latency p50 %.1f ms / p99 %.1f ms (%.0f s window)", sent / seconds, rate,
                    latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0, seconds);
            say("%s", line);
            report.add(line);
            return rate;
        }
    }

    // ---------------------------------------------------------------- one step

    private Step step(int rate, MqttDeviceLoad devices, OcppSessionLoad sessions, CoapLoad coap, Connection db,
                      Admin admin, List<String> faultChargers) throws Exception {
        double mqttRate = rate * options.mqttShare();
        double coapRate = options.coapDevices() == 0 ? 0 : rate * options.coapShare();
        double ocppRate = rate - mqttRate - coapRate;
        say("== step %d msg/s (MQTT %.0f, OCPP %.0f, CoAP %.0f) for %d s ==", rate, mqttRate, ocppRate, coapRate,
                options.stepSeconds());
        long mqttAcked0 = devices.acknowledged.get();
        long mqttPublished0 = devices.published.get();
        long ocppAnswered0 = sessions.answered.get();
        long ocppSent0 = sessions.sent.get();
        long coapAccepted0 = coap.accepted.get();
        long coapPosted0 = coap.posted.get();
        ProcessSample before = ProcessSample.take();
        Instant from = Instant.now().minusSeconds(1);
        long started = System.nanoTime();
        devices.publishAt(mqttRate);
        sessions.sendAt(ocppRate, null);
        coap.postAt(coapRate);
        Map<String, Instant> faults = new LinkedHashMap<>();
        for (int i = 0; i < options.faultsPerStep(); i++) {
            long at = (long) ((i + 0.5) / options.faultsPerStep() * options.stepSeconds() * 1e9);
            sleepUntil(started + at);
            String charger = faultChargers.remove(0);
            Instant sent = sessions.statusFault(charger, FAULT_CODE);
            if (sent != null) {
                faults.put(charger, sent);
            } else {
                say("  could not send the fault of %s (session busy or closed)", charger);
            }
        }
        sleepUntil(started + options.stepSeconds() * 1_000_000_000L);
        long lag = consumerLag(admin);
        String broker = brokerLine();
        ProcessSample after = ProcessSample.take();
        devices.publishAt(0);
        sessions.sendAt(0, null);
        coap.postAt(0);
        double seconds = (System.nanoTime() - started) / 1e9;
        Instant to = Instant.now().plusSeconds(1);
        Map<String, Long> storedByEnd = stored(db, from, to);
        say("  load stopped; consumer lag %d records, %.0f msg/s stored during the step; draining", lag,
                storedByEnd.values().stream().mapToLong(Long::longValue).sum() / seconds);
        long drainStart = System.nanoTime();
        devices.awaitAcks(30_000);
        sessions.awaitAnswers(30_000);
        coap.awaitAnswers(30_000);
        Map<String, Long> acked = new LinkedHashMap<>();
        acked.put("MQTT", devices.acknowledged.get() - mqttAcked0);
        // the faults' StatusNotifications are answered too, but store no MeterValues reading
        acked.put("OCPP", sessions.answered.get() - ocppAnswered0 - faults.size());
        acked.put("CoAP", coap.accepted.get() - coapAccepted0);
        long unacked = (devices.published.get() - mqttPublished0) + (sessions.sent.get() - ocppSent0)
                + (coap.posted.get() - coapPosted0) - acked.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> stored = awaitStored(db, from, to, acked);
        boolean stillGrowing = !stored.equals(stored(db, from, to));
        Map<String, Long> tickets = awaitTickets(db, faults);
        double drained = (System.nanoTime() - drainStart) / 1e9;
        List<Long> alertMillis = new ArrayList<>();
        List<Long> ticketMillis = new ArrayList<>();
        faults.forEach((charger, sent) -> {
            Long alertAt = alertArrivals.get(charger);
            if (alertAt != null) {
                alertMillis.add(alertAt - sent.toEpochMilli());
            }
            Long ticketAt = tickets.get(charger);
            if (ticketAt != null) {
                ticketMillis.add(ticketAt - sent.toEpochMilli());
            }
        });
        return new Step(rate, seconds, acked, stored, storedByEnd, unacked, alertMillis, ticketMillis,
                options.faultsPerStep(), lag, broker, after.minus(before, seconds), drained, stillGrowing);
    }

    /** Messages of the benchmark's devices in the store with a device time in the window, by protocol. */
    private static Map<String, Long> stored(Connection db, Instant from, Instant to) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("MQTT", 0L, "OCPP", 0L, "CoAP", 0L));
        try (PreparedStatement query = db.prepareStatement("""
                SELECT CASE WHEN device_id LIKE 'PB-STB-%' THEN 'MQTT' WHEN device_id LIKE 'PB-COAP-%' THEN 'CoAP'
                            ELSE 'OCPP' END, count(*)
                  FROM telemetry.reading
                 WHERE ts >= ? AND ts <= ? AND device_id LIKE 'PB-%'
                   AND (metric = 'uptime_s' OR (device_id LIKE 'PB-CP-%' AND metric LIKE '%energy_wh'))
                 GROUP BY 1""")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                return counts; // the job has not created the schema yet
            }
            throw e;
        }
        return counts;
    }

    /** Waits until every acknowledged message is stored, or the count has not grown for 20 s, or the drain limit. */
    private Map<String, Long> awaitStored(Connection db, Instant from, Instant to, Map<String, Long> acked)
            throws Exception {
        long ackedTotal = acked.values().stream().mapToLong(Long::longValue).sum();
        long end = System.nanoTime() + options.drainSeconds() * 1_000_000_000L;
        long last = -1;
        long grewAt = System.nanoTime();
        while (true) {
            Map<String, Long> stored = stored(db, from, to);
            long total = stored.values().stream().mapToLong(Long::longValue).sum();
            boolean complete = acked.entrySet().stream()
                    .allMatch(e -> stored.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (complete || System.nanoTime() > end) {
                return stored;
            }
            if (total != last) {
                last = total;
                grewAt = System.nanoTime();
            } else if (System.nanoTime() - grewAt > 20_000_000_000L) {
                return stored;
            }
            if (ackedTotal > 0) {
                Thread.sleep(2_000);
            }
        }
    }

    /** Ticket opening times (epoch ms) of the faulted chargers; waits until all are there or the drain limit. */
    private Map<String, Long> awaitTickets(Connection db, Map<String, Instant> faults) throws Exception {
        Map<String, Long> opened = new HashMap<>();
        long end = System.nanoTime() + options.drainSeconds() * 1_000_000_000L;
        while (opened.size() < faults.size() && System.nanoTime() < end) {
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT device_id, min(opened_at) FROM ticket WHERE rule_id = ? AND device_id = ANY(?) GROUP BY 1")) {
                query.setString(1, FAULT_RULE);
                query.setArray(2, db.createArrayOf("text", faults.keySet().toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        opened.put(rows.getString(1), rows.getTimestamp(2).getTime());
                    }
                }
            }
            if (opened.size() < faults.size()) {
                Thread.sleep(500);
            }
        }
        return opened;
    }

    /** Records not yet consumed, summed over every consumer group (committed offsets: the job commits on checkpoints). */
    private static long consumerLag(Admin admin) {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                for (var e : committed.entrySet()) {
                    if (e.getValue() != null && ends.containsKey(e.getKey())) {
                        lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                    }
                }
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- readers

    private Thread startAlertReader(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "platform-benchmark");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of(Topics.DEVICE_ALERTS));
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.currentTimeMillis();
                        try {
                            Alert alert = EventCodec.decode(record.value(), Alert.class);
                            if (alert.state() == Alert.State.RAISED && FAULT_RULE.equals(alert.ruleId())) {
                                alertArrivals.putIfAbsent(alert.deviceId(), now);
                            }
                        } catch (RuntimeException unreadable) {
                            // not an alert of ours
                        }
                    }
                }
            }
        }, "bench-alert-reader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Mosquitto's {@code $SYS} counters, if the service account may read them. */
    private MqttAsyncClient brokerSysReader(String uri, String user, String password) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, "bench-sys-reader", new MemoryPersistence());
        MqttConnectionOptions connect = new MqttConnectionOptions();
        connect.setUserName(user);
        connect.setPassword(password.getBytes(StandardCharsets.UTF_8));
        connect.setCleanStart(true);
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
                brokerSys.put(topic.substring("$SYS/broker/".length()),
                        new String(message.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse response) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException exception) {
            }

            @Override
            public void deliveryComplete(IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties properties) {
            }
        });
        client.connect(connect).waitForCompletion(10_000);
        IMqttToken token = client.subscribe(new MqttSubscription[] {new MqttSubscription("$SYS/broker/#", 0)});
        token.waitForCompletion(10_000);
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            brokerSys.put("(refused)", "the broker refused $SYS to the service account (reason 0x"
                    + Integer.toHexString(codes[0]) + ")");
        }
        return client;
    }

    private String brokerLine() {
        if (brokerSys.containsKey("(refused)")) {
            return brokerSys.get("(refused)");
        }
        if (brokerSys.isEmpty()) {
            return "no $SYS counters received (the broker does not give them to the service account)";
        }
        return "stored " + brokerSys.getOrDefault("store/messages/count", brokerSys.getOrDefault("messages/stored", "-"))
                + ", dropped " + brokerSys.getOrDefault("publish/messages/dropped", "-")
                + ", clients " + brokerSys.getOrDefault("clients/connected", "-");
    }

    // ---------------------------------------------------------------- output

    private void printStep(Step s) {
        String line = String.format(Locale.ROOT,
                "%7d %9.0f %9d %9d %7d %7d %7s/%-7s %7s/%-7s %6s %7d %7.0f",
                s.rate(), s.delivered(), s.ackedTotal(), s.storedTotal(), s.lost(), s.unacked(),
                ms(percentile(s.alertMillis(), 50)), ms(percentile(s.alertMillis(), 99)),
                ms(percentile(s.ticketMillis(), 50)), ms(percentile(s.ticketMillis(), 99)),
                s.alertMillis().size() + "/" + s.ticketMillis().size(), s.lag(), s.drainSeconds());
        say("step: %s", line);
        if (report.stream().noneMatch(l -> l.startsWith("offered/s"))) {
            report.add("");
            report.add(String.format(Locale.ROOT, "%s", "offered/s delivered/s    acked    stored    lost unacked"
                    + "  alert p50/p99 ms  ticket p50/p99 ms  a/t of " + options.faultsPerStep() + "  lag  drain s"));
        }
        report.add(line + (s.healthy() ? "" : "   <- past the knee")
                + (s.lost() > 0 && s.storeStillGrowing() ? " (store still catching up when the drain ended:"
                + " missing, not necessarily lost)" : ""));
        report.add("        by protocol acked/stored: " + byProtocol(s) + "; broker: " + s.broker());
        report.add("        " + s.processes());
    }

    private static String byProtocol(Step s) {
        StringBuilder out = new StringBuilder();
        s.acked().forEach((protocol, acked) -> out.append(out.isEmpty() ? "" : ", ").append(protocol).append(' ')
                .append(acked).append('/').append(s.stored().getOrDefault(protocol, 0L)));
        return out.toString();
    }

    private void finish(List<Step> steps, double raw, MqttDeviceLoad devices, OcppSessionLoad sessions,
                        CoapLoad coap, String gatewayUrl) {
        Step knee = null;
        for (Step s : steps) {
            if (s.healthy()) {
                knee = s;
            }
        }
        report.add("");
        report.add("load generator: MQTT " + devices.refused.get() + " publishes refused, " + devices.skipped.get()
                + " turns skipped, " + devices.lostConnections.get() + " connections lost " + devices.failureSamples()
                + "; OCPP " + sessions.callErrors.get() + " CALLERRORs, " + sessions.skipped.get()
                + " turns skipped (CALL outstanding), " + sessions.closedByGateway.get() + " sessions lost; CoAP "
                + coap.refused() + " refused or unanswered");
        report.add("gateway counters: " + gatewayCounters(gatewayUrl));
        if (knee == null) {
            report.add("KNEE: none - no step had 0 lost, p99 fault->alert < 1 s and p99 fault->ticket < 2 s");
        } else {
            report.add(String.format(Locale.ROOT, "KNEE: %d msg/s offered (%.0f delivered/s), %.0f %% of the raw broker"
                            + " baseline (%.0f msg/s); p99 fault->alert %s ms, fault->ticket %s ms", knee.rate(),
                    knee.delivered(), 100 * knee.rate() / Math.max(1, raw), raw,
                    ms(percentile(knee.alertMillis(), 99)), ms(percentile(knee.ticketMillis(), 99))));
        }
        long lostPastKnee = steps.stream().filter(s -> !s.healthy()).mapToLong(Step::lost).sum();
        if (lostPastKnee > 0) {
            report.add("LOST past the knee: " + lostPastKnee + " acknowledged messages not in the store");
        }
        report.add("load average after (1/5/15 min): " + loadAverage());
    }

    private static String gatewayCounters(String gatewayUrl) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body().lines()
                    .filter(l -> l.startsWith("gateway_messages_") || l.startsWith("gateway_kafka_send_failures")
                            || l.startsWith("gateway_spool_events_spooled") || l.startsWith("gateway_broker"))
                    .filter(l -> !l.endsWith(" 0.0"))
                    .map(l -> l.replace("_total", "").replace("gateway_", ""))
                    .collect(java.util.stream.Collectors.joining(", "));
        } catch (java.io.IOException e) {
            return "not readable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not read";
        }
    }

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    private static String ms(long millis) {
        return millis < 0 ? "-" : Long.toString(millis);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(1_000, left / 1_000_000)));
        }
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, "%s%05d", prefix, i)).toList();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.0f GB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0)).findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, "%tT ", System.currentTimeMillis())
                + String.format(Locale.ROOT, format, args));
    }

    // ---------------------------------------------------------------- CoAP devices

    /** A few CoAP set-top boxes (one DTLS endpoint each) posting telemetry round-robin at a total rate. */
    private static final class CoapLoad implements AutoCloseable {

        private final List<CoapDeviceLink> links = new ArrayList<>();
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-coap-ticker");
            t.setDaemon(true);
            return t;
        });
        private final long[] seq;
        final AtomicLong posted = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        private volatile double rate;
        private volatile long since;
        private long issued;
        private int cursor;

        CoapLoad(String coapsUri, List<String> ids, java.util.function.Function<String, String> secretOf)
                throws java.io.IOException {
            for (String id : ids) {
                links.add(CoapDeviceLink.open(coapsUri, id, secretOf.apply(id)));
            }
            seq = new long[ids.size()];
            ticker.scheduleAtFixedRate(this::due, 10, 10, TimeUnit.MILLISECONDS);
        }

        synchronized void postAt(double perSecond) {
            issued = 0;
            since = System.nanoTime();
            rate = perSecond;
        }

        private synchronized void due() {
            if (rate <= 0 || links.isEmpty()) {
                return;
            }
            long due = (long) (rate * (System.nanoTime() - since) / 1e9) - issued;
            for (long i = 0; i < due; i++) {
                issued++;
                int device = cursor;
                cursor = (cursor + 1) % links.size();
                CoapDeviceLink link = links.get(device);
                link.post("telemetry", TelemetryBody.of(Instant.now(), seq[device]++));
                posted.incrementAndGet();
            }
        }

        long refused() {
            return links.stream().mapToLong(CoapDeviceLink::refused).sum();
        }

        /** Waits for answers; accepted = posted - refused (a post without an answer yet counts as refused later). */
        void awaitAnswers(long millis) throws InterruptedException {
            Thread.sleep(Math.min(millis, 3_000));
            accepted.set(posted.get() - refused());
        }

        @Override
        public void close() throws InterruptedException {
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            links.forEach(CoapDeviceLink::close);
        }
    }

    // ---------------------------------------------------------------- per-process figures

    /** CPU seconds, RSS and GC time of the platform's processes at one moment. */
    private record ProcessSample(long at, Map<String, double[]> byName) {

        /** The benchmark's data directory, set once at start. */
        static String DATA_DIR = "/nowhere/";

        private static final List<String> NAMES = List.of("bench+kafka", "mosquitto", "postgres", "gateway",
                "stream-job", "api", "machine");

        static ProcessSample take() {
            Map<String, double[]> values = new LinkedHashMap<>();
            NAMES.forEach(n -> values.put(n, new double[3]));
            values.get("machine")[0] = CpuUse.ofMachine();
            long self = ProcessHandle.current().pid();
            add(values.get("bench+kafka"), self, ownGcSeconds());
            // the embedded PostgreSQL's server detaches from this JVM (pg_ctl): found by its data directory
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(DATA_DIR))
                            .orElse(false))
                    .forEach(postmaster -> {
                        add(values.get("postgres"), postmaster.pid(), 0);
                        postmaster.descendants().forEach(backend -> add(values.get("postgres"), backend.pid(), 0));
                    });
            ProcessHandle.current().descendants().forEach(p -> {
                String command = p.info().commandLine().orElse("");
                String name = command.contains("mosquitto") ? "mosquitto"
                        : command.contains("device-gateway") ? "gateway"
                        : command.contains("service-api") ? "api"
                        : command.contains("DeviceHealthJobMain") || command.contains("stream-jobs") ? "stream-job"
                        : null;
                if (name != null) {
                    boolean jvm = !name.equals("mosquitto") && !name.equals("postgres");
                    add(values.get(name), p.pid(), jvm ? jstatGcSeconds(p.pid()) : 0);
                }
            });
            return new ProcessSample(System.nanoTime(), values);
        }

        private static void add(double[] into, long pid, double gc) {
            into[0] += CpuUse.ofProcess(pid);
            into[1] += rssMb(pid);
            into[2] += gc;
        }

        /** "name cores RSS MB GC s" per process over the window from {@code earlier} to this sample. */
        String minus(ProcessSample earlier, double seconds) {
            StringBuilder out = new StringBuilder("CPU cores / RSS MB / GC s (machine = every process on it):");
            byName.forEach((name, v) -> {
                double[] e = earlier.byName.get(name);
                out.append(String.format(Locale.ROOT, " %s %.2f/%.0f/%.1f", name, (v[0] - e[0]) / seconds, v[1],
                        v[2] - e[2]));
            });
            return out.toString();
        }

        private static double rssMb(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // the process ended
            }
            return 0;
        }

        private static double ownGcSeconds() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() / 1000.0;
        }

        /** GCT of {@code jstat -gc} (seconds of GC since the JVM started); 0 when jstat is not there. */
        private static double jstatGcSeconds(long pid) {
            try {
                Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                        "-gc", Long.toString(pid)).redirectErrorStream(true).start();
                List<String> lines = new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .lines().toList();
                jstat.waitFor(10, TimeUnit.SECONDS);
                if (lines.size() < 2) {
                    return 0;
                }
                String[] head = lines.get(0).trim().split("\\s+");
                String[] row = lines.get(1).trim().split("\\s+");
                for (int i = 0; i < head.length && i < row.length; i++) {
                    if (head[i].equals("GCT")) {
                        return Double.parseDouble(row[i]);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }
}
