package com.plumbline.intake.dashboard;

import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.plumbline.intake.support.DashboardSocket;
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
    void theSocketSendsNothingBeforeAValidTokenAndATechnicianOnlyWhatWasRoutedToThem() throws Exception {
        String url = "ws://127.0.0.1:" + wsPort + "/ws/dashboard";
        StaffLogin technician = newStaffLogin("TECHNICIAN");
        try (DashboardSocket anonymous = new DashboardSocket(url);
             DashboardSocket forged = new DashboardSocket(url);
             DashboardSocket dispatcher = DashboardSocket.loggedIn(url, login("Dana Reyes"));
             DashboardSocket tech = DashboardSocket.loggedIn(url, technician.token())) {
            forged.send("{\"type\":\"auth\",\"token\":\"forged.token.here\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> forged.received().contains("CLOSED 4401 token not accepted"));
            assertThat(forged.ofType("welcome")).singleElement().asString().contains("\"ok\":false");

            assertThat(sms("SMapi000000000000000000000000000002", "+15125550162",
                    "HELP pipe burst in the basement, water everywhere").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(20)).until(() -> !dispatcher.ofType("alert").isEmpty());
            long messageId = messageId("SMapi000000000000000000000000000002");
            assertThat(dispatcher.ofType("alert").get(0)).contains("\"messageId\":" + messageId);
            assertThat(dispatcher.ofType("message")).anySatisfy(m -> assertThat(m).contains("pipe burst"));
            assertThat(jdbc.queryForObject("select count(*) from notification where message_id = ? and staff_member_id = ?",
                    Integer.class, messageId, technician.staffId())).as("not routed to the new technician").isZero();
            // frames to one event go out together: the dispatcher had it, the others would have had it by now
            Thread.sleep(300);
            assertThat(anonymous.received()).as("nothing before a token").isEmpty();
            assertThat(tech.ofType("alert")).isEmpty();
            assertThat(tech.ofType("message")).isEmpty();
            // who is on the board goes to everyone logged in, the technician too (at most one broadcast per
            // intake.dashboard.presence-interval, 500 ms: it may come after the alert)
            await().atMost(Duration.ofSeconds(5)).until(() -> !tech.ofType("presence").isEmpty());

            // the same rule on the REST side
            assertThat(json(call("GET", "/api/dashboard/feed", technician.token())))
                    .noneSatisfy(item -> assertThat(item.get("messageId").asLong()).isEqualTo(messageId));
            long customerId = json(call("GET", "/api/dashboard/feed", login("Dana Reyes"))).get(0).get("customerId").asLong();
            assertThat(call("GET", "/api/dashboard/customers/" + customerId, technician.token()).statusCode()).isEqualTo(404);
            assertThat(call("POST", "/api/dashboard/messages/" + messageId + "/ack", technician.token()).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void thePageAndItsChartLibraryAreServedByTheApp() throws Exception {
        assertThat(get("/").body()).contains("Plumbline dispatch").doesNotContain("https://");
        assertThat(get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);
        assertThat(get("/board.js").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionsAndRoomsAreMetrics() {
        assertThat(management().get("/actuator/prometheus", "Authorization", "Bearer " + PROMETHEUS_TOKEN).body()).contains("intake_board_connections").contains("intake_board_rooms");
    }

    @Test
    void staffEmailLinksOpenTheBoardOnTheCustomer() {
        assertThat(get("/dashboard/customers/7").statusCode()).isEqualTo(302);
    }
}
