#!/usr/bin/env bash
# The one script that runs the Plumbline Intake benchmarks.
#   bench/run.sh               all benchmarks
#   bench/run.sh classifier    only the classification benchmark
# JMH settings can be overridden, e.g. JMH_OPTS="-wi 5 -i 10 -f 2" bench/run.sh classifier
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JMH_OPTS="${JMH_OPTS:--wi 2 -i 3 -f 1 -w 5s -r 5s}"
JAR="$BENCH_DIR/target/benchmarks.jar"

build() {
  # -o when offline; the first build needs Maven Central for JMH
  "$ROOT_DIR/mvnw" -q -B ${MVN_OPTS:-} -f "$BENCH_DIR/pom.xml" package -DskipTests
}

# Classification of 200-character messages on ONE thread (target >= 50,000 messages/s).
classifier() {
  echo "== classifier: MessageClassifier.classify, 200-char messages, 1 thread (ops/s = messages/s)"
  java -Xms256m -Xmx256m -jar "$JAR" 'ClassifierBenchmark' -t 1 $JMH_OPTS \
    -bm thrpt -tu s -jvmArgs "-Xms256m -Xmx256m -Drules.file=$ROOT_DIR/config/rules.yaml"
}

build
case "${1:-all}" in
  classifier) classifier ;;
  all) classifier ;;
  *) echo "unknown benchmark '$1' (known: classifier, all)" >&2; exit 2 ;;
esac
