# Image for docker-compose.yml. Build: docker build -t plumbline-intake .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# the service runs as an unprivileged user that owns only its data folder
RUN groupadd --system intake && useradd --system --gid intake --home-dir /app --shell /usr/sbin/nologin intake
WORKDIR /app
COPY --from=build /src/target/plumbline-intake-*.jar app.jar
COPY routes routes
COPY config config
# measured by bench/run.sh memory (README, Benchmarks): 533 MiB resident under load, 782 MiB with -Xmx512m and G1
ENV JAVA_TOOL_OPTIONS="-Xms64m -Xmx320m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Xss512k"
RUN mkdir -p /app/data && chown intake:intake /app/data
USER intake
# 8080 the service, 8081 the dashboard WebSocket, 8082 operations (the actuator: set
# INTAKE_MANAGEMENT_ADDRESS=0.0.0.0 to reach it from outside the container, as docker-compose.yml does)
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "-jar", "app.jar"]
