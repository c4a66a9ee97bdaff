# Image for docker-compose.yml. Build: docker build -t plumbline-intake .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests
# the jar unpacked into application/app.jar + application/lib/: class data sharing (below) archives
# classes from plain jars only, and an unpacked jar also starts faster than the nested one
RUN java -Djarmode=tools -jar target/plumbline-intake-*.jar extract --destination application --application-filename app.jar

FROM eclipse-temurin:17-jre
# the service runs as an unprivileged user that owns only its data folder
RUN groupadd --system intake && useradd --system --gid intake --home-dir /app --shell /usr/sbin/nologin intake
WORKDIR /app
COPY --from=build /src/application application
COPY routes routes
COPY config config
# measured by bench/run.sh memory and by hand (README, Benchmarks, "Memory and start"): the serial
# collector and a 320 MiB heap suit 2 cores; a 48 MiB young generation (the default is a third of the heap,
# and under load all of it is touched) holds about 50 MiB less resident at the same ingest rate;
# MALLOC_ARENA_MAX keeps glibc from one malloc arena per thread
ENV JAVA_TOOL_OPTIONS="-Xms64m -Xmx320m -Xmn48m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k" \
    MALLOC_ARENA_MAX=2 \
    INTAKE_MODEL_CACHE_DIR=/app/model
RUN mkdir -p /app/data /app/cds /app/model && chown intake:intake /app/data /app/cds /app/model
USER intake
# Class data sharing (issue 15: start): a training run starts the service once (embedded PostgreSQL and
# Artemis on a throwaway data folder), waits for /health UP and stops it; at exit the JVM writes every
# class it loaded, parsed and verified into /app/cds/intake.jsa, and each start then maps them instead of
# loading them again. The archive fits this JVM, these JAVA_TOOL_OPTIONS and these jars only: after a
# change to any of them the JVM warns and starts without it (rebuild the image). The training also leaves
# the embedded PostgreSQL's binaries unpacked in /tmp/embedded-pg, which a start would unpack otherwise, and
# the trained classification model in /app/model, which each start then reads instead of training it again
# (rules.ModelCache: a start with other labelled messages or word folding trains and saves its own).
SHELL ["/bin/bash", "-c"]
RUN INTAKE_DATA_DIR=/tmp/cds-training java -XX:ArchiveClassesAtExit=/app/cds/intake.jsa -jar application/app.jar \
      > /tmp/cds-training.log 2>&1 & \
    service=$!; \
    for _ in $(seq 900); do \
      (exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health HTTP/1.0\r\n\r\n' >&3 && grep -q '"UP"' <&3) 2>/dev/null && break; \
      kill -0 $service || { tail -50 /tmp/cds-training.log; exit 1; }; sleep 1; \
    done; \
    kill $service; wait $service; \
    test -s /app/cds/intake.jsa || { tail -50 /tmp/cds-training.log; exit 1; }; \
    rm -rf /tmp/cds-training /tmp/cds-training.log
USER root
RUN chown -R root:root /app/cds
USER intake
# 8080 the service, 8081 the dashboard WebSocket, 8082 operations (the actuator: set
# INTAKE_MANAGEMENT_ADDRESS=0.0.0.0 to reach it from outside the container, as docker-compose.yml does)
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/cds/intake.jsa", "-jar", "application/app.jar"]
