#!/usr/bin/env bash
# Load test of the whole platform on this machine: starts the embedded platform (platform-launcher) with
# N chargers and M set-top boxes registered for the simulator's load mode, runs `simulate load` against it,
# prints the figures and stops the platform again.
#
#   bench/simulator/load-10k.sh [--home DIR] [--chargers 7000] [--set-top-boxes 3000] [--rate 2000]
#                               [--duration 120] [--faults 20] [--settle 120]
#
# --home: where the platform's modules were built (default: this checkout). Needs the launcher and the
# simulator packaged: ./mvnw -B -q -pl device-simulator,platform-launcher package -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
home="$root"; chargers=7000; boxes=3000; rate=2000; duration=120; faults=20; settle=120
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home="$2"; shift 2;;
    --chargers) chargers="$2"; shift 2;;
    --set-top-boxes) boxes="$2"; shift 2;;
    --rate) rate="$2"; shift 2;;
    --duration) duration="$2"; shift 2;;
    --faults) faults="$2"; shift 2;;
    --settle) settle="$2"; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
work="$(mktemp -d /tmp/fleetcare-load.XXXXXX)"
launcher_cp="$root/platform-launcher/target/platform-launcher.jar:$(cat "$root/platform-launcher/target/classpath.txt")"
sim_cp="$root/device-simulator/target/device-simulator-0.1.0-SNAPSHOT.jar:$(cat "$root/device-simulator/target/classpath.txt")"

java -cp "$launcher_cp" io.fleetcare.launcher.EmbeddedPlatform --home "$home" --data-dir "$work/data" \
  --set-top-boxes 0 --overheating 0 --chargers 0 --faulty-chargers 0 --api-port 0 --gateway-port 0 \
  --load-chargers "$chargers" --load-set-top-boxes "$boxes" > "$work/platform.out" 2>&1 &
platform=$!
trap 'kill "$platform" 2>/dev/null; wait "$platform" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  grep -q "FleetCare is running" "$work/platform.out" && break
  kill -0 "$platform" 2>/dev/null || { cat "$work/platform.out"; exit 1; }
  sleep 1
done
grep -q "FleetCare is running" "$work/platform.out" || { echo "platform did not start" >&2; exit 1; }
api="$(grep -o 'Tickets (API): *[^ ]*' "$work/platform.out" | awk '{print $3}' | sed 's|/api/tickets||')"
password="$(grep -o 'Log in as: .*' "$work/platform.out" | awk '{print $6}')"
mqtt="$(grep -o 'MQTT broker: *[^ ]*' "$work/platform.out" | awk '{print $3}')"
ocpp="$(grep -o 'OCPP at [^,]*' "$work/platform.out" | awk '{print $3}')"
echo "platform up (API $api, broker $mqtt, OCPP $ocpp); data and logs in $work"

FLEETCARE_API_PASSWORD="$password" java -Xss256k -Xmx1536m -cp "$sim_cp" io.fleetcare.simulator.Simulate load \
  --chargers "$chargers" --set-top-boxes "$boxes" --rate "$rate" --duration "$duration" --faults "$faults" \
  --settle "$settle" \
  --mqtt "$mqtt" --ocpp "$ocpp" --credentials "$work/data/device-credentials.properties" \
  --api "$api" --user admin
