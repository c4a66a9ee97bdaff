#!/usr/bin/env bash
# The service on its embedded default (PostgreSQL and Artemis under ./data), run as the Dockerfile runs it: the jar
# unpacked, the Dockerfile's JVM options, and a class data sharing archive that the first run writes when it stops
# (Ctrl-C) and every later run maps (issue 15: a faster start and less memory than ./mvnw spring-boot:run, which
# runs from the classes and cannot use one on JDK 17). Arguments are passed to the service (e.g.
# --spring.profiles.active=dev). Builds the jar first when there is none or the sources are newer.
set -euo pipefail
cd "$(dirname "$0")"

jar() { ls target/plumbline-intake-*.jar 2>/dev/null | grep -v '\.original$' | head -1; }
if [ -z "$(jar)" ] || [ -n "$(find pom.xml src -newer "$(jar)" -print -quit)" ]; then
  ./mvnw -q -B package -DskipTests
fi

app=target/application
if [ ! -f "$app/app.jar" ] || [ "$(jar)" -nt "$app/app.jar" ]; then
  rm -rf "$app"
  java -Djarmode=tools -jar "$(jar)" extract --destination "$app" --application-filename app.jar > /dev/null
fi

# one source for the options: the Dockerfile's
options=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS="\([^"]*\)".*/\1/p' Dockerfile)
arenas=$(sed -n 's/^ *MALLOC_ARENA_MAX=\([0-9]*\).*/\1/p' Dockerfile)
archive="$app/intake.jsa"
if [ -s "$archive" ]; then
  cds="-XX:SharedArchiveFile=$archive"
else
  echo "First run: the class data sharing archive is written when the service stops (Ctrl-C)." >&2
  cds="-XX:ArchiveClassesAtExit=$archive"
fi
# shellcheck disable=SC2086 # the options are words
MALLOC_ARENA_MAX=$arenas exec java $options $cds -jar "$app/app.jar" "$@"
