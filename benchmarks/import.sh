#!/usr/bin/env bash
# The import benchmark: psql's \copy (the floor) against the command line (1,000,000 rows,
# -Xmx256m) and POST /imports (50,000 rows), alternating rounds on one embedded PostgreSQL.
# Usage: benchmarks/import.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v psql >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  echo "installing psql and GNU time"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client time
fi
if [ ! -f bootstrap/target/deals.jar ]; then
  mvn -B -q package -DskipTests
fi
exec java -cp bootstrap/target/deals.jar benchmarks/ImportBench.java "${1:-5}"
