#!/usr/bin/env bash
# The offers benchmark: (a) offers applied per second from a backlog on deals.offers (new deals, then
# updates of them), (b) publish-to-readable latency through GET /deals/{id} at 1,000 offers/s.
# A real standalone Kafka broker (../shared/tools/kafka-broker.sh, on its own ports and directory
# so that it meets no other broker), one embedded PostgreSQL, the server jar as its own process.
# Usage: benchmarks/offers.sh [rounds, default 3] [offers per round, default 200000] [profile]
#   profile: the server records JFR, logs each merge step, PostgreSQL tracks pg_stat_statements,
#   and the benchmark reports where the time of an offer goes.
set -euo pipefail
cd "$(dirname "$0")/.."

BROKER=${KAFKA_BROKER_SCRIPT:-../shared/tools/kafka-broker.sh}
export KAFKA_PORT=${KAFKA_PORT:-19292} KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-19293}
export KAFKA_WORK=${KAFKA_WORK:-$PWD/benchmarks/target/kafka-offers}
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
BOOTSTRAP=$("$BROKER" start | sed -n 's/^KAFKA_BOOTSTRAP=//p')
trap '"$BROKER" stop >/dev/null' EXIT
java -cp bootstrap/target/deals.jar benchmarks/OffersBench.java "${1:-3}" "${2:-200000}" "$BOOTSTRAP" "${3:-}"
