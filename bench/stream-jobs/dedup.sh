#!/usr/bin/env bash
# Benchmark of the device-health job's duplicate filter alone (the part the platform profile put at 70 % of the
# job's CPU): the former MapState filter and the RecentIds ring in turn, in one JVM, in Flink's operator test
# harness (heap state backend), with a snapshot every N events. Prints CPU seconds per 1,000 events per round and the
# median ratio, with the load average. See io.fleetcare.stream.bench.DuplicateFilterBenchmark.
#
#   bench/stream-jobs/dedup.sh [--devices 10000] [--hours 1.5] [--snapshot-every 100000] [--rounds 3]
#
# Needs stream-jobs packaged (./mvnw -B -pl stream-jobs package -DskipTests). Not a test: it asserts nothing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module="$root/stream-jobs"
classpath_file="$module/target/test-classpath.txt"
if [[ ! -f "$classpath_file" || ! -f "$module/target/test-classes/io/fleetcare/stream/bench/DuplicateFilterBenchmark.class" ]]; then
  echo "stream-jobs is not built: run './mvnw -B -pl stream-jobs package -DskipTests' first" >&2
  exit 2
fi
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
"${JAVA:-java}" -Xms"${BENCH_HEAP:-2g}" -Xmx"${BENCH_HEAP:-2g}" \
  -Dlog4j2.configurationFile=log4j2-test.xml \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$classpath_file")" \
  io.fleetcare.stream.bench.DuplicateFilterBenchmark "$@"
