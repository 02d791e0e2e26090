#!/usr/bin/env bash
# The screening benchmark (docs/screening.md, section Performance): JMH on ScreeningEngine.screen
# (throughput and per-text sample time, one thread, 280-character posts, mixed Chinese and English)
# and the command line on 100,000 JSON lines including start-up, with its peak RSS.
#
#   bash bench/screening/run.sh            # everything; writes the Performance section of docs/screening.md
#   bash bench/screening/run.sh --no-write # the same, but only prints the section
#   JMH="-wi 1 -i 2 -w 2 -r 2" bash bench/screening/run.sh   # shorter JMH runs (figures less stable)
#
# How it is built: bench/screening/pom.xml only names the JMH artifacts (jmh-core and the annotation
# processor jmh-generator-annprocess, from Maven Central); Maven resolves their classpath, and javac
# compiles the benchmark against the application's target/classes and runtime classpath, running
# JMH's annotation processor on the way. Builds the application first if target/classes or the jar
# is missing (or REBUILD=1). Needs ../shared/data/policy (the corpus takes offensive texts from the
# held-out splits) and the data folder's path can be changed with DATA=….
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
bench="$root/bench/screening"
out="$bench/target"
data="${DATA:-../shared/data/policy}"
write=1
[[ "${1:-}" == "--no-write" ]] && write=0
cd "$root"

if [[ ! -d target/classes || ! -f target/rapport.jar || "${REBUILD:-0}" == "1" ]]; then
    echo "building the application (mvn -q -DskipTests package)..." >&2
    mvn -q -DskipTests package
fi
mkdir -p "$out/classes"
if [[ ! -f target/classpath.txt || pom.xml -nt target/classpath.txt ]]; then
    mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
fi
if [[ ! -f "$out/jmh-classpath.txt" || "$bench/pom.xml" -nt "$out/jmh-classpath.txt" ]]; then
    mvn -q -f "$bench/pom.xml" dependency:build-classpath -Dmdep.outputFile=target/jmh-classpath.txt
fi
app="$root/target/classes:$(cat target/classpath.txt)"
jmh="$(cat "$out/jmh-classpath.txt")"
javac -nowarn -d "$out/classes" -cp "$app:$jmh" "$bench/src/dev/rapport/screening/bench/ScreeningBenchmark.java"

load() { cut -d' ' -f1-3 /proc/loadavg; }
machine="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ {print $2}') GB RAM"
javaversion="$(java -version 2>&1 | head -1)"
echo "machine: $machine; $javaversion; load $(load)" >&2

# ---------------------------------------------------------------- JMH
load_jmh_before="$(load)"
# shellcheck disable=SC2086
java -cp "$out/classes:$app:$jmh" org.openjdk.jmh.Main 'ScreeningBenchmark' \
    -p data="$data" -rf csv -rff "$out/jmh.csv" ${JMH:-} | tee "$out/jmh.log" >&2
load_jmh_after="$(load)"

csv() { # benchmark-name-suffix → score
    awk -F',' -v name="$1" '{gsub(/"/, "")} $1 ~ ("ScreeningBenchmark\\." name "$") {print $5; exit}' "$out/jmh.csv"
}
csv_error() {
    awk -F',' -v name="$1" '{gsub(/"/, "")} $1 ~ ("ScreeningBenchmark\\." name "$") {print $6; exit}' "$out/jmh.csv"
}
throughput="$(csv throughput)"
throughput_error="$(csv_error throughput)"
mean="$(csv latency)"
p50="$(csv 'latency:p0.50')"
p90="$(csv 'latency:p0.90')"
p99="$(csv 'latency:p0.99')"
p999="$(csv 'latency:p0.999')"
pmax="$(csv 'latency:p1.00')"
parts=""
for part in Normalize Detect Lexicon Classifier; do
    score="$(csv "part$part")"
    [[ -n "$score" ]] && parts="$parts$(awk -v p="$part" -v s="$score" 'BEGIN {printf "%s %.1f µs (%.0f/s); ", tolower(p), 1e6 / s, s}')"
done

# ---------------------------------------------------------------- the command line
if [[ ! -f "$out/100k.jsonl" ]]; then
    java -cp "$app" dev.rapport.screening.quality.BenchCorpus "$data" \
        src/test/resources/screening/marketing-posts.tsv 100000 > "$out/100k.jsonl"
fi
lines="$(wc -l < "$out/100k.jsonl")"
head -1 "$out/100k.jsonl" > "$out/1.jsonl"
startup=()
for run in 1 2 3; do
    /usr/bin/time -f '%e' -o "$out/startup-$run.txt" java -jar target/rapport.jar screen < "$out/1.jsonl" > /dev/null
    startup+=("$(cat "$out/startup-$run.txt")")
