#!/usr/bin/env bash
# Benchmark of the device-health Flink job (stream-jobs): events/s through the job per core at
# parallelism 1 and 2, Kafka-append-to-alert latency (p50/p99) of injected charger faults, and a
# plain KafkaConsumer as the raw baseline, all against one in-process Kafka broker and MiniCluster.
#
# Usage (from a checkout where `./mvnw install -DskipTests` has run):
#   bench/stream-jobs/run.sh [--events 400000] [--devices 2000] [--faults 200] [--rate 2000] [--parallelism 1,2]
#                            [--buffer-timeout-ms T]   (Flink's network buffer timeout; default Flink's 100 ms)
#                            [--variants map,ring,ring+reuse] [--rounds N]
#   --variants: the throughput run once per variant and round, each printing the job's CPU seconds per 1,000
#   events and the load average: map = the former MapState duplicate filter without object reuse (the job before
#   the RecentIds ring), ring = the ring without object reuse, ring+reuse = the job as it runs now (default).
#   Compare the ratios of one run, not absolute figures: the machine is shared.
# Environment: JAVA (default: java), BENCH_HEAP (default: 2g).
# Not a test: it asserts nothing and takes 2.5-4 minutes on a 2-core machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/stream-jobs"
classpath_file="$module/target/test-classpath.txt"

if [[ ! -f "$classpath_file" || ! -d "$module/target/test-classes/io/fleetcare/stream/bench" ]]; then
  echo "stream-jobs is not built: run './mvnw install -DskipTests' (or './mvnw -pl stream-jobs package -DskipTests') first" >&2
  exit 2
fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA:-java}" -Xms"${BENCH_HEAP:-2g}" -Xmx"${BENCH_HEAP:-2g}" \
  -Dlog4j2.configurationFile=log4j2-test.xml \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  io.fleetcare.stream.bench.DeviceHealthBenchmark "$@"
echo "load average after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
