package com.plumbline.intake.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.WebhookClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue #19 item 4: GET /api/review, POST /api/review/{messageId}, GET /api/review/corrections.csv. */
class ReviewApiTest extends IntakeIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-10T15:00:00Z");

    private long conversationId;

    private WebhookClient reviewer;
    private WebhookClient manager;

    @BeforeEach
    void dispatcherAndManagerLoggedIn() {
        reviewer = as("DISPATCHER");
        manager = as("MANAGER");
    }

    @Test
    void reviewingNeedsADispatcherAndTheExportAManager() {
        assertThat(get("/api/review").statusCode()).isEqualTo(401);
        assertThat(as("TECHNICIAN").get("/api/review").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/api/review/corrections.csv").statusCode()).isEqualTo(403);
        assertThat(manager.get("/api/review/corrections.csv").statusCode()).isEqualTo(200);
    }

    @BeforeEach
    void conversation() {
        long customerId = jdbc.queryForObject("insert into customer (phone_e164, phone_valid) values ('+15125550166', true)"
                + " returning id", Long.class);
        conversationId = jdbc.queryForObject("insert into conversation (customer_id, status, priority, service_type,"
                + " opened_at, last_message_at, closes_at) values (?, 'OPEN', 'HIGH', 'GENERAL', ?, ?, ?) returning id",
                Long.class, customerId, Timestamp.from(T0), Timestamp.from(T0), Timestamp.from(T0.plus(Duration.ofDays(1))));
    }

    private long message(String body, boolean needsReview, Duration after) {
        return jdbc.queryForObject("insert into message (conversation_id, provider, provider_message_id, channel,"
                + " direction, from_number, body, priority, service_type, confidence, needs_review, review_reason,"
                + " received_at) values (?, 'TWILIO', ?, 'SMS', 'INBOUND', '+15125550166', ?, 'HIGH', 'GENERAL', 0.3, ?, ?, ?)"
                + " returning id", Long.class, conversationId, "SM-" + System.nanoTime(), body, needsReview,
                needsReview ? "low confidence 0.3 with an emergency cue (gasLike)" : null, Timestamp.from(T0.plus(after)));
    }

    @Test
    void flaggedMessagesAreListedNewestFirst() {
        long older = message("propane tank making a noise", true, Duration.ZERO);
        message("kitchen sink clogged", false, Duration.ofMinutes(1));
        long newer = message("not an emergency but water spraying", true, Duration.ofMinutes(2));

        HttpResponse<String> answer = reviewer.get("/api/review");

        assertThat(answer.statusCode()).isEqualTo(200);
        String body = answer.body();
        assertThat(body).contains("\"messageId\":" + newer).contains("\"messageId\":" + older)
                .doesNotContain("kitchen sink clogged").contains("\"reviewReason\":\"low confidence");
        assertThat(body.indexOf("\"messageId\":" + newer)).isLessThan(body.indexOf("\"messageId\":" + older));
    }

    @Test
    void aCorrectionIsStoredAndExportedAsALabelledExample() {
        long id = message("the \"propane\" tank\nis hissing", true, Duration.ZERO);

        HttpResponse<String> answer = reviewer.post("/api/review/" + id, "application/json",
                "{\"priority\":\"EMERGENCY\",\"serviceType\":\"MAIN_LINE\"}");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"correctedPriority\":\"EMERGENCY\"").contains("\"correctedServiceType\":\"MAIN_LINE\"");
        assertThat(jdbc.queryForObject("select corrected_priority from message where id = ?", String.class, id))
                .isEqualTo("EMERGENCY");

        HttpResponse<String> csv = manager.get("/api/review/corrections.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("\"text\",\"priority\",\"service_type\"\n"
                + "\"the \"\"propane\"\" tank is hissing\",\"EMERGENCY\",\"MAIN_LINE\"\n");
    }

    @Test
    void badCorrectionsAre400AndUnknownMessagesAre404() {
        long id = message("propane smell?", true, Duration.ZERO);

        HttpResponse<String> badPriority = reviewer.post("/api/review/" + id, "application/json",
                "{\"priority\":\"SUPER\",\"serviceType\":\"MAIN_LINE\"}");
        assertThat(badPriority.statusCode()).isEqualTo(400);
        assertThat(badPriority.body()).contains("\"error\":\"bad_request\"").contains("priority: unknown value 'SUPER'");

        HttpResponse<String> missing = reviewer.post("/api/review/" + id, "application/json", "{\"priority\":\"HIGH\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("serviceType: missing");

        assertThat(reviewer.post("/api/review/" + id, "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(reviewer.post("/api/review/abc", "application/json", "{}").statusCode()).isEqualTo(400);
        assertThat(reviewer.get("/api/review?limit=0").statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = reviewer.post("/api/review/987654321", "application/json",
                "{\"priority\":\"HIGH\",\"serviceType\":\"GENERAL\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"not_found\"");
    }
}
