package com.plumbline.intake.dashboard;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dispatch board's REST API: feed, customer, catch-up events, stats, acknowledge; errors as JSON. */
class DashboardApiTest extends DashboardIntegrationTest {

    @Test
    void everyBoardReadNeedsAToken() throws Exception {
        for (String path : new String[] {"/api/dashboard/me", "/api/dashboard/feed", "/api/dashboard/events?after=0",
                "/api/dashboard/stats", "/api/dashboard/customers/1"}) {
            HttpResponse<String> response = call("GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(json(response).get("error").asText()).isEqualTo("unauthorized");
            assertThat(call("GET", path, "forged.token.here").statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void badFiltersAndUnknownIdsAre400And404() throws Exception {
        String token = login("Dana Reyes");
        assertThat(call("GET", "/api/dashboard/feed?priority=URGENT", token).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/dashboard/feed?limit=abc", token).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/dashboard/events?after=-1", token).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/dashboard/events", token).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/dashboard/stats?zone=Mars/Olympus", token).statusCode()).isEqualTo(400);
        HttpResponse<String> missing = call("GET", "/api/dashboard/customers/999999", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("not_found");
        assertThat(call("POST", "/api/dashboard/messages/999999/ack", token).statusCode()).isEqualTo(404);
        assertThat(post("/api/dev/login", "application/json", "{\"staffId\": 999999}").statusCode()).isEqualTo(404);
        assertThat(post("/api/dev/login", "application/json", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void aMessageReachesTheFeedTheCustomerViewAndTheEventLog() throws Exception {
        String token = login("Dana Reyes");
        long before = json(call("GET", "/api/dashboard/me", token)).get("lastEventId").asLong();

        assertThat(sms("SMapi000000000000000000000000000001", "+15125550161",
                "water heater not working, no hot water since yesterday").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> messages("SMapi000000000000000000000000000001") == 1);
        long messageId = messageId("SMapi000000000000000000000000000001");

        JsonNode feed = json(call("GET", "/api/dashboard/feed?priority=HIGH&status=OPEN", token));
        assertThat(feed).anySatisfy(item -> {
            assertThat(item.get("messageId").asLong()).isEqualTo(messageId);
            assertThat(item.get("serviceType").asText()).isEqualTo("WATER_HEATER");
            assertThat(item.get("customer").asText()).doesNotContain("5550161");   // masked number
            assertThat(item.get("responseDue").isNull()).isFalse();
        });
        assertThat(json(call("GET", "/api/dashboard/feed?priority=LOW", token)))
                .noneSatisfy(item -> assertThat(item.get("messageId").asLong()).isEqualTo(messageId));

        await().atMost(Duration.ofSeconds(10)).until(() -> json(call("GET", "/api/dashboard/events?after=" + before, token))
                .get("events").findValuesAsText("type").contains("message"));
        JsonNode events = json(call("GET", "/api/dashboard/events?after=" + before, token)).get("events");
        long previous = before;
        for (JsonNode event : events) {
            assertThat(event.get("eventId").asLong()).isGreaterThan(previous);
            previous = event.get("eventId").asLong();
        }

        long customerId = feed.get(0).get("customerId").asLong();
        JsonNode customer = json(call("GET", "/api/dashboard/customers/" + customerId, token));
        assertThat(customer.get("phone").asText()).isEqualTo("+15125550161");
        assertThat(customer.get("messages").get(0).get("body").asText()).contains("water heater");
        assertThat(customer.has("jobs")).isTrue();
        assertThat(customer.has("notifications")).isTrue();

        JsonNode ack = json(call("POST", "/api/dashboard/messages/" + messageId + "/ack", token));
        assertThat(ack.get("type").asText()).isEqualTo("ack");
        assertThat(ack.get("by").get("name").asText()).isEqualTo("Dana Reyes");
        JsonNode acked = json(call("GET", "/api/dashboard/feed?status=ACKED", token));
        assertThat(acked).anySatisfy(item -> {
            assertThat(item.get("messageId").asLong()).isEqualTo(messageId);
            assertThat(item.get("ackedBy").asText()).isEqualTo("Dana Reyes");
        });

        JsonNode stats = json(call("GET", "/api/dashboard/stats?zone=UTC", token));
        assertThat(stats.get("messagesPerHour").get("HIGH")).hasSize(24);
        assertThat(stats.get("firstResponse")).anySatisfy(r -> assertThat(r.get("priority").asText()).isEqualTo("HIGH"));
    }

    @Test
    void thePageAndItsChartLibraryAreServedByTheApp() throws Exception {
        assertThat(get("/").body()).contains("Plumbline dispatch").doesNotContain("https://");
        assertThat(get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
        assertThat(get("/board.js").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionsAndRoomsAreMetrics() {
        assertThat(get("/actuator/prometheus").body()).contains("intake_board_connections").contains("intake_board_rooms");
    }

    @Test
    void staffEmailLinksOpenTheBoardOnTheCustomer() {
        assertThat(get("/dashboard/customers/7").statusCode()).isEqualTo(302);
    }
}
