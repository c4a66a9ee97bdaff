package com.plumbline.intake.storage;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FreePorts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.GoogleTokens;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL goes away while the service runs and comes back: meanwhile webhooks are refused with
 * 503 and Retry-After (nothing is acknowledged that was not stored) and health says the database
 * is down; afterwards the service recovers by itself, without a restart, and processes everything
 * it acknowledged, once. The database runs in the test, on loopback, as an external one would.
 */
class DatabaseOutageTest {

    private static final int BEFORE = 20;
    private static final int DURING = 5;
    private static final String POISON_ID = "4242424242";
    private static final GoogleTokens GOOGLE = new GoogleTokens();

    @TempDir
    Path dataDir;

    @Test
    void webhooksAreRefusedWhileTheDatabaseIsDownAndEverythingAcknowledgedIsProcessedWhenItReturns() throws Exception {
        int postgresPort = FreePorts.next();
        Path postgresData = dataDir.resolve("external-postgres");
        EmbeddedPostgres postgres = postgres(postgresData, postgresPort);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(
                "--server.port=0",
                "--management.server.port=0",
                "--intake.ws.port=" + FreePorts.next(),
                "--intake.data-dir=" + dataDir,
                "--intake.test-endpoint.enabled=true",
                "--intake.public-base-url=" + IntakeIntegrationTest.PUBLIC_BASE_URL,
                "--intake.pubsub.push.service-account=" + IntakeIntegrationTest.PUSH_ACCOUNT,
                "--intake.pubsub.push.jwks-url=" + GOOGLE.jwksUrl(),
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres",
                // each refused webhook waits this long for a connection before its 503 (production:
                // INTAKE_DB_CONNECTION_TIMEOUT, 5 s); at 5 s the outage's seven refusals took 35 s
                "--spring.datasource.hikari.connection-timeout=500",
                // the pollers (due jobs, notifications to queue again, escalations) look every second
                // rather than every 5 s (production), so each meets the outage soon after it begins
                "--intake.jobs.poll-delay=1000",
                "--intake.notify.requeue.poll-delay=1000",
                "--intake.notify.escalation.poll-delay=1000",
                "--intake.security.jwt-secret=" + IntakeIntegrationTest.JWT_SECRET,
                "--intake.security.bootstrap-admin-password=" + IntakeIntegrationTest.ADMIN_PASSWORD)) {
            WebhookClient client = new WebhookClient(((ServletWebServerApplicationContext) service).getWebServer().getPort());
            // health names the parts to operators; the token is checked without the database
            String login = client.send("POST", "/api/auth/login", "{\"username\":\"" + IntakeIntegrationTest.ADMIN_USER
                    + "\",\"password\":\"" + IntakeIntegrationTest.ADMIN_PASSWORD + "\"}").body();
            WebhookClient operator = client.withToken(new ObjectMapper().readTree(login).get("accessToken").asText());
            for (int i = 0; i < BEFORE; i++) {
                assertThat(send(client, "before-" + i).statusCode()).isEqualTo(200);
            }

            Map<ScheduledPollConsumer, Long> pollsBefore = pollers(service);
            assertThat(pollsBefore.keySet()).extracting(ScheduledPollConsumer::getRouteId)
                    .contains("due-jobs", "notify-requeue", "escalation");
            postgres.close();
            for (int i = 0; i < DURING; i++) {
                HttpResponse<String> refused = send(client, "during-" + i);
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
                assertThat(refused.body()).contains("\"error\"").doesNotContain("Exception");
            }
            // an unreadable push cannot be stored as REJECTED either: 503, so Pub/Sub delivers it again
            HttpResponse<String> poison = postPoison(client);
            assertThat(poison.statusCode()).isEqualTo(503);
            assertThat(poison.headers().firstValue("Retry-After")).isPresent();
            assertThat(poison.body()).contains("\"error\"").doesNotContain("Exception");
            HttpResponse<String> health = operator.get("/api/webhooks/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"database\":\"DOWN\"");
            // every poller meets the outage (a poll of each has run and failed since PostgreSQL went
            // away), so that each has to recover by itself below
            await().atMost(Duration.ofSeconds(30)).until(() -> pollsBefore.entrySet().stream().allMatch(poller ->
                    poller.getKey().getCounter() > poller.getValue() && poller.getKey().getErrorCounter() > 0));

            postgres = postgres(postgresData, postgresPort);
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(60)).until(() -> operator.get("/api/webhooks/health").statusCode() == 200);
            Duration recovery = Duration.between(back, Instant.now());
            // the providers retry what was refused
            for (int i = 0; i < DURING; i++) {
                assertThat(send(client, "during-" + i).statusCode()).isEqualTo(200);
            }
            assertThat(postPoison(client).statusCode()).isEqualTo(200);

            JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
            await().atMost(Duration.ofSeconds(120)).until(() ->
                    db.queryForObject("select count(*) from message", Integer.class) >= BEFORE + DURING);
            System.out.printf("Database outage: healthy %.1f s after PostgreSQL came back; %d messages processed%n",
                    recovery.toMillis() / 1000.0, BEFORE + DURING);
            assertThat(db.queryForObject("select count(distinct provider_message_id) from message", Integer.class))
                    .isEqualTo(BEFORE + DURING);
            assertThat(db.queryForObject("select count(*) from message", Integer.class)).isEqualTo(BEFORE + DURING);
            assertThat(db.queryForObject("select count(*) from webhook_event where status <> 'REJECTED'", Integer.class))
                    .isEqualTo(BEFORE + DURING);
            assertThat(db.queryForList("select provider_message_id from webhook_event where status = 'REJECTED'", String.class))
                    .containsExactly(POISON_ID);
        } finally {
            postgres.close();
        }
    }

    /**
     * The service's scheduled pollers with the polls each has run so far; not the hourly cleanup,
     * which is not due while a test runs.
     */
    private static Map<ScheduledPollConsumer, Long> pollers(ConfigurableApplicationContext service) {
        Map<ScheduledPollConsumer, Long> polls = new HashMap<>();
        for (Route route : service.getBean(CamelContext.class).getRoutes()) {
            if (route.getConsumer() instanceof ScheduledPollConsumer poller && poller.getDelay() <= 60_000) {
                polls.put(poller, poller.getCounter());
            }
        }
        return polls;
    }

    private static HttpResponse<String> postPoison(WebhookClient client) {
        String token = GOOGLE.token(IntakeIntegrationTest.PUSH_AUDIENCE, IntakeIntegrationTest.PUSH_ACCOUNT,
                Instant.now().plusSeconds(600));
        return client.post("/api/webhooks/google-pubsub", "application/json",
                WebhookClient.pushEnvelope(POISON_ID, WebhookClient.base64("this is not a relay event")),
                "Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(WebhookClient client, String id) {
        return client.post("/api/webhooks/test", "application/json",
                "{\"id\":\"%s\",\"type\":\"sms\",\"from\":\"+15125550191\",\"text\":\"kitchen sink is clogged\"}".formatted(id));
    }

    /** PostgreSQL on a fixed port and data folder, so it can be stopped and started again as the same server. */
    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
