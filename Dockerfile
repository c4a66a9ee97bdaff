# Image for docker-compose.yml. Build: docker build -t plumbline-intake .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/target/plumbline-intake-*.jar app.jar
COPY routes routes
COPY config config
ENV JAVA_TOOL_OPTIONS="-Xms128m -Xmx512m"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "app.jar"]
