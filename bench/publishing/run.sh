#!/usr/bin/env bash
# The publishing benchmarks of issue 6 (see docs/benchmarks/publishing.md): the calendar page and
# GET /api/v1/calendar for a month with 100,000 posts, and the composer's lint round trip.
#
#   bash bench/publishing/run.sh                      # H2 (fresh data directory)
#   bash bench/publishing/run.sh --postgres           # PostgreSQL: a private cluster on port 55442
#   bash bench/publishing/run.sh --posts=20000 --requests=100 ...   # options of CalendarBenchmark
#
# Builds the jar if missing (or REBUILD=1), compiles CalendarBenchmark against target/classes and
# the runtime classpath (for the JDBC drivers), and runs it; it starts target/rapport.jar itself.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/bench/publishing"
out="$bench/target"
cd "$root"

if [[ ! -f target/rapport.jar || "${REBUILD:-0}" == "1" ]]; then
    echo "building the application (mvn -q -DskipTests package)..."
    mvn -q -DskipTests package
fi
mkdir -p "$out/classes"
if [[ ! -f "$out/classpath.txt" || pom.xml -nt "$out/classpath.txt" ]]; then
    mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt"
fi
classpath="$root/target/classes:$(cat "$out/classpath.txt")"
javac -nowarn -d "$out/classes" -cp "$classpath" "$bench/src/dev/rapport/publishing/CalendarBenchmark.java"

args=()
postgres=0
for arg in "$@"; do
    if [[ "$arg" == "--postgres" ]]; then postgres=1; else args+=("$arg"); fi
done

echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1

if [[ $postgres == 1 ]]; then
    # shellcheck source=bench/postgres.sh
    source "$root/bench/postgres.sh"
    bench_postgres "${PG_PORT:-55442}"
    args=("--postgres-url=$pg_url" "--postgres-password=rapport-bench" "${args[@]}")
fi

# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx512m} -cp "$out/classes:$classpath" dev.rapport.publishing.CalendarBenchmark \
    --jar="$root/target/rapport.jar" ${args[@]+"${args[@]}"}
