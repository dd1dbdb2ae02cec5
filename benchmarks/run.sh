#!/usr/bin/env bash
# Fills a database with 1,000,000 deals across 2,000 hotels (once; kept in benchmarks/target),
# starts the server on it, and measures each query over HTTP (wrk) against its SQL floor (JDBC).
# Usage: benchmarks/run.sh [seconds per measurement, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
exec java -Xmx2g -cp bootstrap/target/deals.jar benchmarks/Bench.java "${1:-10}" "${@:2}"
