package com.plumbline.intake.security;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.support.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per client IP, body size limit: 429, 413 and 411 as JSON, before anything is stored. */
@TestPropertySource(properties = {
        "intake.limits.webhook-requests-per-minute=20",
        "intake.limits.login-requests-per-minute=5"
})
class AbuseLimitsTest extends IntakeIntegrationTest {

    private static final String EVENT = """
            {"id":"%s","type":"sms","from":"+15125550143","text":"Dripping tap"}""";

    @Test
    void aBurstFromOneIpGets429WithRetryAfterWhileAnotherIpIsServed() {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(post("/api/webhooks/test", "application/json", EVENT.formatted("burst-" + i),
                    "X-Forwarded-For", "203.0.113.7"));
        }
        assertThat(answers).filteredOn(a -> a.statusCode() == 200).hasSize(20);
        HttpResponse<String> refused = answers.get(24);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(refused.body()).contains("\"error\":\"too_many_requests\"");
        assertThat(webhookEvents()).isEqualTo(20);

        assertThat(post("/api/webhooks/test", "application/json", EVENT.formatted("other-ip"),
                "X-Forwarded-For", "198.51.100.9").statusCode()).isEqualTo(200);
        assertThat(post("/api/webhooks/test", "application/json", EVENT.formatted("spoofed-left"),
                "X-Forwarded-For", "198.51.100.10, 203.0.113.7").statusCode())
                .as("a client cannot escape its limit by prepending addresses").isEqualTo(429);
    }

    @Test
    void loginsFromOneIpAreLimited() {
        for (int i = 0; i < 5; i++) {
            assertThat(client().send("POST", "/api/auth/login", credentials("nobody" + i, "wrong-password"))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = client().post("/api/auth/login", "application/json",
                credentials("nobody", "wrong-password"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("too_many_requests");
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingIsReadOrStored() {
        String huge = "Body=" + "x".repeat(300 * 1024);
        HttpResponse<String> answer = post("/api/webhooks/twilio/sms", "application/x-www-form-urlencoded", huge,
                "X-Forwarded-For", "192.0.2.50");
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("\"error\":\"payload_too_large\"").contains("256 KiB");
        assertThat(webhookEvents()).isZero();

        assertThat(postTwilio("/api/webhooks/twilio/sms", Map.of("MessageSid", "SM00000000000000000000000000000099", "From", "+15125550143",
                "To", "+15125550100", "Body", "still served", "AccountSid", "AC00000000000000000000000000000001", "NumMedia", "0")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOfUnknownLengthIs411() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/test"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", "192.0.2.51")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(EVENT.formatted("chunked").getBytes())))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(411);
        assertThat(answer.body()).contains("length_required");
        assertThat(webhookEvents()).isZero();
    }
}
