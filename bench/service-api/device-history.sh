#!/usr/bin/env bash
# Benchmark of the device history's telemetry summary (service-api, acceptance 3 of issue 5): one embedded
# PostgreSQL, one device with a year of per-minute readings (525,600) and the hourly rollups the stream job keeps,
# then p50/p95/p99 of the summary code the endpoint runs (RollupSummaryQuery) over 200 calls after 50 warm-up
# calls, the heaviest statement bare over JDBC, and the same weekly series from raw readings for contrast.
#
# Usage: bench/service-api/device-history.sh [calls] [warm-up]
# Environment: JAVA (default: java), BENCH_HEAP (default: 512m), MVN_OFFLINE (default: -o; set empty to go online).
# Not a test: it asserts nothing; about 1-2 minutes on a 2-core machine, most of it loading the year.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/service-api"
classpath_file="$module/target/bench-classpath.txt"

(cd "$root" && ./mvnw -B ${MVN_OFFLINE--o} -q -pl service-api test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA:-java}" -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  io.fleetcare.api.bench.DeviceHistoryBenchmark "$root/stream-jobs/src/main/resources/db/telemetry" "$@"
echo "load average after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
