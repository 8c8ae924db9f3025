package io.fleetcare.launcher.bench;

import io.fleetcare.events.Protocol;
import io.fleetcare.launcher.GatewayStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * Benchmark (not a test) of the device gateway's ingest path on this machine. Starts Kafka, the MQTT broker and the
 * gateway alone ({@link GatewayStack}), connects the MQTT devices (one connection and broker account each), then:
 * <ol>
 *   <li><b>raw</b>: before the gateway exists, the devices publish at the MQTT rate and one plain subscriber on the
 *       service account measures what the broker delivers (msg/s, publish-to-delivery latency): the baseline;</li>
 *   <li><b>gateway</b>: the subscriber leaves, the gateway starts and the OCPP sessions connect; the same devices
 *       publish at the same rate while the sessions send MeterValues; a consumer of {@code device.telemetry}
 *       measures msg/s and send-to-Kafka-consumer latency per protocol; the sessions measure CALL-to-CALLRESULT.</li>
 * </ol>
 * Prints a table. Asserts nothing.
 */
public final class GatewayBenchmark {

    private final BenchmarkOptions options;
    private final List<String> lines = new ArrayList<>();

    private GatewayBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchmarkOptions.usage());
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.usage());
            System.exit(2);
            return;
        }
        new GatewayBenchmark(options).run();
        System.exit(0);
    }

    /** What a measuring window saw. */
    private record Window(String path, double seconds, long sent, long arrived, LatencySamples.Summary latency,
                          LatencySamples.Summary toKafka, long missing) {
    }

    /** CPU seconds at one moment, per process. */
    private record Cpu(double bench, double broker, double gateway, double machine) {

        Cpu minus(Cpu earlier) {
            return new Cpu(bench - earlier.bench, broker - earlier.broker, gateway - earlier.gateway,
                    machine - earlier.machine);
        }
    }

    private void run() throws Exception {
        Path data = options.dataDir() != null ? options.dataDir()
                : Files.createTempDirectory("fleetcare-gateway-bench");
        List<String> chargers = ids("BENCH-CP-", options.ocppSessions());
        List<String> boxes = ids("BENCH-STB-", options.mqttDevices());
        say("data and logs in %s%s", data,
                options.dataDir() == null ?  " (Kafka's and the broker's data are deleted at the end, logs kept)" : "");
        say("starting Kafka and the MQTT broker with %d device accounts", boxes.size());
        try (GatewayStack stack = GatewayStack.startInfrastructure(options.home(), data, chargers, boxes,
                options.gatewayJvmArgs())) {
            say("%s broker at %s, Kafka at %s", stack.brokerKind(), stack.brokerUri(), stack.kafkaBootstrapServers());
            MqttDeviceLoad devices = new MqttDeviceLoad(stack.brokerUri(), boxes, stack::deviceSecret,
                    (id, seq) -> TelemetryBody.of(Instant.now(), seq));
            try {
                long t0 = System.nanoTime();
                devices.connectAll(options.connectAtOnce());
                say("MQTT: %d of %d devices connected in %.1f s, %d failed %s", devices.connected.get(), boxes.size(),
                        (System.nanoTime() - t0) / 1e9, devices.connectFailures.get(), devices.failureSamples());
                if (options.memory()) {
                    memoryPhase(stack, devices, chargers, data);
                } else {
                    Window raw = rawPhase(stack, devices);
                    gatewayPhase(stack, devices, chargers, raw);
                }
            } finally {
                devices.close();
            }
        }
        if (options.dataDir() == null) {
            deleteTree(data.resolve("kafka"));
            deleteTree(data.resolve("mqtt").resolve("data"));
        }
        System.out.println();
        lines.forEach(System.out::println);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Window rawPhase(GatewayStack stack, MqttDeviceLoad devices) throws Exception {
        if (options.mqttDevices() == 0) {
            return null;
        }
        say("");
        say("== phase 1: raw broker (no gateway running) ==");
        try (RawBrokerSubscriber subscriber = RawBrokerSubscriber.start(stack.brokerUri(), stack.serviceUser(),
                stack.servicePassword())) {
            long publishedBefore = devices.published.get();
            ramp(rate -> devices.publishAt(rate * options.mqttRate()), subscriber.meter()::total);
            awaitCaughtUp(() -> devices.published.get() - publishedBefore - subscriber.meter().total(),
                    options.mqttRate());
            long sentAtOpen = devices.published.get();
            Cpu cpuAtOpen = cpu();
            long openedAt = System.nanoTime();
            subscriber.meter().openWindow();
            sleepReporting(options.duration(), "measuring", subscriber.meter()::total);
            LatencySamples latency = subscriber.meter().closeWindow();
            double seconds = (System.nanoTime() - openedAt) / 1e9;
            long arrived = subscriber.meter().inWindow();
            Cpu cpuUsed = cpu().minus(cpuAtOpen);
            long sent = devices.published.get() - sentAtOpen;
            devices.publishAt(0);
            devices.awaitAcks(30_000);
            long phaseSent = devices.published.get() - publishedBefore;
            awaitStable(subscriber.meter()::total, phaseSent);
            long missing = phaseSent - subscriber.meter().total();
            Window window = new Window("MQTT -> " + stack.brokerKind() + " -> subscriber", seconds, sent, arrived,
                    latency.summary(), null, missing);
            say("raw: %s", describe(window));
            lines.add(String.format(Locale.ROOT, "machine: %d cores, load average at the end of phase 1: %s",
                    Runtime.getRuntime().availableProcessors(), loadAverage()));
            lines.add("");
            lines.add("phase 1, raw broker (" + options.mqttDevices() + " MQTT devices, " + options.duration().toSeconds()
                    + " s window after " + options.warmup().toSeconds() + " s warm-up):");
            lines.add(header());
            lines.add(row(window));
            lines.add(cpuLine(cpuUsed, seconds, false));
            lines.add("  devices: " + devices.skipped.get() + " turns skipped (" + MqttDeviceLoad.MAX_IN_FLIGHT_PER_DEVICE
                    + " unacknowledged), " + devices.refused.get() + " publishes refused, "
                    + devices.lostConnections.get() + " connections lost; subscriber could not read "
                    + subscriber.unreadable.get());
            return window;
        }
    }

    private void gatewayPhase(GatewayStack stack, MqttDeviceLoad devices, List<String> chargers, Window raw)
            throws Exception {
        say("");
        say("== phase 2: gateway ==");
        long t0 = System.nanoTime();
        stack.startGateway();
        long readyAt = System.nanoTime();
        say("gateway ready at %s in %.1f s (log %s)", stack.gatewayUrl(), (readyAt - t0) / 1e9,
                stack.gatewayLog());
        try (OcppSessionLoad sessions = new OcppSessionLoad(stack.ocppBaseUri(), stack::deviceSecret,
                options.ocppHttpClients())) {
            t0 = System.nanoTime();
            sessions.connectAll(chargers, Math.min(options.connectAtOnce(), 50));
            say("OCPP: %d of %d sessions booted in %.1f s, %d failed %s", sessions.connected(), chargers.size(),
                    (System.nanoTime() - t0) / 1e9, sessions.connectFailures.get(), sessions.failureSamples());
            try (KafkaTelemetrySink sink = new KafkaTelemetrySink(stack.kafkaBootstrapServers())) {
                ProtocolMeter mqtt = sink.meter(Protocol.MQTT);
                ProtocolMeter ocpp = sink.meter(Protocol.OCPP16);
                LongSupplier arrivedTotal = () -> mqtt.total() + ocpp.total();
                long mqttBefore = devices.published.get();
                long ocppBefore = sessions.sent.get();
                if (options.firstSeconds() > 0) {
                    devices.publishAt(options.mqttRate());
                    sessions.sendAt(options.ocppRate(), null);
                    firstSeconds(readyAt, arrivedTotal, stack.gatewayUrl());
                } else {
                    ramp(rate -> {
                        devices.publishAt(rate * options.mqttRate());
                        sessions.sendAt(rate * options.ocppRate(), null);
                    }, arrivedTotal);
                }
                awaitCaughtUp(() -> devices.published.get() - mqttBefore + sessions.sent.get() - ocppBefore
                        - arrivedTotal.getAsLong(), options.mqttRate() + options.ocppRate());
                long mqttAtOpen = devices.published.get();
                long ocppAtOpen = sessions.sent.get();
                long skippedAtOpen = sessions.skipped.get();
                long errorsAtOpen = sessions.callErrors.get() + sessions.sendErrors.get();
                LatencySamples roundTrips = new LatencySamples();
                Cpu cpuAtOpen = cpu();
                long openedAt = System.nanoTime();
                mqtt.openWindow();
                ocpp.openWindow();
                sink.appendMeter(Protocol.MQTT).openWindow();
                sink.appendMeter(Protocol.OCPP16).openWindow();
                sessions.sendAt(options.ocppRate(), roundTrips);
                sleepReporting(options.duration(), "measuring", arrivedTotal);
                sessions.sendAt(options.ocppRate(), null);
                LatencySamples mqttLatency = mqtt.closeWindow();
                LatencySamples ocppLatency = ocpp.closeWindow();
                LatencySamples mqttToKafka = sink.appendMeter(Protocol.MQTT).closeWindow();
                LatencySamples ocppToKafka = sink.appendMeter(Protocol.OCPP16).closeWindow();
                double seconds = (System.nanoTime() - openedAt) / 1e9;
                Cpu cpuUsed = cpu().minus(cpuAtOpen);
                long mqttArrived = mqtt.inWindow();
                long ocppArrived = ocpp.inWindow();
                long mqttSent = devices.published.get() - mqttAtOpen;
                long ocppSent = sessions.sent.get() - ocppAtOpen;
                long ocppSkipped = sessions.skipped.get() - skippedAtOpen;
                long ocppErrors = sessions.callErrors.get() + sessions.sendErrors.get() - errorsAtOpen;
                devices.publishAt(0);
                sessions.sendAt(0, null);
                devices.awaitAcks(60_000);
                sessions.awaitAnswers(60_000);
                long mqttPhase = devices.published.get() - mqttBefore;
                long ocppPhase = sessions.sent.get() - ocppBefore;
                awaitStable(arrivedTotal, mqttPhase + ocppPhase);
                Window gatewayMqtt = new Window("MQTT -> " + stack.brokerKind() + " -> gateway -> Kafka", seconds,
                        mqttSent, mqttArrived, mqttLatency.summary(), mqttToKafka.summary(), mqttPhase - mqtt.total());
                Window gatewayOcpp = new Window("OCPP -> gateway -> Kafka", seconds, ocppSent, ocppArrived,
                        ocppLatency.summary(), ocppToKafka.summary(), ocppPhase - ocpp.total());
                say("gateway MQTT: %s", describe(gatewayMqtt));
                say("gateway OCPP: %s", describe(gatewayOcpp));
                LatencySamples.Summary rtt = roundTrips.summary();
                lines.add("");
                lines.add("phase 2, gateway (" + options.mqttDevices() + " MQTT devices, " + sessions.connected()
                        + " OCPP sessions, " + options.duration().toSeconds() + " s window after "
                        + options.warmup().toSeconds() + " s warm-up; gateway JVM " + options.gatewayJvmArgs() + "):");
                lines.add(header());
                if (options.mqttDevices() > 0) {
                    lines.add(row(gatewayMqtt));
                }
                if (!chargers.isEmpty()) {
                    lines.add(row(gatewayOcpp));
                }
                lines.add(cpuLine(cpuUsed, seconds, true));
                lines.add(String.format(Locale.ROOT, "  send -> appended to Kafka (record LogAppendTime, ms precision) p50/p99 ms:"
                        + " MQTT %s, OCPP %s", pair(gatewayMqtt.toKafka()), pair(gatewayOcpp.toKafka())));
                lines.add(String.format(Locale.ROOT, "  OCPP MeterValues CALL -> CALLRESULT: p50 %s ms, p99 %s ms, max %s"
                        + " ms (%d answers); CALLERRORs and send errors %d; turns skipped (CALL outstanding) %d;"
                        + " sessions lost %d", ms(rtt.percentile(50)), ms(rtt.percentile(99)), ms(rtt.max()), rtt.count(),
                        ocppErrors, ocppSkipped, sessions.closedByGateway.get()));
                lines.add("  MQTT devices: " + devices.refused.get() + " publishes refused, "
                        + devices.lostConnections.get() + " connections lost " + devices.failureSamples()
                        + "; events other than METRICS " + sink.otherEvents.get() + ", unreadable " + sink.unreadable.get());
                lines.add("  gateway's own counters at the end: " + gatewayCounters(stack.gatewayUrl()));
                if (raw != null && options.mqttDevices() > 0) {
                    lines.add("");
                    lines.add(String.format(Locale.ROOT,
                            "gateway MQTT vs raw broker: %.2f x the msg/s (%.0f vs %.0f); latency p50 %s vs %s ms,"
                                    + " p99 %s vs %s ms (+%s ms)",
                            rate(gatewayMqtt) / Math.max(1e-9, rate(raw)), rate(gatewayMqtt), rate(raw),
                            ms(gatewayMqtt.latency().percentile(50)), ms(raw.latency().percentile(50)),
                            ms(gatewayMqtt.latency().percentile(99)), ms(raw.latency().percentile(99)),
                            ms(gatewayMqtt.latency().percentile(99) - raw.latency().percentile(99))));
                }
                lines.add(String.format(Locale.ROOT, "load average at the end (1/5/15 min): %s", loadAverage()));
            }
        }
    }

    /**
     * Memory mode: the gateway with every OCPP session (in a child JVM: 10,000 sessions and 10,000 MQTT connections
     * do not fit into one process's open-files limit) and every MQTT device sending at the given rates for the
     * window, then the gateway's heap after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}; the live bytes of
     * {@code GC.class_histogram}, which collects again), its RSS and its threads.
     */
    private void memoryPhase(GatewayStack stack, MqttDeviceLoad devices, List<String> chargers, Path data)
            throws Exception {
        say("");
        say("== memory mode: %d OCPP sessions and %d MQTT devices on one gateway ==", chargers.size(),
                devices.connected.get());
        long t0 = System.nanoTime();
        stack.startGateway();
        say("gateway ready at %s in %.1f s (log %s)", stack.gatewayUrl(), (System.nanoTime() - t0) / 1e9,
                stack.gatewayLog());
        long gatewayPid = CpuUse.childWith("quarkus-run.jar");
        String idle = gatewayMemory(gatewayPid, false);
        say("gateway before any session: %s", idle);
        java.util.Map<String, String> secrets = new java.util.LinkedHashMap<>();
        chargers.forEach(id -> secrets.put(id, stack.deviceSecret(id)));
        try (KafkaTelemetrySink sink = new KafkaTelemetrySink(stack.kafkaBootstrapServers());
             OcppLoadProcess.Child ocpp = OcppLoadProcess.Child.start(stack.ocppBaseUri(), secrets,
                     data.resolve("ocpp-load"), Math.min(options.connectAtOnce(), 50), options.ocppHttpClients(),
                     options.ocppRate(), "1g")) {
            t0 = System.nanoTime();
            String connected = chargers.isEmpty() ? "CONNECTED 0 0 []" : ocpp.connected();
            say("OCPP (child JVM, pid %d): %s in %.1f s", ocpp.pid(), connected, (System.nanoTime() - t0) / 1e9);
            ProtocolMeter mqtt = sink.meter(Protocol.MQTT);
            ProtocolMeter ocppMeter = sink.meter(Protocol.OCPP16);
            LongSupplier arrivedTotal = () -> mqtt.total() + ocppMeter.total();
            ramp(rate -> devices.publishAt(rate * options.mqttRate()), arrivedTotal);
            Cpu cpuAtOpen = cpu();
            double childCpuAtOpen = CpuUse.ofProcess(ocpp.pid());
            long openedAt = System.nanoTime();
            sleepReporting(options.duration(), "measuring", arrivedTotal);
            double seconds = (System.nanoTime() - openedAt) / 1e9;
            Cpu cpuUsed = cpu().minus(cpuAtOpen);
            double childCpu = CpuUse.ofProcess(ocpp.pid()) - childCpuAtOpen;
            String stats = chargers.isEmpty() ? "-" : ocpp.stats();
            String loaded = gatewayMemory(gatewayPid, true);
            say("gateway under load: %s", loaded);
            String[] connectedFields = connected.split(" ");
            lines.add(String.format(Locale.ROOT, "machine: %d cores, open files limit per process %s",
                    Runtime.getRuntime().availableProcessors(), openFilesLimit()));
            lines.add("");
            lines.add("memory mode (" + connectedFields[1] + " of " + chargers.size() + " OCPP sessions booted, "
                    + devices.connected.get() + " of " + options.mqttDevices() + " MQTT devices connected; "
                    + options.duration().toSeconds() + " s window after " + options.warmup().toSeconds()
                    + " s warm-up at " + (long) options.mqttRate() + " MQTT + " + (long) options.ocppRate()
                    + " OCPP msg/s; gateway JVM " + options.gatewayJvmArgs() + "):");
            lines.add("  gateway idle, before the sessions: " + idle);
            lines.add("  gateway with every session and device, at the end of the window: " + loaded);
            lines.add(String.format(Locale.ROOT, "  arrived on Kafka: MQTT %d, OCPP %d; OCPP child (sent answered"
                    + " callErrors skipped sessionsLost): %s; MQTT publishes refused %d, connections lost %d",
                    mqtt.total(), ocppMeter.total(), stats.replace("STATS ", ""), devices.refused.get(),
                    devices.lostConnections.get()));
            lines.add(cpuLine(cpuUsed, seconds, true) + String.format(Locale.ROOT, "; OCPP child JVM %.2f",
                    childCpu / seconds));
            lines.add(String.format(Locale.ROOT, "load average at the end (1/5/15 min): %s", loadAverage()));
            devices.publishAt(0);
        }
    }

    /**
     * The gateway's memory: heap used after a full GC (sum of the generations in {@code jcmd GC.heap_info} after
     * {@code jcmd GC.run}), the live bytes and the largest classes of {@code GC.class_histogram} when asked, RSS
     * and threads from {@code /proc}.
     */
    private static String gatewayMemory(long pid, boolean histogram) {
        if (pid <= 0) {
            return "gateway process not found";
        }
        jcmd(pid, "GC.run");
        String heapInfo = jcmd(pid, "GC.heap_info");
        long usedKb = 0;
        long totalKb = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*(?!Metaspace|class space)[a-zA-Z -]+"
                + " total (\\d+)K, used (\\d+)K").matcher(heapInfo);
        while (m.find()) {
            totalKb += Long.parseLong(m.group(1));
            usedKb += Long.parseLong(m.group(2));
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "heap after full GC %.1f MiB used of %.1f MiB committed", usedKb / 1024.0, totalKb / 1024.0));
        out.append(String.format(Locale.ROOT, "; RSS %s; threads %s", procStatus(pid, "VmRSS"),
                procStatus(pid, "Threads")));
        if (histogram) {
            List<String> rows = jcmd(pid, "GC.class_histogram").lines().toList();
            String total = rows.stream().filter(l -> l.matches("Total\\s+\\d+\\s+\\d+\\s*")).findFirst()
                    .map(l -> l.trim().split("\\s+"))
                    .map(f -> String.format(Locale.ROOT, "%.1f MiB live in %s objects", Long.parseLong(f[2]) / 1048576.0, f[1]))
                    .orElse("no total");
            String largest = rows.stream().filter(l -> l.matches("\\s*\\d+:\\s+\\d+\\s+\\d+\\s+\\S+.*")).limit(8)
                    .map(l -> l.trim().split("\\s+"))
                    .map(f -> String.format(Locale.ROOT, "%s %.1f MiB", f[3], Long.parseLong(f[2]) / 1048576.0))
                    .collect(java.util.stream.Collectors.joining(", "));
            out.append("; class histogram (another full GC): ").append(total).append(", largest: ").append(largest);
        }
        return out.toString();
    }

    private static String jcmd(long pid, String command) {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return text;
        } catch (java.io.IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static String procStatus(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field + ":")).map(l -> l.substring(field.length() + 1).trim())
                    .findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static String openFilesLimit() {
        try {
            return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                    .filter(l -> l.startsWith("Max open files")).map(l -> l.trim().split("\\s+")[3])
                    .findFirst().orElse("?");
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * Cold start: with the full rate offered, the msg/s arriving on Kafka in each of the first seconds, counted from
     * the gateway's readiness (the sessions' connecting comes first, so the first seconds may pass before this runs).
     */
    private void firstSeconds(long readyAt, LongSupplier arrived, String gatewayUrl) throws InterruptedException {
        double offeredAfter = (System.nanoTime() - readyAt) / 1e9;
        say("  cold start: full rate offered %.1f s after the gateway became ready", offeredAfter);
        StringBuilder perSecond = new StringBuilder();
        StringBuilder forwardedPerSecond = new StringBuilder();
        long lastForwarded = gatewayForwarded(gatewayUrl);
        long last = arrived.getAsLong();
        long lastAt = System.nanoTime();
        int fullAfter = -1;
        for (int second = 1; second <= options.firstSeconds(); second++) {
            long next = lastAt + 1_000_000_000L;
            Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            long count = arrived.getAsLong();
            long forwarded = gatewayForwarded(gatewayUrl);
            long now = System.nanoTime();
            double rate = (count - last) / ((now - lastAt) / 1e9);
            double forwardedRate = (forwarded - lastForwarded) / ((now - lastAt) / 1e9);
            last = count;
            lastForwarded = forwarded;
            lastAt = now;
            long sinceReady = Math.round((now - readyAt) / 1e9);
            say("  t+%2d s after ready: %.0f msg/s arriving, gateway forwarded %.0f msg/s", sinceReady, rate,
                    forwardedRate);
            perSecond.append(perSecond.isEmpty() ? "" : " ").append(Math.round(rate));
            forwardedPerSecond.append(forwardedPerSecond.isEmpty() ? "" : " ").append(Math.round(forwardedRate));
            if (fullAfter < 0 && rate >= 0.95 * (options.mqttRate() + options.ocppRate())) {
                fullAfter = (int) sinceReady;
            }
        }
        lines.add(String.format(Locale.ROOT, "cold start (full rate %.0f msg/s offered from %.1f s after ready): msg/s"
                + " arriving per second: %s; forwarded by the gateway (its counter) per second: %s; first second at"
                + " >= 95 %% of the offered rate: %s; load average %s",
                options.mqttRate() + options.ocppRate(), offeredAfter, perSecond, forwardedPerSecond,
                fullAfter < 0 ? "not within " + options.firstSeconds() + " s" : "t+" + fullAfter + " s after ready",
                loadAverage()));
    }

    /** {@code gateway_messages_forwarded_total} of all protocols, 0 when not readable. */
    private static long gatewayForwarded(String gatewayUrl) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl + "/q/metrics"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return (long) response.body().lines().filter(l -> l.startsWith("gateway_messages_forwarded_total"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** The gateway's non-zero message counters from {@code /q/metrics} (received, forwarded, rejected, failed, spooled). */
    private static String gatewayCounters(String gatewayUrl) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(gatewayUrl + "/q/metrics"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return response.body().lines()
                    .filter(l -> l.startsWith("gateway_messages_") || l.startsWith("gateway_kafka_send_failures")
                            || l.startsWith("gateway_spool_events_spooled")
                            || l.startsWith("gateway_broker_messages_dropped"))
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

    private static String header() {
        return String.format(Locale.ROOT, "  %-40s %9s %9s %8s %8s %8s %9s", "path", "sent/s", "arrived/s",
                "p50 ms", "p99 ms", "max ms", "missing");
    }

    private static String row(Window w) {
        return String.format(Locale.ROOT, "  %-40s %9.0f %9.0f %8s %8s %8s %9d", w.path(), w.sent() / w.seconds(),
                rate(w), ms(w.latency().percentile(50)), ms(w.latency().percentile(99)), ms(w.latency().max()),
                w.missing());
    }

    private static double rate(Window w) {
        return w.arrived() / w.seconds();
    }

    private static String describe(Window w) {
        return String.format(Locale.ROOT, "%.0f sent/s, %.0f arrived/s, latency p50 %s ms, p99 %s ms, max %s ms, "
                        + "missing after the phase %d", w.sent() / w.seconds(), rate(w), ms(w.latency().percentile(50)),
                ms(w.latency().percentile(99)), ms(w.latency().max()), w.missing());
    }

    private static String pair(LatencySamples.Summary s) {
        return s.count() == 0 ? "-" : ms(s.percentile(50)) + "/" + ms(s.percentile(99));
    }

    private static String ms(long micros) {
        return micros < 0 ? "-" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private String cpuLine(Cpu used, double seconds, boolean gateway) {
        double others = used.machine() - used.bench() - used.broker() - used.gateway();
        return String.format(Locale.ROOT, "  CPU (cores, window average): benchmark JVM (devices, Kafka broker, consumer)"
                        + " %.2f, broker %.2f%s, everything else on the machine %.2f",
                used.bench() / seconds, used.broker() / seconds,
                gateway ? String.format(Locale.ROOT, ", gateway %.2f", used.gateway() / seconds) : "",
                Math.max(0, others) / seconds);
    }

    private static Cpu cpu() {
        return new Cpu(CpuUse.ofProcess(ProcessHandle.current().pid()), CpuUse.ofProcess(CpuUse.childWith("mosquitto")),
                CpuUse.ofProcess(CpuUse.childWith("quarkus-run.jar")), CpuUse.ofMachine());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /**
     * The warm-up: the rate climbs from 1/n to the full rate in n one-second steps (n = warm-up seconds), so that a
     * cold JVM meets the full load only once its hot paths are compiled.
     */
    private void ramp(java.util.function.DoubleConsumer setFractionOfRate, LongSupplier arrived)
            throws InterruptedException {
        long steps = options.warmup().toSeconds();
        long arrivedBefore = arrived.getAsLong();
        for (long step = 1; step <= steps; step++) {
            setFractionOfRate.accept((double) step / steps);
            Thread.sleep(1_000);
        }
        setFractionOfRate.accept(1.0);
        if (steps > 0) {
            say("  warm-up (rate ramped up over %d s): %.0f msg/s arriving on average", steps,
                    (arrived.getAsLong() - arrivedBefore) / (double) steps);
        }
    }

    private void sleepReporting(Duration duration, String what, LongSupplier arrived) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        long lastCount = arrived.getAsLong();
        long lastAt = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            long now = System.nanoTime();
            if (now - lastAt < 1_000_000_000L) {
                continue;
            }
            long count = arrived.getAsLong();
            say("  %s: %.0f msg/s arriving", what, (count - lastCount) / ((now - lastAt) / 1e9));
            lastCount = count;
            lastAt = now;
        }
    }

    /**
     * Extends the warm-up until at most one second's worth of messages is still on its way, so that the window
     * measures the steady state and not a backlog left by a cold start; gives up after 2 minutes and says so.
     */
    private static void awaitCaughtUp(LongSupplier onTheirWay, double perSecond) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long lastSaid = 0;
        while (onTheirWay.getAsLong() > Math.max(1, perSecond) && System.nanoTime() < end) {
            if (System.nanoTime() - lastSaid > 5_000_000_000L) {
                say("  warm-up goes on: %d messages sent but not arrived yet", onTheirWay.getAsLong());
                lastSaid = System.nanoTime();
            }
            Thread.sleep(100);
        }
        if (onTheirWay.getAsLong() > Math.max(1, perSecond)) {
            say("  NOT KEEPING UP: %d messages sent but not arrived after 2 more minutes of warm-up; measuring anyway",
                    onTheirWay.getAsLong());
        }
    }

    /** Waits until {@code arrived} reaches {@code expected} or has not grown for 5 s (at most 2 min). */
    private static void awaitStable(LongSupplier arrived, long expected) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (arrived.getAsLong() < expected && System.nanoTime() < end) {
            long now = arrived.getAsLong();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(5).toNanos()) {
                return;
            }
            Thread.sleep(100);
        }
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format(Locale.ROOT, "%s%05d", prefix, i)).toList();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, "%tT ", System.currentTimeMillis())
                + String.format(Locale.ROOT, format, args));
    }
}
