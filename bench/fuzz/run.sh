#!/usr/bin/env bash
# Longer fuzz run of the device-facing edges than the test command's 1,000 cases per edge: the same seeded
# generators (device-gateway/src/test/java/io/fleetcare/gateway/fuzz/RandomInputs.java), more cases, any seed.
#
#   bench/fuzz/run.sh [--cases 10000] [--seed 20261207]
#
# Prints cases per edge, the failures (with the case number and input that failed) and the load average.
# Not a benchmark of speed; exit code 1 when any case failed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cases=10000
seed=20261207
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cases) cases="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --help|-h) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
tests='*FuzzTest'
echo "fuzz: $cases cases per edge, seed $seed, machine $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$root"
./mvnw -B -q -pl event-contracts install -DskipTests >/dev/null
set +e
./mvnw -B -pl device-gateway test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfleetcare.fuzz.cases="$cases" -Dfleetcare.fuzz.seed="$seed" > device-gateway/target/fuzz.log 2>&1
status=$?
set -e
grep -a -h -E "^fuzz [^ ]+: [0-9]+ cases passed" device-gateway/target/fuzz.log || true
grep -a -E "case [0-9]+ of [0-9]+ \(seed" device-gateway/target/fuzz.log | sort -u || true
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); full Maven output in device-gateway/target/fuzz.log"
[[ $status -eq 0 ]] && echo "fuzz: 0 failures" || echo "fuzz: FAILURES (see above)"
exit $status
