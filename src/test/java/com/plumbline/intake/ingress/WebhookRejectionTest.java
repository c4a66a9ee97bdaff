package com.plumbline.intake.ingress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.IntakeIntegrationTest;
import com.plumbline.intake.support.RelaySigner;
import com.plumbline.intake.support.TwilioSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.plumbline.intake.support.WebhookClient.base64;
import static com.plumbline.intake.support.WebhookClient.pushEnvelope;
import static com.plumbline.intake.ingress.WebhookIngressTest.twilioSms;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets the right status and a JSON error, and nothing is stored or queued. */
class WebhookRejectionTest extends IntakeIntegrationTest {

    private static final String SMS = "/api/webhooks/twilio/sms";
    private static final String RELAY_EVENT = """
            {"id":"gv-evt-9","type":"sms","from":"+15125550111","text":"no water in the house"}""";

    @Autowired
    ObjectMapper mapper;

    @AfterEach
    void nothingStoredOrQueued() {
        assertThat(webhookEvents()).isZero();
        assertThat(drain(INBOUND_QUEUE)).isEmpty();
    }

    @Test
    void twilioWithWrongSignatureIs403() {
        Map<String, String> params = twilioSms("SM6666666666666666666666666666666f", "burst pipe");
        String signedByOther = TwilioSigner.sign("some-other-token", PUBLIC_BASE_URL + SMS, params);

        assertError(post(SMS, "application/x-www-form-urlencoded", form(params), "X-Twilio-Signature", signedByOther),
                403, "forbidden");
    }

    @Test
    void twilioSignedForAnotherUrlIs403() {
        Map<String, String> params = twilioSms("SM6666666666666666666666666666666f", "burst pipe");
        String signature = TwilioSigner.sign(TWILIO_TOKEN, "https://attacker.example" + SMS, params);

        assertError(post(SMS, "application/x-www-form-urlencoded", form(params), "X-Twilio-Signature", signature),
                403, "forbidden");
    }

    @Test
    void twilioWithTamperedBodyIs403() {
        Map<String, String> params = twilioSms("SM6666666666666666666666666666666f", "burst pipe");
        String signature = TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + SMS, params);
        params.put("Body", "all fine, ignore");

