package com.plumbline.intake.storage;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.SharedPostgres;
import com.plumbline.intake.support.StandaloneBroker;
import com.plumbline.intake.support.WebhookClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Artemis broker goes away while the service runs and comes back: meanwhile webhooks are still
 * acknowledged (stored in webhook_event, the outbox, which is all an acknowledgement needs) and
 * health says DEGRADED, the broker DOWN; afterwards the relay and the consumers reconnect by themselves,
 * without a restart, and everything acknowledged is processed once, jobs included. The broker runs
 * in the test on a loopback TCP port with a persistent journal, as a standalone one would.
 */
class BrokerOutageTest {

    private static final int BEFORE = 20;
    private static final int DURING = 5;

    @TempDir
    Path dataDir;

    @Test
    void webhooksAreStoredWhileTheBrokerIsDownAndEverythingAcknowledgedIsProcessedWhenItReturns() throws Exception {
        int brokerPort = FreePorts.next();
        Path brokerData = dataDir.resolve("external-artemis");
        StandaloneBroker broker = StandaloneBroker.start(brokerData, brokerPort);
        int managementPort = FreePorts.next();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(
                "--server.port=0",
                "--management.server.port=" + managementPort,
                "--intake.ws.port=" + FreePorts.next(),
                "--intake.data-dir=" + dataDir,
                // a database of its own on the test JVM's PostgreSQL: this test is not about the embedded one
                "--spring.datasource.url=" + SharedPostgres.newDatabase(),
                "--spring.datasource.username=postgres",
                "--intake.test-endpoint.enabled=true",
                "--spring.artemis.broker-url=" + StandaloneBroker.url(brokerPort),
                "--intake.security.jwt-secret=" + IntakeIntegrationTest.JWT_SECRET,
                "--intake.security.bootstrap-admin-password=" + IntakeIntegrationTest.ADMIN_PASSWORD)) {
            WebhookClient client = new WebhookClient(((ServletWebServerApplicationContext) service).getWebServer().getPort());
            String login = client.send("POST", "/api/auth/login", "{\"username\":\"" + IntakeIntegrationTest.ADMIN_USER
                    + "\",\"password\":\"" + IntakeIntegrationTest.ADMIN_PASSWORD + "\"}").body();
            String accessToken = new ObjectMapper().readTree(login).get("accessToken").asText();
            WebhookClient operator = client.withToken(accessToken);
            JdbcTemplate db = service.getBean(JdbcTemplate.class);
            for (int i = 0; i < BEFORE; i++) {
                assertThat(send(client, "before-" + i).statusCode()).isEqualTo(200);
            }

            // some of them are still queued or in flight when the broker goes
            broker.close();
            Instant down = Instant.now();
            // the acknowledgement needs only the database: webhook_event, the outbox, keeps them until the broker is back
            for (int i = 0; i < DURING; i++) {
                assertThat(send(client, "during-" + i).statusCode()).isEqualTo(200);
            }
            Duration storing = Duration.between(down, Instant.now());
            await().atMost(Duration.ofSeconds(10)).until(() -> db.queryForObject("""
                    select count(*) from webhook_event where provider_message_id like 'during-%' and relayed_at is null""",
                    Integer.class) == DURING);

            // taken, not worked: the load balancers keep sending webhooks, the operator sees the broker DOWN
            // (once the client has given up its reconnection attempts, about 3 s)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> operator.get("/api/webhooks/health").body().contains("\"broker\":\"DOWN\""));
            HttpResponse<String> health = operator.get("/api/webhooks/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"DEGRADED\"").contains("\"broker\":\"DOWN\"")
                    .contains("\"database\":\"UP\"");
            assertThat(client.get("/health").statusCode()).as("the load balancers' health").isEqualTo(200);
            WebhookClient management = new WebhookClient(managementPort);
            HttpResponse<String> publicHealth = management.get("/actuator/health");
            assertThat(publicHealth.statusCode()).isEqualTo(503);
            assertThat(publicHealth.body()).contains("\"status\":\"DOWN\"").doesNotContain("jms");
            HttpResponse<String> adminHealth = management.withToken(accessToken).get("/actuator/health");
            assertThat(adminHealth.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(adminHealth.body()).at("/components/jms/status").asText())
                    .isEqualTo("DOWN");
            // long enough for the listeners to fail a few reconnections
            Thread.sleep(3000);

            broker = StandaloneBroker.start(brokerData, brokerPort);
            Instant back = Instant.now();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> operator.get("/api/webhooks/health").body().contains("\"broker\":\"UP\""));
            Duration healthy = Duration.between(back, Instant.now());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> db.queryForObject(
                    "select count(*) from webhook_event where relayed_at is null", Integer.class) == 0);
            Duration relayed = Duration.between(back, Instant.now());

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                    db.queryForObject("select count(*) from message", Integer.class) >= BEFORE + DURING);
            Duration processed = Duration.between(back, Instant.now());
            // the job consumers reconnected too: every job due now runs to DONE
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                    db.queryForObject("""
                            select count(*) from processing_job
                            where type <> 'FOLLOW_UP' and status <> 'DONE'""", Integer.class) == 0);
            Duration jobsDone = Duration.between(back, Instant.now());
            System.out.printf("Broker outage: %d webhooks stored in %.1f s; after the broker came back: healthy in %.1f s, "
                            + "stored ones relayed by %.1f s, all %d messages processed by %.1f s, all jobs done by %.1f s%n",
                    DURING, seconds(storing), seconds(healthy), seconds(relayed), BEFORE + DURING,
                    seconds(processed), seconds(jobsDone));

            assertThat(db.queryForObject("select count(distinct provider_message_id) from message", Integer.class))
                    .isEqualTo(BEFORE + DURING);
            assertThat(db.queryForObject("select count(*) from message", Integer.class)).isEqualTo(BEFORE + DURING);
            assertThat(db.queryForObject("select count(*) from webhook_event", Integer.class)).isEqualTo(BEFORE + DURING);
            assertThat(db.queryForObject("""
                    select count(*) from (select message_id, type from processing_job
                    group by message_id, type having count(*) > 1) doubled""", Integer.class)).isZero();
            assertThat(db.queryForObject("select count(*) from dead_letter", Integer.class)).isZero();
        } finally {
            broker.close();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static HttpResponse<String> send(WebhookClient client, String id) {
        return client.post("/api/webhooks/test", "application/json",
                "{\"id\":\"%s\",\"type\":\"sms\",\"from\":\"+15125550192\",\"text\":\"kitchen sink is clogged\"}".formatted(id));
    }
}
