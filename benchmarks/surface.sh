#!/usr/bin/env bash
# What the API's outer surface (access control, rate limits, metrics, the access line) costs on
# GET /deals/{id}, on the database run.sh fills, server by server: an older build's jar first when
# given (for instance the jar of the commit before issue 9), then this build in three configurations.
# Usage: benchmarks/surface.sh [seconds per measurement, default 10] [BASELINE_JAR]
set -euo pipefail
exec "$(dirname "$0")/run.sh" "${1:-10}" surface ${2:+"$2"}
