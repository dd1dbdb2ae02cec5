#!/usr/bin/env bash
# The relay benchmark: (a) events relayed per second from a backlog of ~50,150 events to
# acknowledged, (b) from a 50,000-row import's commit to its last event on the topic.
# A real standalone Kafka broker (../shared/tools/kafka-broker.sh, on its own ports and directory
# so that it meets no other broker), and one embedded PostgreSQL.
# Usage: benchmarks/relay.sh [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."

BROKER=${KAFKA_BROKER_SCRIPT:-../shared/tools/kafka-broker.sh}
export KAFKA_PORT=${KAFKA_PORT:-19192} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19193}
export KAFKA_WORK=${KAFKA_WORK:-$PWD/benchmarks/target/kafka}
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
BOOTSTRAP=$("$BROKER" start | sed -n 's/^KAFKA_BOOTSTRAP=//p')
trap '"$BROKER" stop >/dev/null' EXIT
java -cp bootstrap/target/deals.jar benchmarks/RelayBench.java "${1:-3}" "$BOOTSTRAP"
