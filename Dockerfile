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
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx512m"
RUN mkdir -p /app/data && chown intake:intake /app/data
USER intake
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
