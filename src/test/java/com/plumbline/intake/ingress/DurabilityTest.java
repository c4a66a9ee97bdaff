package com.plumbline.intake.ingress;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.TextMessage;
import com.plumbline.intake.PlumblineIntakeApplication;
import com.plumbline.intake.support.FreePorts;
import com.plumbline.intake.support.WebhookClient;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spi.InflightRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

import static com.plumbline.intake.ingress.WebhookIngressTest.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged webhook is durable: it is still there after the service stops (and reaches
 * intake.inbound after the restart if it had not yet), and a failure before it is durable answers
 * 503 with nothing half-stored, so the provider's retry is accepted.
 * Storing holds a database connection: a burst of ordinary webhooks may hold only a share of them,
 * and an emergency's webhook does not wait behind it. Each test starts and stops the whole service on one data folder.
 */
class DurabilityTest {

    private static final String SMS = "/api/webhooks/twilio/sms";

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedMessageIsStillThereAfterARestart() throws Exception {
        Map<String, String> sms = twilioSms("SM7777777777777777777777777777777a", "Sewage coming up through the floor drain");

        try (ConfigurableApplicationContext service = start()) {
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext service = start()) {
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).singleElement().asString().contains("SM7777777777777777777777777777777a");

            // the provider retries after the restart: still a duplicate, not a second message
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).hasSize(1);
        }
    }

    @Test
    void aFailureBeforeTheCommitRollsBackTheRowAndAsksForARetry() throws Exception {
        Map<String, String> sms = twilioSms("SM8888888888888888888888888888888b", "No water at all since this morning");

        try (ConfigurableApplicationContext service = start()) {
            // the row is written, then the transaction fails before its commit
            AdviceWith.adviceWith(service.getBean(CamelContext.class), "intake", route -> route
                    .weaveById("store-webhook-event").after()
                    .throwException(new IllegalStateException("database connection lost")));

            HttpResponse<String> response = client(service).postTwilio(SMS, sms);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(response.body()).contains("\"error\":\"unavailable\"").doesNotContain("connection lost");
            assertThat(webhookEvents(service)).isZero();
        }

        try (ConfigurableApplicationContext service = start()) {
            assertThat(client(service).postTwilio(SMS, sms).statusCode()).isEqualTo(200);
            assertThat(webhookEvents(service)).isEqualTo(1);
            assertThat(queued(service)).hasSize(1);
        }
    }

    @Test
    void aBurstOfOrdinaryWebhooksHoldsOnlyItsShareOfConnectionsAndNeverHoldsUpAnEmergency() throws Exception {
        try (ConfigurableApplicationContext service = start("--intake.ingress.concurrent-stores=1",
                "--spring.datasource.hikari.maximum-pool-size=4")) {
            // the first ordinary message stays inside its store (transaction and connection held) until released
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch holding = new CountDownLatch(1);
            AdviceWith.adviceWith(service.getBean(CamelContext.class), "intake", route -> route
                    .weaveById("store-webhook-event").after().process(exchange -> {
                        if (exchange.getMessage().getBody(InboundMessage.class).providerMessageId().equals(ordinarySid(0))) {
                            holding.countDown();
                            assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                        }
                    }));
            WebhookClient client = client(service);
            ExecutorService posting = Executors.newCachedThreadPool();
            List<CompletableFuture<HttpResponse<String>>> ordinary = new ArrayList<>();
            ordinary.add(CompletableFuture.supplyAsync(() -> client.postTwilio(SMS,
                    twilioSms(ordinarySid(0), "Can someone quote a new kitchen faucet")), posting));
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // more of them than the pool has connections: they wait without holding one
            for (int i = 1; i <= 8; i++) {
                String sid = ordinarySid(i);
                ordinary.add(CompletableFuture.supplyAsync(() -> client.postTwilio(SMS,
                        twilioSms(sid, "Do you service water softeners, asking for " + sid)), posting));
            }
            // all of them inside the service and held before their store: in the accept route
            // (the throttle's), not in intake. Without the limit they would enter intake, be
            // stored and answered in milliseconds, and accept would never hold nine
            InflightRepository inflight = service.getBean(CamelContext.class).getInflightRepository();
            await().atMost(Duration.ofSeconds(10)).until(() -> inflight.size("accept") == 9 && inflight.size("intake") == 1);
            assertThat(ordinary).noneMatch(CompletableFuture::isDone);

            // the emergency is stored and answered while they all wait
            HttpResponse<String> emergency = client.postTwilio(SMS,
                    twilioSms("SM3333333333333333333333333333333c", "Burst pipe flooding the kitchen, water everywhere, cannot shut it off"));
            assertThat(emergency.statusCode()).isEqualTo(200);
            assertThat(ordinary).noneMatch(CompletableFuture::isDone);
            assertThat(queued(service)).singleElement().asString().contains("SM3333333333333333333333333333333c");

            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : ordinary) {
                assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(webhookEvents(service)).isEqualTo(10);
            posting.shutdown();
        }
    }

    private static String ordinarySid(int i) {
        return "SM%032d".formatted(i);
    }

    private ConfigurableApplicationContext start(String... more) {
        // as command-line arguments, so they win over application.yaml like a real deployment's
        return new SpringApplicationBuilder(PlumblineIntakeApplication.class).run(Stream.concat(Stream.of(
                "--server.port=0",
                "--management.server.port=0",
                "--intake.ws.port=" + FreePorts.next(),   // not the defaults: another service may hold them
                "--intake.processing.auto-startup=false",
                "--intake.data-dir=" + dataDir,
                "--intake.public-base-url=" + WebhookClient.PUBLIC_BASE_URL,
                "--intake.twilio.auth-token=" + WebhookClient.TWILIO_TOKEN), Stream.of(more)).toArray(String[]::new));
    }

    private static WebhookClient client(ConfigurableApplicationContext service) {
        return new WebhookClient(((ServletWebServerApplicationContext) service).getWebServer().getPort());
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext service) {
        return service.getBean(JdbcTemplate.class);
    }

    private static int webhookEvents(ConfigurableApplicationContext service) {
        return jdbc(service).queryForObject("select count(*) from webhook_event", Integer.class);
    }

    /** The bodies waiting on intake.inbound, left in place, once the relay has moved every stored message there. */
    private static List<String> queued(ConfigurableApplicationContext service) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc(service).queryForObject(
                "select count(*) from webhook_event where relayed_at is null", Integer.class) == 0);
        JmsTemplate jms = new JmsTemplate(service.getBean(ConnectionFactory.class));
        return jms.browse("intake.inbound", (session, browser) -> {
            List<String> bodies = new ArrayList<>();
            for (Object message : Collections.list(browser.getEnumeration())) {
                bodies.add(((TextMessage) message).getText());
            }
            return bodies;
        });
    }
}
