#!/usr/bin/env bash
# What the API's outer surface (access control, rate limits, metrics, the access line) costs on
# GET /deals/{id}, on the database run.sh fills, server by server: an older build's jar first when
# given (for instance the jar of the commit before issue 9), then this build in three configurations.
# Usage: benchmarks/surface.sh [seconds per measurement, default 10] [BASELINE_JAR]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
exec java -Xmx2g -cp bootstrap/target/deals.jar benchmarks/Bench.java "${1:-10}" surface ${2:+"$2"}
