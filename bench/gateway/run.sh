#!/usr/bin/env bash
# Benchmark of the device gateway's ingest path on this machine: Kafka (in-process), the MQTT broker (Mosquitto
# when /usr/sbin/mosquitto is installed) and the gateway (child JVM) alone, no stream job, API or database.
# Phase 1 measures the raw broker (devices -> broker -> one plain subscriber) before the gateway starts; phase 2 the
# same devices through the gateway to Kafka, plus OCPP sessions sending MeterValues. Prints msg/s per protocol,
# send-to-arrival latency p50/p99/max, OCPP CALL->CALLRESULT times, CPU per process and the ratios.
#
#   bench/gateway/run.sh [--ocpp-sessions 1000] [--mqtt-devices 10000] [--mqtt-rate 2000] [--ocpp-rate 200]
#                        [--duration 60] [--warmup 15] [--connect-at-once 100] [--ocpp-http-clients 4]
#                        [--gateway-jvm "-Xms512m -Xmx512m -XX:+UseSerialGC"] [--data-dir DIR]
#   bench/gateway/run.sh --help
#
# Builds device-gateway and platform-launcher (and what they need) first when they are not built; BUILD=always
# rebuilds them, BUILD=never never does. Environment: JAVA (default: java), BENCH_HEAP (default: 1536m).
# Not a test: it asserts nothing. At the defaults it takes about 6 minutes on a 2-core machine.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
launcher="$root/platform-launcher"
built() {
  [[ -f "$root/device-gateway/target/quarkus-app/quarkus-run.jar" && -f "$launcher/target/test-classpath.txt" \
     && -f "$launcher/target/test-classes/io/fleetcare/launcher/bench/GatewayBenchmark.class" ]]
}
if [[ "${BUILD:-auto}" == always ]] || { [[ "${BUILD:-auto}" != never ]] && ! built; }; then
  echo "building device-gateway and platform-launcher ..."
  (cd "$root" && ./mvnw -B -q -pl device-gateway,platform-launcher -am package -DskipTests)
fi
built || { echo "device-gateway or platform-launcher is not built (./mvnw -B -pl device-gateway,platform-launcher -am package -DskipTests)" >&2; exit 2; }

# one file descriptor per device connection, in this JVM and in the broker it starts
if (( $(ulimit -n) < 16384 )); then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
for arg in "$@"; do
  [[ "$arg" == --help ]] && exec "${JAVA:-java}" -cp "$launcher/target/test-classes:$launcher/target/classes:$(cat "$launcher/target/test-classpath.txt")" \
    io.fleetcare.launcher.bench.GatewayBenchmark --help
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr), open files limit $(ulimit -n)"
echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA:-java}" -Xms"${BENCH_HEAP:-1536m}" -Xmx"${BENCH_HEAP:-1536m}" -XX:+UseParallelGC \
  -Dlogback.configurationFile=launcher-logback.xml \
  -cp "$launcher/target/test-classes:$launcher/target/classes:$(cat "$launcher/target/test-classpath.txt")" \
  io.fleetcare.launcher.bench.GatewayBenchmark --home "$root" "$@"
