#!/usr/bin/env bash
# The GDPR export benchmark: starts api and batch-jobs (./flowlet up) on scratch ports and data,
# writes one data subject with 50,000 transactions straight into PostgreSQL (COPY), files an export
# request through the API and measures the wall time to COMPLETED and batch-jobs' peak used heap;
# baseline in the same run: psql \copy of the same rows to a file. Prints the report and stops the
# stack.
#
#   bench/gdpr-export.sh                       # 50,000 transactions
#   TRANSACTIONS=500000 bench/gdpr-export.sh   # a longer history
#
# JVM options of the apps: FLOWLET_APP_JAVA_OPTS (default below: batch-jobs' heap is capped, so an
# export that did not stream would fail instead of passing slowly).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
PG_BIN="${FLOWLET_PG_BIN_DIR:-/usr/lib/postgresql/15/bin}"
[ -x "$PG_BIN/psql" ] || { echo "psql not found in $PG_BIN (set FLOWLET_PG_BIN_DIR)" >&2; exit 2; }
WORK="$(mktemp -d /tmp/flowlet-bench-gdpr.XXXXXX)"
export FLOWLET_HOME="$WORK/home"
export FLOWLET_API_PORT=16101 FLOWLET_STREAMS_PORT=16102 FLOWLET_BATCH_PORT=16103
export FLOWLET_KAFKA_PORT=16192 FLOWLET_ES_PORT=16300 FLOWLET_PG_PORT=16532
export FLOWLET_RECONCILIATION_CRON=- FLOWLET_BACKUP_CRON=-
export FLOWLET_APP_JAVA_OPTS="${FLOWLET_APP_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC}"
export FLOWLET_APPS=api,batch-jobs

./mvnw -B -q -DskipTests package >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 2; }

setsid ./flowlet up >"$WORK/up.log" 2>&1 &
STACK=$!
trap 'rc=$?; kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null || true; rm -rf "$WORK"; exit $rc' EXIT
for _ in $(seq 1 300); do
  grep -q "Flowlet is up" "$WORK/up.log" 2>/dev/null && break
  kill -0 $STACK 2>/dev/null || { cat "$WORK/up.log"; exit 2; }
  sleep 1
done
grep -q "Flowlet is up" "$WORK/up.log" || { tail -20 "$WORK/up.log"; echo "the stack did not come up" >&2; exit 2; }

echo "# GDPR export benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA" -version 2>&1 | head -1)"
echo "# apps: $FLOWLET_APPS; FLOWLET_APP_JAVA_OPTS='$FLOWLET_APP_JAVA_OPTS'; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx1g -cp "bench/target/flowlet-bench.jar:$(cat bench/target/flowlet-bench.classpath)" \
  -Dapi="http://127.0.0.1:$FLOWLET_API_PORT" -Dbatch="http://127.0.0.1:$FLOWLET_BATCH_PORT" \
  -Djdbc="jdbc:postgresql://127.0.0.1:$FLOWLET_PG_PORT/flowlet" -Dpg.bin="$PG_BIN" \
  -Dtransactions="${TRANSACTIONS:-50000}" -Dwork="$WORK" \
  dev.flowlet.bench.gdpr.GdprExportBenchmark
echo "# gdprExportJob steps, from batch-jobs' log:"
grep -ho "Step: \[export[A-Za-z]*\] executed in [0-9a-z]*" "$FLOWLET_HOME/logs/flowlet-batch-jobs.log" | sed 's/^/#   /' || true
echo "# load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
