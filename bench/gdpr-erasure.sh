#!/usr/bin/env bash
# The erasure benchmark: GdprErasureBenchmark (batch-jobs test sources) against the real test
# servers of test-support (embedded PostgreSQL 15, in-process Kafka, Elasticsearch in its own JVM):
# a subject with 50,000 transactions written with COPY and 50,000 decision documents, a share of
# which (LEAKING, default 0.1) name the subject; erasure wall time from start to certificate
# (the proof included) and peak heap, next to one SQL update of another subject's 50,000 rows.
#
#   bench/gdpr-erasure.sh                 # 50,000 rows, 10 % of the documents to redact
#   ROWS=10000 LEAKING=1 bench/gdpr-erasure.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/java" ] || { echo "No JDK >= 21 at $JAVA_HOME: set JAVA_HOME" >&2; exit 2; }
export JAVA_HOME
LOG="$(mktemp /tmp/flowlet-bench-erasure.XXXXXX.log)"
echo "# gdpr erasure benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores," \
     "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o -pl batch-jobs -am verify -Dtest=GdprErasureBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -DargLine="-Drows=${ROWS:-50000} -Dleaking=${LEAKING:-0.1}" \
  >"$LOG" 2>&1 || { grep -E "ERROR|FAIL" "$LOG" | head -40; echo "full log: $LOG" >&2; exit 1; }
grep -h "BENCH" "$LOG" | sed 's/^.*BENCH /BENCH /'
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$LOG"
