#!/usr/bin/env bash
# End-to-end benchmark of the whole platform on this machine: the embedded platform as the demo runs it (MQTT broker,
# Kafka, PostgreSQL in the benchmark JVM's process tree; the Flink job, gateway and API as child JVMs) plus a light
# load generator (MQTT connections on one selector thread, OCPP sessions on a few JDK HTTP clients, a few CoAP
# devices). Measures the raw broker baseline, then a ramp of mixed traffic with injected charger faults; per step
# offered/delivered msg/s, acknowledged messages lost (not in the telemetry store), fault -> alert and fault -> ticket
# p50/p99, CPU/RSS/GC per process, Kafka consumer lag, the broker's $SYS counters; ends with the knee. See
# bench/platform/README.md.
#
#   bench/platform/run.sh [--step 180] [--rates 1000,2000,...] [--mqtt-devices 3000] [--ocpp-sessions 1000]
#                         [--coap-devices 10] [--faults 4] [--raw-rate 14000] [--jfr] [...]
#   bench/platform/run.sh --help
#
# --home DIR takes the gateway, job and API from another build of the same layout (e.g. a frozen copy of main, to
# measure before and after a change in one session). --jfr records every child JVM with JDK Flight Recorder (settings=profile) into <data-dir>/jfr/<name>.jfr.
# Builds what it needs first when it is not built; BUILD=always rebuilds, BUILD=never never does.
# Environment: JAVA (default: java), BENCH_HEAP (default: 1536m). Exit code 1 when the run itself broke.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
launcher="$root/platform-launcher"
built() {
  [[ -f "$root/device-gateway/target/quarkus-app/quarkus-run.jar" && -f "$root/service-api/target/quarkus-app/quarkus-run.jar" \
     && -f "$launcher/target/test-classpath.txt" && -f "$root/stream-jobs/target/classpath.txt" \
     && -f "$launcher/target/test-classes/io/fleetcare/launcher/bench/PlatformBenchmark.class" ]]
}
if [[ "${BUILD:-auto}" == always ]] || { [[ "${BUILD:-auto}" != never ]] && ! built; }; then
  echo "building the platform ..."
  (cd "$root" && ./mvnw -B -q install -DskipTests)
fi
built || { echo "the platform is not built (./mvnw -B install -DskipTests)" >&2; exit 2; }

if (( $(ulimit -n) < 16384 )); then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
cp="$launcher/target/test-classes:$launcher/target/classes:$(cat "$launcher/target/test-classpath.txt")"
args=()
home="$root"
data=""
jfr=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --help) exec "${JAVA:-java}" -cp "$cp" io.fleetcare.launcher.bench.PlatformBenchmark --help;;
    --jfr) jfr=true; shift;;
    --data-dir) data="$2"; shift 2;;
    --home) home="$2"; shift 2;;
    *) args+=("$1"); shift;;
  esac
done
[[ -n "$data" ]] || data="$(mktemp -d /tmp/fleetcare-platform-bench.XXXXXX)"
if $jfr; then
  mkdir -p "$data/jfr"
  args+=(--child-jvm "-XX:StartFlightRecording=filename=$data/jfr/{name}.jfr,settings=profile,dumponexit=true")
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr), open files limit $(ulimit -n)"
echo "load average before (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"${JAVA:-java}" -Xms"${BENCH_HEAP:-1536m}" -Xmx"${BENCH_HEAP:-1536m}" -XX:+UseParallelGC \
  -Dlogback.configurationFile=launcher-logback.xml -cp "$cp" \
  io.fleetcare.launcher.bench.PlatformBenchmark --home "$home" --data-dir "$data" "${args[@]}" || status=$?
if $jfr; then
  for f in "$data"/jfr/*.jfr; do
    [[ -f "$f" ]] && echo "flight recording: $f (jfr print --events jdk.ExecutionSample $f | ...; jfr summary $f)"
  done
fi
exit "$status"
