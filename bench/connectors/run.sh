#!/usr/bin/env bash
# The publishing benchmark of the connectors module (see docs/benchmarks/connectors.md).
#
#   bash bench/connectors/run.sh                 # every scenario of docs/benchmarks/connectors.md
#   bash bench/connectors/run.sh --threads=50 --response-lost=0.05 ...   # one run, with these arguments
#
# Builds the application if target/classes is missing (or REBUILD=1), compiles PublishBenchmark
# against target/classes and the runtime classpath, and runs it in a JVM of its own per scenario.
# JAVA_OPTS (default -Xmx2g) goes to that JVM.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/bench/connectors"
out="$bench/target"
cd "$root"

if [[ ! -d target/classes || "${REBUILD:-0}" == "1" ]]; then
    echo "building the application (mvn -q -DskipTests package)..."
    mvn -q -DskipTests package
fi
mkdir -p "$out/classes"
if [[ ! -f "$out/classpath.txt" || pom.xml -nt "$out/classpath.txt" ]]; then
    mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
fi
classpath="$root/target/classes:$(cat "$out/classpath.txt")"
javac -nowarn -d "$out/classes" -cp "$classpath" "$bench/src/dev/rapport/connectors/PublishBenchmark.java"

run() {
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:--Xmx2g} -cp "$out/classes:$classpath" dev.rapport.connectors.PublishBenchmark "$@"
}

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

if [[ $# -gt 0 ]]; then
    run "$@"
    exit
fi

faults=(--rate-limited=0.02 --server-error=0.02 --timeout=0.02 --response-lost=0.05)
run --label=no-faults-2 --threads=2       # the scheduler's thread count today (SchedulerConfig)
run --label=no-faults-10 --threads=10     # db-scheduler's default
run --label=no-faults-50 --threads=50
run --label=faults-10 --threads=10 "${faults[@]}"
run --label=faults-20 --threads=20 "${faults[@]}"
run --label=faults-50 --threads=50 "${faults[@]}"
run --label=budget-600-50 --threads=50 --calls-per-minute=600
run --label=budget-300-50 --threads=50 --calls-per-minute=300 --retries=100
run --label=budget-60-50 --threads=50 --calls-per-minute=60 --retries=100
