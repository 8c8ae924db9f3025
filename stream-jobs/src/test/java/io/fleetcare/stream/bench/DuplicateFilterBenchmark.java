package io.fleetcare.stream.bench;

import io.fleetcare.events.DeviceEvent;
import io.fleetcare.stream.dedup.DuplicateEventFilter;
import io.fleetcare.stream.dedup.MapStateDuplicateEventFilter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.storage.JobManagerCheckpointStorage;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * Benchmark (not a test; {@code bench/stream-jobs/dedup.sh}) of the duplicate filter alone, the part of the job
 * that the platform profile put at 70 % of its CPU: the former {@code MapState} filter and the {@code RecentIds}
 * ring, in turn, in one JVM, in Flink's operator test harness with the heap state backend. Each round sends
 * {@code --devices} devices' events ({@link BenchmarkFleet}: one every 30 s of device time each, with processing time
 * moving on at the same pace, so that after an hour every device holds its full 120 ids and the oldest expire),
 * every tenth event a redelivery, and takes a snapshot (what a checkpoint serializes) every {@code --snapshot-every}
 * events. Prints the CPU seconds of this thread per 1,000 events, per round and the median per filter, with the load
 * average. Options: {@code --devices 10000 --hours 1.5 --snapshot-every 100000 --rounds 3}.
 */
public final class DuplicateFilterBenchmark {

    private static final Duration RETENTION = Duration.ofHours(1);

    private DuplicateFilterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int devices = Integer.parseInt(options.getOrDefault("devices", "10000"));
        double hours = Double.parseDouble(options.getOrDefault("hours", "1.5"));
        int snapshotEvery = Integer.parseInt(options.getOrDefault("snapshot-every", "100000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        long events = (long) (hours * 3600 / BenchmarkFleet.REPORT_INTERVAL.toSeconds()) * devices;
        System.out.printf(Locale.ROOT, "duplicate filter benchmark: %,d devices, %.1f h of their events (%,d events,"
                        + " every 10th redelivered once more), a snapshot every %,d events, %d rounds; %d cores, Java %s;"
                        + " load average before %s%n", devices, hours, events, snapshotEvery, rounds,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), loadAverage());
        List<String> summary = new ArrayList<>();
        java.util.Map<String, List<Double>> cpu = new java.util.LinkedHashMap<>();
        List<Supplier<KeyedProcessFunction<String, DeviceEvent, DeviceEvent>>> filters = List.of(
                () -> new MapStateDuplicateEventFilter(RETENTION), () -> new DuplicateEventFilter(RETENTION));
        List<String> names = List.of("map (former MapState filter)", "ring (RecentIds)");
        run(filters.get(0).get(), devices, Math.min(events, 200_000), snapshotEvery); // warm-up, not counted
        run(filters.get(1).get(), devices, Math.min(events, 200_000), snapshotEvery);
        for (int round = 1; round <= rounds; round++) {
            for (int f = 0; f < filters.size(); f++) {
                String load = loadAverage();
                Result r = run(filters.get(f).get(), devices, events, snapshotEvery);
                double per1000 = 1000 * r.cpuSeconds / events;
                cpu.computeIfAbsent(names.get(f), k -> new ArrayList<>()).add(per1000);
                String line = String.format(Locale.ROOT, "round %d, %s: %.4f CPU s per 1,000 events (%.1f CPU s,"
                                + " %,d passed, last snapshot %,d KiB); load average %s before, %s after", round,
                        names.get(f), per1000, r.cpuSeconds, r.passed, r.lastSnapshotBytes / 1024, load, loadAverage());
                System.out.println(line);
                summary.add(line);
            }
        }
        System.out.println();
        System.out.println("== summary ==");
        summary.forEach(System.out::println);
        double base = median(cpu.get(names.get(0)));
        for (String name : names) {
            double m = median(cpu.get(name));
            System.out.printf(Locale.ROOT, "median %s: %.4f CPU s per 1,000 events = %.2f x map%n", name, m, m / base);
        }
        System.out.printf(Locale.ROOT, "load average after: %s%n", loadAverage());
    }

    private record Result(double cpuSeconds, long passed, long lastSnapshotBytes) {
    }

    private static Result run(KeyedProcessFunction<String, DeviceEvent, DeviceEvent> filter, int devices, long events,
                              int snapshotEvery) throws Exception {
        BenchmarkFleet fleet = new BenchmarkFleet(devices, Instant.parse("2026-11-24T00:00:00Z"), 42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long passed = 0;
        long lastSnapshot = 0;
        try (var harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(filter),
                DeviceEvent::deviceId, Types.STRING)) {
            // the default in-memory checkpoint storage takes at most 5 MB; the map filter's state is larger
            harness.setCheckpointStorage(new JobManagerCheckpointStorage(Integer.MAX_VALUE));
            harness.open();
            long pacePerEvent = BenchmarkFleet.REPORT_INTERVAL.toMillis() / devices;
            long start = threads.getCurrentThreadCpuTime();
            DeviceEvent redelivery = null;
            for (long n = 0; n < events; n++) {
                long now = n * Math.max(1, pacePerEvent);
                harness.setProcessingTime(now);
                harness.setStateTtlProcessingTime(now);
                DeviceEvent event = fleet.event(n);
                harness.processElement(event, 0);
                if (n % 10 == 0) {
                    redelivery = event;
                } else if (n % 10 == 5) {
                    harness.processElement(redelivery, 0);
                }
                if ((n + 1) % snapshotEvery == 0) {
                    OperatorSubtaskState snapshot = harness.snapshot(n, now);
                    lastSnapshot = snapshot.getStateSize();
                }
                if (n % 10_000 == 9_999) { // the output queue's size() is O(n): read it seldom
                    passed += harness.getOutput().size();
                    harness.getOutput().clear();
                }
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
            passed += harness.getOutput().size();
            return new Result(cpuSeconds, passed, lastSnapshot);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
