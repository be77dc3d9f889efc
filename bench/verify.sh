#!/usr/bin/env bash
# How long ./flowlet verify's checks take on 100,000 transactions (TRANSACTIONS to change it): a
# real embedded PostgreSQL 15 and Elasticsearch node on scratch ports and data, filled with
# generate_series and bulk requests, then three runs of the checks.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
./mvnw -B -q -pl bench -am -DskipTests package >/tmp/flowlet-bench-verify-build.log 2>&1 \
  || { tail -40 /tmp/flowlet-bench-verify-build.log; exit 2; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -cp "bench/target/flowlet-bench.jar:$(cat bench/target/flowlet-bench.classpath)" \
  -Dtransactions="${TRANSACTIONS:-100000}" dev.flowlet.bench.verify.VerifyBenchmark
