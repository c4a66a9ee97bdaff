package com.plumbline.intake.ops;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /api/webhooks/health and /actuator/health name every part the webhooks need, and the one that is down. */
class IntakeHealthTest extends OpsIntegrationTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyPartIsListedAndUp() throws Exception {
        var response = asAdmin().get("/api/webhooks/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = mapper.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        // the parts the webhooks need (one down: 503), then those that only degrade the service
        assertThat(health.get("components").fieldNames()).toIterable()
                .containsExactly("database", "camel", "routes", "broker", "queues");
        health.get("components").forEach(part -> assertThat(part.asText()).isEqualTo("UP"));
    }

    @Test
    void actuatorHealthAggregatesDatabaseBrokerAndCamel() throws Exception {
        JsonNode health = mapper.readTree(managementAsAdmin().get("/actuator/health").body());

        assertThat(health.get("components").fieldNames()).toIterable().contains("db", "jms", "camelHealth");
    }

    /**
     * A poller that has not polled yet (just started: a deploy, a restart) is not down: the webhooks are taken
     * meanwhile. Its first failed poll is what makes it DOWN (DatabaseOutageTest).
     */
    @Test
    void aPollerJustStartedIsNotDown() throws Exception {
        camel.getRouteController().stopRoute("due-jobs");
        camel.getRouteController().startRoute("due-jobs");

        var response = asAdmin().get("/api/webhooks/health");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).get("components").get("camel").asText()).isEqualTo("UP");
    }

    @Test
    void aStoppedRouteMakesHealthDownAndIsNamed() throws Exception {
        camel.getRouteController().stopRoute("twiml-answer");
        try {
            var response = asAdmin().get("/api/webhooks/health");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode health = mapper.readTree(response.body());
            assertThat(health.get("status").asText()).isEqualTo("DOWN");
            assertThat(health.get("components").get("routes").asText()).isEqualTo("DOWN");
            assertThat(health.get("components").get("database").asText()).isEqualTo("UP");
            assertThat(health.get("down").toString()).contains("routes");
            assertThat(health.get("routesNotStarted").toString()).contains("twiml-answer");
        } finally {
            camel.getRouteController().startRoute("twiml-answer");
        }
        // Camel's route health check catches up with the restarted route on a following check
        await().atMost(Duration.ofSeconds(10)).until(() -> asAdmin().get("/api/webhooks/health").statusCode() == 200);
    }
}
