package com.plumbline.intake.ops;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that hangs while the webhooks keep being answered: health turns DEGRADED naming the
 * queue, the stalled gauge moves, and both recover when the consumer does.
 */
class QueueStallTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void quickStallDetection(DynamicPropertyRegistry registry) {
        registry.add("intake.ops.stall-no-progress", () -> "1s");
        registry.add("intake.ops.queue-depth-max-age", () -> "0s");
        // the tickets name no job, so each fails and goes through every redelivery to the dead
        // letters before the queue is empty again: 10 ms apart and doubling (150 ms in all), not
        // 1 s (production: 15 s in all, during which health rightly stays DEGRADED)
        registry.add("intake.jobs.redelivery.initial-delay", () -> "10");
    }

    @Autowired
    ProducerTemplate producer;

    @Test
    void aHungJobConsumerMakesHealthDegradedNamingItsQueueUntilItMovesAgain() throws Exception {
        CountDownLatch hang = new CountDownLatch(1);
        AdviceWith.adviceWith(camel, "jobs", route -> route.weaveAddFirst().process(exchange -> hang.await(60, TimeUnit.SECONDS)));
        int consumers = camel.resolvePropertyPlaceholders("{{intake.jobs.consumers}}").transform(Integer::parseInt);
        // one login for every look at health (a login per poll cost a password hash each time)
        WebhookClient admin = asAdmin();
        try {
            // every consumer hangs on a ticket, and more wait behind them
            for (int i = 0; i < consumers + 3; i++) {
                producer.sendBodyAndHeaders(camel.resolvePropertyPlaceholders("{{intake.jobs.endpoint}}"), "0",
                        Map.of("jobId", "0", "jobType", "QUOTE_ESTIMATE"));
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/webhooks/health").body().contains("\"DEGRADED\""));
            String health = admin.get("/api/webhooks/health").body();
            assertThat(health).contains("\"queues\":\"DEGRADED\"").contains("\"queue\":\"intake.jobs\"")
                    .contains("route jobs completed nothing");
            assertThat(admin.get("/api/webhooks/health").statusCode()).as("webhooks are still taken").isEqualTo(200);
            assertThat(managementAsAdmin().get("/actuator/prometheus").body()).containsPattern("intake_queue_stalled\\{[^}]*queue=\"intake.jobs\"[^}]*} 1.0");
        } finally {
            hang.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/webhooks/health").body().contains("\"status\":\"UP\""));
        assertThat(managementAsAdmin().get("/actuator/prometheus").body()).containsPattern("intake_queue_stalled\\{[^}]*queue=\"intake.jobs\"[^}]*} 0.0");
    }
}
