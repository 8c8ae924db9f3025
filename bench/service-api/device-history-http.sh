#!/usr/bin/env bash
# End-to-end benchmark of GET /api/devices/{id}/history (service-api, acceptance 3 of issue 5): one embedded
# PostgreSQL and Kafka, one charger with a year of per-minute readings (525,600) and its hourly rollups, a year of
# service (tickets, transitions, evidence, repair and maintenance records with parts and amendments, open alerts),
# the packaged service started as its own process, then p50/p95/p99 of the whole HTTP call with Basic auth over
# [calls] calls after [warm-up] calls, the same Basic auth alone, the same in a web session and with an API token
# (Bearer; the line "p95 of the whole history call" gives session, Basic and token side by side), and the
# endpoint's statements bare over JDBC, with the ratio between them and the table scans one call causes.
#
# Usage: bench/service-api/device-history-http.sh [calls] [warm-up] [tickets]
# Environment: JAVA (default: java), BENCH_HEAP (default: 512m, the benchmark JVM), SERVICE_HEAP (default: 384m,
# the service), MVN_OFFLINE (default: -o; set empty to go online).
# Not a test: it asserts nothing; about 2-3 minutes on a 2-core machine (packaging, loading the year, starting).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/service-api"
classpath_file="$module/target/bench-classpath.txt"

(cd "$root" && ./mvnw -B ${MVN_OFFLINE--o} -q -pl service-api package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file")

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA:-java}" -Xms"${BENCH_HEAP:-512m}" -Xmx"${BENCH_HEAP:-512m}" -Dbench.service.heap="${SERVICE_HEAP:-384m}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  io.fleetcare.api.bench.DeviceHistoryHttpBenchmark "$root/stream-jobs/src/main/resources/db/telemetry" \
  "$module/target/quarkus-app/quarkus-run.jar" "$@"
echo "load average after (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