done
startup_best="$(printf '%s\n' "${startup[@]}" | sort -n | head -1)"
cli_runs=()
rss_runs=()
load_cli_before="$(load)"
for run in 1 2 3; do
    /usr/bin/time -v -o "$out/time-$run.txt" java -jar target/rapport.jar screen < "$out/100k.jsonl" > /dev/null
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$out/time-$run.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$out/time-$run.txt")"
    cpu="$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.1f", u + s}' "$out/time-$run.txt")"
    cli_runs+=("$wall s wall ($cpu s CPU)")
    rss_runs+=("$rss")
    echo "command line, run $run: $wall s, $cpu s CPU, peak RSS $rss MB, load $(load)" >&2
done
load_cli_after="$(load)"
best_wall="$(for f in "$out"/time-*.txt; do awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$f"; done | sort -n | head -1)"
worst_wall="$(for f in "$out"/time-*.txt; do awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$f"; done | sort -n | tail -1)"
max_rss="$(printf '%s\n' "${rss_runs[@]}" | sort -n | tail -1)"

met() { if awk "BEGIN {exit !($1)}"; then echo "**met**"; else echo "**not met**"; fi; }

section="$out/performance.md"
{
    echo "<!-- performance -->"
    echo
    echo "Measured by \`bash bench/screening/run.sh\` on $(date -u +%Y-%m-%d) — $machine; $javaversion."
    echo "Other builds may share the 2 cores: the load average is given for each part."
    echo
    echo "| figure | measured | target | met |"
    echo "|---|---|---|---|"
    printf '| ScreeningEngine.screen, one thread, 280-character posts (mixed zh/en) | %.0f texts/s (± %.0f, 99.9%% CI) | ≥ 20,000 texts/s | %s |\n' \
        "$throughput" "$throughput_error" "$(met "$throughput >= 20000")"
    printf '| per text, p50 / p90 / p99 / p99.9 / max (sample time) | %.1f / %.1f / %.1f / %.1f / %.0f µs (mean %.1f µs) | p99 < 1 ms | %s |\n' \
        "$p50" "$p90" "$p99" "$p999" "$pmax" "$mean" "$(met "$p99 < 1000")"
    printf '| command line, %s lines including start-up (best / worst of 3) | %s s / %s s | < 15 s | %s |\n' \
        "$lines" "$best_wall" "$worst_wall" "$(met "$worst_wall < 15")"
    printf '| command line, start-up alone (1 line; best of 3) | %s s | – | – |\n' "$startup_best"
    printf '| command line, peak RSS (largest of 3) | %s MB | (streams: flat) | – |\n' "$max_rss"
    echo
    echo "Where the time goes (the engine's steps timed alone on the same texts, throughput mode, 3 × 3 s): ${parts:-not run}"
    printf 'the whole screen %.1f µs per text.\n' "$(awk -v s="$throughput" 'BEGIN {print 1e6 / s}')"
    echo
    echo "Load average (1, 5, 15 min): JMH $load_jmh_before → $load_jmh_after; command line $load_cli_before → $load_cli_after."
    echo "Command-line runs: $(IFS=';'; echo "${cli_runs[*]}" | sed 's/;/; /g')."
    echo
    echo "The corpus (\`dev.rapport.screening.quality.BenchCorpus\`, seed 20260101): half Chinese, half English;"
    echo "of each, 80% marketing posts (\`src/test/resources/screening/marketing-posts.tsv\`, joined to 280"
    echo "characters) and 20% offensive texts of the held-out splits (COLD dev, EDOS test, joined or cut to 280"
    echo "characters); language detected (\`auto\`). JMH: 4,096 texts in turn, 1 fork (-Xmx1g), 3 × 5 s warm-up,"
    echo "5 × 5 s measurement per mode unless JMH=… says otherwise (this run: \`${JMH:-defaults}\`)."
    echo
    echo "Commands (from the repository root):"
    echo
    echo '```sh'
    echo "bash bench/screening/run.sh   # all of the below, and writes this section"
    echo "# JMH:"
    echo "java -cp bench/screening/target/classes:target/classes:\$(cat target/classpath.txt):\$(cat bench/screening/target/jmh-classpath.txt) \\"
    echo "    org.openjdk.jmh.Main ScreeningBenchmark -p data=$data -rf csv -rff bench/screening/target/jmh.csv"
    echo "# the command line:"
    echo "java -cp target/classes:\$(cat target/classpath.txt) dev.rapport.screening.quality.BenchCorpus \\"
    echo "    $data src/test/resources/screening/marketing-posts.tsv 100000 > bench/screening/target/100k.jsonl"
    echo "/usr/bin/time -v java -jar target/rapport.jar screen < bench/screening/target/100k.jsonl > /dev/null"
    echo '```'
    echo
    echo "<!-- /performance -->"
} > "$section"
cat "$section"

if [[ "$write" == "1" ]]; then
    doc="$root/docs/screening.md"
    if [[ -f "$doc" ]] && grep -q '<!-- performance -->' "$doc"; then
        SECTION="$section" perl -0pi -e 'BEGIN { local $/; open my $f, "<", $ENV{SECTION} or die; $s = <$f>; chomp $s } s/<!-- performance -->.*?<!-- \/performance -->/$s/s' "$doc"
        echo "wrote the Performance section of $doc" >&2
    else
        echo "docs/screening.md has no Performance markers: run bench/screening/quality.sh first" >&2
    fi
fi
