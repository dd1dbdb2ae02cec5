#!/usr/bin/env bash
# What appending events in commit order costs writers: a deal's price-change transaction with and
# without the feed's lock, at 1, 4, 16 and 32 concurrent writers (benchmarks/README.md).
# Usage: benchmarks/feed-lock.sh [seconds per measurement, default 10] [synchronous_commit on|off, default on]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp bootstrap/target/deals.jar benchmarks/FeedLockBench.java "${1:-10}" "${2:-on}"
