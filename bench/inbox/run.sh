#!/usr/bin/env bash
# The inbox benchmarks of issue 7: ingest, classify and route 100,000 interactions (target: 5,000/s
# on 2 cores, H2 and PostgreSQL), then the inbox page with them open (target: p95 under 100 ms).
#
#   bash bench/inbox/run.sh                         # H2 (fresh data directory), 100,000 interactions, 4 threads
#   bash bench/inbox/run.sh --threads=1             # one account's page at a time
#   bash bench/inbox/run.sh --postgres              # PostgreSQL: a private cluster on port 55443
#   bash bench/inbox/run.sh --items=5000 --requests=30          # a short run
#   bash bench/inbox/run.sh --keep                  # keep the H2 data directory, then:
#   bash bench/inbox/run.sh --reuse=/tmp/rapport-inbox-bench-XXXX --scenarios=page
#
# Options of IngestionBenchmark: --items=100000 --accounts=20 --threads=4 --page-size=100
# --responders=2 (per department) --warmup=300000 --requests=200 --page-warmup=20
# --scenarios=ingest,page --seed=2026 --reuse=DIR --keep --settle=0 (H2: idle seconds at the end, file reported every 30 s).
#
# Builds the application if target/classes is missing (or REBUILD=1), compiles IngestionBenchmark
# against target/classes and the runtime classpath, and runs it: it starts the application in its
# own JVM (in-process, like bench/connectors). JAVA_OPTS (default -Xmx2g) goes to that JVM.
# Exit code 1 when the database does not reconcile with the interactions sent.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/bench/inbox"
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
javac -nowarn -d "$out/classes" -cp "$classpath" "$bench/src/dev/rapport/inbox/IngestionBenchmark.java"

args=()
postgres=0
for arg in "$@"; do
    if [[ "$arg" == "--postgres" ]]; then postgres=1; else args+=("$arg"); fi
done

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
echo "command: bash bench/inbox/run.sh $*"

if [[ $postgres == 1 ]]; then
    # shellcheck source=bench/postgres.sh
    source "$root/bench/postgres.sh"
    bench_postgres "${PG_PORT:-55443}"
    args=("--postgres-url=$pg_url" "--postgres-password=rapport-bench" ${args[@]+"${args[@]}"})
fi

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -cp "$out/classes:$classpath" dev.rapport.inbox.IngestionBenchmark \
    --corpus="$root/src/test/resources/inbox/labelled.tsv" ${args[@]+"${args[@]}"}
