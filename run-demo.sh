#!/usr/bin/env bash
# Runs the whole FleetCare platform on this machine with nothing installed but a JDK (17+):
# builds what is missing or stale, then starts Kafka, PostgreSQL, an MQTT broker, the Flink job,
# the gateway, the API and a simulated fleet. Ctrl-C stops all of it. Options: ./run-demo.sh --help
set -euo pipefail
cd "$(dirname "$0")"

stamp=platform-launcher/target/.demo-build-stamp
if [ ! -f "$stamp" ] || [ -n "$(find . -path ./demo-data -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ]; then
  echo "building FleetCare (first start, or sources changed) ..."
  ./mvnw -B -q install -DskipTests
  touch "$stamp"
fi

exec java -cp "platform-launcher/target/platform-launcher.jar:$(cat platform-launcher/target/classpath.txt)" \
  io.fleetcare.launcher.EmbeddedPlatform --home . "$@"
