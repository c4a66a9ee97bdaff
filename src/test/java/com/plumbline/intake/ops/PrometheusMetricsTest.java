package com.plumbline.intake.ops;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /actuator/prometheus carries Camel's per-route meters and the business meters; the JSON summary reads the same registry. */
class PrometheusMetricsTest extends OpsIntegrationTest {

    private static final String TEST_EVENT = """
            {"id":"%s","type":"sms","from":"+15125550143","text":"Water heater is leaking"}""";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void scrapeHasPerRouteExchangesFailuresAndProcessingTimeForRoutesThatRan() {
        assertThat(postTestEvent("prom-route-1")).isEqualTo(200);

        String scrape = scrape();

        assertThat(value(scrape, "camel_exchanges_total", "routeId=\"ingress-test\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "camel_exchanges_failed_total", "routeId=\"ingress-test\"")).isZero();
        assertThat(value(scrape, "camel_route_policy_seconds_count", "routeId=\"intake\"")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void receivedWebhookMovesTheBusinessCounter() {
        double before = valueOrZero(scrape(), "intake_webhooks_total", "outcome=\"received\",provider=\"TEST\"");

        assertThat(postTestEvent("prom-counter-1")).isEqualTo(200);

        assertThat(value(scrape(), "intake_webhooks_total", "outcome=\"received\",provider=\"TEST\"")).isEqualTo(before + 1);
    }

    @Test
    void queueDepthIsReadFromTheBroker() throws Exception {
        assertThat(postTestEvent("prom-queue-1")).isEqualTo(200);

        assertThat(value(scrape(), "intake_queue_depth_messages", "queue=\"intake.inbound\"")).isEqualTo(1);
        JsonNode summary = mapper.readTree(asAdmin().get("/api/webhooks/metrics").body());
        assertThat(summary.get("queues").get("intake.inbound").asLong()).isEqualTo(1);

        drain(INBOUND_QUEUE);
        assertThat(value(scrape(), "intake_queue_depth_messages", "queue=\"intake.inbound\"")).isZero();
    }

    @Test
    void outboxWaitingCountsStoredMessagesNotYetRelayed() throws Exception {
        camel.getRouteController().stopRoute("relay-sweep");
        camel.getRouteController().stopRoute("relay");
        try {
            assertThat(postTestEvent("prom-outbox-1")).isEqualTo(200);
            assertThat(value(scrape(), "intake_outbox_waiting_messages", "")).isEqualTo(1);
        } finally {
            camel.getRouteController().startRoute("relay");
            camel.getRouteController().startRoute("relay-sweep");
        }
        // the sweep finds it without a new commit to wake the relay
        await().atMost(Duration.ofSeconds(10)).until(() -> value(scrape(), "intake_outbox_waiting_messages", "") == 0);
        assertThat(drain(INBOUND_QUEUE)).singleElement().asString().contains("prom-outbox-1");
    }

    @Test
    void jsonSummaryKeepsProvidersAtTheTopAndAddsStagesThatExist() throws Exception {
        assertThat(postTestEvent("prom-summary-1")).isEqualTo(200);

        JsonNode summary = mapper.readTree(asAdmin().get("/api/webhooks/metrics").body());

        assertThat(summary.get("TEST").get("received").asLong()).isGreaterThanOrEqualTo(1);
        // every configured queue is counted, including those no stage uses yet
        assertThat(summary.get("queues").fieldNames()).toIterable().contains("intake.inbound", "intake.jobs", "intake.dlq");
    }

    private int postTestEvent(String id) {
        return post("/api/webhooks/test", "application/json", TEST_EVENT.formatted(id)).statusCode();
    }

    private String scrape() {
        var response = management().get("/actuator/prometheus", "Authorization", "Bearer " + PROMETHEUS_TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample of {@code metric} whose labels contain {@code labels}; fails when there is none. */
    static double value(String scrape, String metric, String labels) {
        Matcher sample = sample(scrape, metric, labels);
        assertThat(sample.find()).as("%s{...%s...} in the scrape", metric, labels).isTrue();
        return Double.parseDouble(sample.group(1));
    }

    private static double valueOrZero(String scrape, String metric, String labels) {
        Matcher sample = sample(scrape, metric, labels);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    private static Matcher sample(String scrape, String metric, String labels) {
        return Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{[^}]*" + Pattern.quote(labels) + "[^}]*} (\\S+)$")
                .matcher(scrape);
    }
}
