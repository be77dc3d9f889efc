#!/usr/bin/env bash
# The batch benchmark: starts api and batch-jobs (./flowlet up) on scratch ports and data, then
# runs ReconciliationBenchmark against them: 1,000,000 statement lines against 1,000,000 ledger
# rows through reconciliationJob (wall time, peak heap) next to the same reconciliation as COPY +
# full outer joins in PostgreSQL; then backup verification of a ~1 GiB database next to pg_dump +
# pg_restore alone. Prints the report and stops the stack.
#
#   bench/reconciliation.sh                          # the full run
#   ROWS=100000 BACKUP_BYTES=0 bench/reconciliation.sh   # a quick look, no backup run
#
# JVM options of the apps: FLOWLET_APP_JAVA_OPTS (default below: batch-jobs' heap is capped, so a
# reconciliation that did not stream would fail instead of passing slowly).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d /tmp/flowlet-bench-batch.XXXXXX)"
export FLOWLET_HOME="$WORK/home"
export FLOWLET_API_PORT=16001 FLOWLET_STREAMS_PORT=16002 FLOWLET_BATCH_PORT=16003
export FLOWLET_KAFKA_PORT=16092 FLOWLET_ES_PORT=16200 FLOWLET_PG_PORT=16432
export FLOWLET_IMPORT_DIR="$WORK/import" FLOWLET_BACKUP_DIR="$WORK/backups"
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

echo "# batch benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA" -version 2>&1 | head -1)"
echo "# apps: $FLOWLET_APPS; FLOWLET_APP_JAVA_OPTS='$FLOWLET_APP_JAVA_OPTS'; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -Xmx1g -cp "bench/target/flowlet-bench.jar:$(cat bench/target/flowlet-bench.classpath)" \
  -Dapi="http://127.0.0.1:$FLOWLET_API_PORT" -Dbatch="http://127.0.0.1:$FLOWLET_BATCH_PORT" \
  -Djdbc="jdbc:postgresql://127.0.0.1:$FLOWLET_PG_PORT/flowlet" \
  -Dimport.dir="$FLOWLET_IMPORT_DIR" -Drows="${ROWS:-1000000}" \
  -Dbackup.bytes="${BACKUP_BYTES:-1073741824}" -Drestore.jobs="${RESTORE_JOBS:-2}" \
  dev.flowlet.bench.reconciliation.ReconciliationBenchmark
echo "# load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
