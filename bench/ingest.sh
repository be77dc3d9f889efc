#!/usr/bin/env bash
# The ingest benchmark: starts the whole local stack (./flowlet up) on scratch ports and data,
# runs IngestBenchmark against it, prints the report and stops the stack.
#
#   bench/ingest.sh                      # 60 s per run, rates 500,1000,1500
#   SECONDS_PER_RUN=10 bench/ingest.sh   # a quick look
#   APPS=api,streams-processor,batch-jobs bench/ingest.sh   # with the whole pipeline running
#   MODE=decisions APPS=api,streams-processor bench/ingest.sh   # API accept -> decision latency
#                                                                # at DECISION_RATE (500) tx/s
#
# By default only the API runs next to PostgreSQL, Kafka and Elasticsearch (APPS=api): the ingest
# path. With the streams processor running too, every accepted transaction is also screened and
# indexed on the same two cores.
# The API's rate limits are raised for the run (a benchmark client is one client); the report
# states the settings. JVM options of the apps: FLOWLET_APP_JAVA_OPTS (default below).
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
WORK="$(mktemp -d /tmp/flowlet-bench-ingest.XXXXXX)"
export FLOWLET_HOME="$WORK/home"
export FLOWLET_API_PORT=15001 FLOWLET_STREAMS_PORT=15002 FLOWLET_BATCH_PORT=15003
export FLOWLET_KAFKA_PORT=15092 FLOWLET_ES_PORT=15200 FLOWLET_PG_PORT=15432
export FLOWLET_APP_JAVA_OPTS="${FLOWLET_APP_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError}"
export FLOWLET_RATE_LIMITS_ENABLED=false
export FLOWLET_APPS="${APPS:-api}"

./mvnw -B -q -DskipTests package >"$WORK/build.log" 2>&1 || { tail -40 "$WORK/build.log"; exit 2; }

./flowlet up >"$WORK/up.log" 2>&1 &
STACK=$!
trap 'kill -TERM $STACK 2>/dev/null; wait $STACK 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do
  grep -q "Flowlet is up" "$WORK/up.log" 2>/dev/null && break
  kill -0 $STACK 2>/dev/null || { cat "$WORK/up.log"; tail -n 40 "$FLOWLET_HOME"/logs/*.log; exit 2; }
  sleep 1
done

echo "# ingest benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB," \
     "$(. /etc/os-release && echo "$PRETTY_NAME"), $("$JAVA" -version 2>&1 | head -1)"
echo "# apps running: $FLOWLET_APPS; FLOWLET_APP_JAVA_OPTS='$FLOWLET_APP_JAVA_OPTS', rate limits off, DB pool ${FLOWLET_DB_POOL_SIZE:-20}"
"$JAVA" -cp "bench/target/flowlet-bench.jar:$(cat bench/target/flowlet-bench.classpath)" \
  -Dapi="http://127.0.0.1:$FLOWLET_API_PORT" \
  -Djdbc="jdbc:postgresql://127.0.0.1:$FLOWLET_PG_PORT/flowlet" \
  -Dseconds="${SECONDS_PER_RUN:-60}" -Dwarmup.seconds="${WARMUP_SECONDS:-20}" \
  -Drates="${RATES:-500,1000,1500}" -Dclients="${CLIENTS:-64}" \
  -Dmode="${MODE:-ingest}" -Ddecision.rate="${DECISION_RATE:-500}" \
  -Dkafka="127.0.0.1:$FLOWLET_KAFKA_PORT" \
  dev.flowlet.bench.ingest.IngestBenchmark
echo "# load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
