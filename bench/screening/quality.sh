#!/usr/bin/env bash
# Writes docs/screening.md: the quality of the whole screen (ScreeningEngine, default policy) on the
# held-out data and the marketing posts, the test suites' counts and the evidence on the severity
# cut-offs. Keeps the Performance section as it is (bench/screening/run.sh writes that).
#
#   bash bench/screening/quality.sh [DATA]   # DATA defaults to ../shared/data/policy
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
data="${1:-../shared/data/policy}"
if [[ ! -d target/classes || "${REBUILD:-0}" == "1" ]]; then
    mvn -q -DskipTests package
fi
if [[ ! -f target/classpath.txt || pom.xml -nt target/classpath.txt ]]; then
    mvn -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/classpath.txt
fi
java -Xmx2g -cp "target/classes:$(cat target/classpath.txt)" \
    dev.rapport.screening.quality.ScreeningQuality "$data" docs/screening.md
