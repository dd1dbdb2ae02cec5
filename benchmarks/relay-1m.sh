#!/usr/bin/env bash
# A 1,000,000-row import through POST /imports to a server relaying to Kafka: how long the import
# takes, then how long from its commit until the relay's stored position reaches the newest event
# (every event acknowledged by the broker), and how many records the topic then holds.
# A standalone broker from ../shared/tools/kafka-broker.sh on its own ports; needs psql and kcat.
# Usage: benchmarks/relay-1m.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v psql >/dev/null && command -v kcat >/dev/null \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client kcat
[ -f bootstrap/target/deals.jar ] || mvn -B -q package -DskipTests
WORK=benchmarks/target/relay-1m
rm -rf "$WORK" && mkdir -p "$WORK"
export KAFKA_PORT=19292 KAFKA_CONTROLLER_PORT=19293 KAFKA_WORK=$PWD/$WORK/kafka
BROKER=${KAFKA_BROKER_SCRIPT:-../shared/tools/kafka-broker.sh}
BOOTSTRAP=$("$BROKER" start | sed -n 's/^KAFKA_BOOTSTRAP=//p')
trap '"$BROKER" stop >/dev/null; kill $SERVER 2>/dev/null || true' EXIT
FILE=$WORK/deals-1000000.csv
java -jar bootstrap/target/deals.jar generate-demo-data --rows 1000000 --output "$FILE" >/dev/null
# The server verifies tokens with this secret, and `deals token` signs one with it.
export DEALS_JWT_SECRET=$(head -c 32 /dev/urandom | base64 -w0)
TOKEN=$(java -jar bootstrap/target/deals.jar token)
java -jar bootstrap/target/deals.jar serve --data-dir "$WORK/data" --port 18097 --kafka-bootstrap "$BOOTSTRAP" \
  > "$WORK/server.log" 2>&1 &
SERVER=$!
until curl -sf localhost:18097/health >/dev/null; do sleep 1; done
PGPORT=$(grep -o '"-p" "[0-9]*"' "$WORK/data/postgres/postmaster.opts" | grep -o '[0-9]*')
sql() { psql -h localhost -p "$PGPORT" -U postgres -Atc "$1"; }
start=$(date +%s.%N)
curl -s -X POST 'localhost:18097/imports?mode=strict' -H 'Content-Type: text/csv' -H "Authorization: Bearer $TOKEN" \
  --data-binary @"$FILE" >/dev/null
committed=$(date +%s.%N)
head=$(sql "SELECT max(seq) FROM outbox_events")
until [ "$(sql "SELECT position FROM event_relays WHERE name = 'kafka'")" -ge "$head" ]; do sleep 0.2; done
relayed=$(date +%s.%N)
python3 -c "print('import %.1f s; its commit -> every event acknowledged %.1f s; head %s' % ($committed - $start, $relayed - $committed, $head))"
echo "records on deals.events: $(kcat -C -b "$BOOTSTRAP" -t deals.events -e -q -f '%k\n' | wc -l)"