        assertError(post(SMS, "application/x-www-form-urlencoded", form(params), "X-Twilio-Signature", signature),
                403, "forbidden");
    }

    @Test
    void twilioWithoutSignatureIs403() {
        assertError(post(SMS, "application/x-www-form-urlencoded", form(twilioSms("SM1", "hi"))), 403, "forbidden");
    }

    @Test
    void twilioWithJsonContentTypeIs415() {
        assertError(post(SMS, "application/json", "{\"MessageSid\":\"SM1\"}", "X-Twilio-Signature", "x"),
                415, "unsupported_media_type");
    }

    @Test
    void twilioSignedButWithoutMessageSidIs400() {
        Map<String, String> params = Map.of("From", "+15125550143", "Body", "hello");
        assertError(postTwilio(SMS, params), 400, "bad_request");
    }

    @Test
    void twilioOnOneUrlWithNeitherMessageNorCallIs400() {
        Map<String, String> params = Map.of("AccountSid", "AC00000000000000000000000000000001", "From", "+15125550143");
        assertError(postTwilio("/api/webhooks/twilio", params), 400, "bad_request");
    }

    @Test
    void twilioOnOneUrlSignedForTheSmsUrlIs403() {
        Map<String, String> params = twilioSms("SM6666666666666666666666666666666a", "burst pipe");
        String signature = TwilioSigner.sign(TWILIO_TOKEN, PUBLIC_BASE_URL + SMS, params);
        assertError(post("/api/webhooks/twilio", "application/x-www-form-urlencoded", form(params), "X-Twilio-Signature", signature),
                403, "forbidden");
    }

    @Test
    void googleVoiceWithExpiredTimestampIs401() {
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        assertError(postRelay(RELAY_EVENT, sixMinutesAgo), 401, "unauthorized");
    }

    @Test
    void googleVoiceWithWrongSignatureIs401() {
        long now = Instant.now().getEpochSecond();
        assertError(post("/api/webhooks/google-voice", "application/json", RELAY_EVENT,
                        "X-Relay-Timestamp", Long.toString(now),
                        "X-Relay-Signature", RelaySigner.sign("wrong-secret", now, RELAY_EVENT)),
                401, "unauthorized");
    }

    @Test
    void googleVoiceWithoutSignatureIs401() {
        assertError(post("/api/webhooks/google-voice", "application/json", RELAY_EVENT), 401, "unauthorized");
    }

    @Test
    void googleVoiceMalformedJsonIs400() {
        assertError(postRelay("{\"id\":\"gv-1\",", Instant.now().getEpochSecond()), 400, "bad_request");
    }

    @Test
    void googleVoiceUnknownEventTypeIs400() {
        assertError(postRelay("{\"id\":\"gv-1\",\"type\":\"fax\",\"from\":\"+15125550111\"}", Instant.now().getEpochSecond()),
                400, "bad_request");
    }

    @Test
    void googleVoiceBatchWithOneBadEventStoresNothing() {
        String batch = "[" + RELAY_EVENT + ",{\"id\":\"gv-evt-10\",\"type\":\"sms\"}]";
        assertError(postRelay(batch, Instant.now().getEpochSecond()), 400, "bad_request");
    }

    @Test
    void googleVoiceAsFormIs415() {
        assertError(post("/api/webhooks/google-voice", "application/x-www-form-urlencoded", "id=1"), 415, "unsupported_media_type");
    }

    @Test
    void pubSubTokenForAnotherAudienceIs401() {
        String token = GOOGLE.token("https://elsewhere.example/push", PUSH_ACCOUNT, Instant.now().plusSeconds(600));
        assertError(postPush(pushEnvelope("111", base64(RELAY_EVENT)), token), 401, "unauthorized");
    }

    @Test
    void pubSubTokenFromAnotherServiceAccountIs401() {
        String token = GOOGLE.token(PUSH_AUDIENCE, "someone@evil.iam.gserviceaccount.com", Instant.now().plusSeconds(600));
        assertError(postPush(pushEnvelope("112", base64(RELAY_EVENT)), token), 401, "unauthorized");
    }

    @Test
    void pubSubExpiredTokenIs401() {
        String token = GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().minusSeconds(600));
        assertError(postPush(pushEnvelope("113", base64(RELAY_EVENT)), token), 401, "unauthorized");
    }

    @Test
    void pubSubTokenSignedByUnknownKeyIs401() {
        String token = GOOGLE.tokenFromUnknownKey(PUSH_AUDIENCE, PUSH_ACCOUNT);
        assertError(postPush(pushEnvelope("114", base64(RELAY_EVENT)), token), 401, "unauthorized");
    }

    @Test
    void pubSubGarbageTokenIs401() {
        assertError(postPush(pushEnvelope("115", base64(RELAY_EVENT)), "not-a-jwt"), 401, "unauthorized");
    }

    @Test
    void pubSubEnvelopeWithoutMessageIs400() {
        String token = GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().plusSeconds(600));
        assertError(postPush("{\"subscription\":\"projects/p/subscriptions/s\"}", token), 400, "bad_request");
    }

    @Test
    void googleVoiceTimestampBeyondTheRangeOfInstantIs400() {
        assertError(postRelay(RELAY_EVENT, 9_000_000_000_000_000_000L), 400, "bad_request");
    }

    @Test
    void googleVoiceSignatureIsCheckedOverTheRawBytes() throws Exception {
        // signed correctly over bytes that are not UTF-8: a check over a decoded String would call it forged
        byte[] body = "{\"id\":\"gv-latin1\",\"type\":\"sms\",\"from\":\"+15125550111\",\"text\":\"ca\u00f1o roto\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        long now = Instant.now().getEpochSecond();
        HttpResponse<String> response = postRelayBytes(body, now, RelaySigner.sign(RELAY_SECRET, now, body));

        assertError(response, 400, "bad_request");
        assertThat(response.body()).contains("UTF-8");
    }

    @Test
    void twilioMessageSidOver255CharactersIs400() {
        assertError(postTwilio(SMS, twilioSms("SM" + "a".repeat(254), "burst pipe")), 400, "bad_request");
    }

    @Test
    void twilioFromOver64CharactersIs400() {
        Map<String, String> params = new LinkedHashMap<>(twilioSms("SM8888888888888888888888888888888a", "burst pipe"));
        params.put("From", "+1" + "5".repeat(70));
        assertError(postTwilio(SMS, params), 400, "bad_request");
    }

    @Test
    void twilioFromOver32CharactersIs400() {
        Map<String, String> params = new LinkedHashMap<>(twilioSms("SM8888888888888888888888888888888b", "burst pipe"));
        params.put("From", "Anonymous caller, number withheld");
        assertError(postTwilio(SMS, params), 400, "bad_request");
    }

    @Test
    void twilioVoiceCallSidOver255CharactersIs400() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("CallSid", "CA" + "b".repeat(300));
        params.put("CallStatus", "no-answer");
        params.put("From", "+15125550177");
        params.put("To", "+15125550100");
        assertError(postTwilio("/api/webhooks/twilio/voice", params), 400, "bad_request");
    }

    @Test
    void googleVoiceEventIdOver255CharactersIs400() {
        String event = "{\"id\":\"" + "g".repeat(256) + "\",\"type\":\"sms\",\"from\":\"+15125550111\",\"text\":\"leak\"}";
        assertError(postRelay(event, Instant.now().getEpochSecond()), 400, "bad_request");
    }

    @Test
    void googleVoiceNumberOver32CharactersIs400() {
        String event = "{\"id\":\"gv-long-to\",\"type\":\"sms\",\"from\":\"+15125550111\",\"to\":\""
                + "9".repeat(40) + "\",\"text\":\"leak\"}";
        assertError(postRelay(event, Instant.now().getEpochSecond()), 400, "bad_request");
    }

    @Test
    void pubSubMessageIdOver255CharactersIs400() {
        String token = GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().plusSeconds(600));
        assertError(postPush(pushEnvelope("9".repeat(300), base64(RELAY_EVENT)), token), 400, "bad_request");
    }

    private HttpResponse<String> postRelayBytes(byte[] body, long timestamp, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/webhooks/google-voice"))
                .header("Content-Type", "application/json")
                .header("X-Relay-Timestamp", Long.toString(timestamp))
                .header("X-Relay-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        try {
            JsonNode body = mapper.readTree(response.body());
            assertThat(body.get("error").asText()).isEqualTo(error);
            assertThat(body.get("message").asText()).isNotBlank();
        } catch (Exception e) {
            throw new AssertionError("Not a JSON error body: " + response.body(), e);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
