package com.plumbline.intake.ingress;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.Concurrently;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.plumbline.intake.support.WebhookClient.base64;
import static com.plumbline.intake.support.WebhookClient.pushEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

/** Each provider's real-shaped, signed webhook is stored once and reaches intake.inbound. */
class WebhookIngressTest extends IntakeIntegrationTest {

    @Autowired
    ObjectMapper mapper;

    @Test
    void twilioSmsIsStoredAndQueuedAndAnsweredWithEmptyTwiml() throws Exception {
        HttpResponse<String> response = postTwilio("/api/webhooks/twilio/sms", twilioSms("SM0a1b2c3d4e5f60718293a4b5c6d7e8f9",
                "Water everywhere!! pipe burst under the kitchen sink"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.body()).isEqualTo("<Response/>");

        Map<String, Object> row = jdbc.queryForMap("select * from webhook_event");
        assertThat(row).containsEntry("provider", "TWILIO")
                .containsEntry("provider_message_id", "SM0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .containsEntry("channel", "SMS")
                .containsEntry("status", "RECEIVED")
                .containsEntry("from_number", "+15125550143");
        assertThat((String) row.get("raw_payload")).contains("MessageSid=SM0a1b2c3d4e5f60718293a4b5c6d7e8f9");

        List<String> queued = drain(INBOUND_QUEUE);
        assertThat(queued).hasSize(1);
        JsonNode message = mapper.readTree(queued.get(0));
        assertThat(message.get("provider").asText()).isEqualTo("TWILIO");
        assertThat(message.get("channel").asText()).isEqualTo("SMS");
        assertThat(message.get("from").asText()).isEqualTo("+15125550143");
        assertThat(message.get("to").asText()).isEqualTo("+15125550100");
        assertThat(message.get("body").asText()).isEqualTo("Water everywhere!! pipe burst under the kitchen sink");
        assertThat(message.get("mediaUrls").get(0).asText()).startsWith("https://api.twilio.com/2010-04-01/Accounts/");
    }

    @Test
    void twilioTranscriptionCallbackBecomesAVoicemail() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", "CA1111111111111111111111111111111a");
        params.put("From", "+15125550199");
        params.put("To", "+15125550100");
        params.put("RecordingSid", "RE2222222222222222222222222222222b");
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/RE2222222222222222222222222222222b");
        params.put("TranscriptionSid", "TR3333333333333333333333333333333c");
        params.put("TranscriptionStatus", "completed");
        params.put("TranscriptionText", "Hi this is Maria, our water heater is leaking and there is no hot water, please call me back");

        HttpResponse<String> response = postTwilio("/api/webhooks/twilio/voice", params);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<Response/>");
        JsonNode message = mapper.readTree(drain(INBOUND_QUEUE).get(0));
        assertThat(message.get("channel").asText()).isEqualTo("VOICEMAIL");
        assertThat(message.get("providerMessageId").asText()).isEqualTo("TR3333333333333333333333333333333c");
        assertThat(message.get("body").asText()).startsWith("Hi this is Maria");
        assertThat(jdbc.queryForObject("select channel from webhook_event", String.class)).isEqualTo("VOICEMAIL");
    }

    @Test
    void twilioMissedCallStatusBecomesAVoiceMessage() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", "CA4444444444444444444444444444444d");
        params.put("CallStatus", "no-answer");
        params.put("Direction", "inbound");
        params.put("From", "+15125550177");
        params.put("To", "+15125550100");

        assertThat(postTwilio("/api/webhooks/twilio/voice", params).statusCode()).isEqualTo(200);

        JsonNode message = mapper.readTree(drain(INBOUND_QUEUE).get(0));
        assertThat(message.get("channel").asText()).isEqualTo("VOICE");
        assertThat(message.get("providerMessageId").asText()).isEqualTo("CA4444444444444444444444444444444d:no-answer");
    }

    @Test
    void oneTwilioUrlTakesMessagesAndCallCallbacksAlike() throws Exception {
        HttpResponse<String> sms = postTwilio("/api/webhooks/twilio",
                twilioSms("SM5a5b5c5d5e5f5a5b5c5d5e5f5a5b5c5d", "Drain in the basement is backing up"));
        Map<String, String> call = new LinkedHashMap<>();
        call.put("AccountSid", "AC00000000000000000000000000000001");
        call.put("CallSid", "CA5555555555555555555555555555555e");
        call.put("CallStatus", "no-answer");
        call.put("Direction", "inbound");
        call.put("From", "+15125550178");
        call.put("To", "+15125550100");
        HttpResponse<String> callStatus = postTwilio("/api/webhooks/twilio", call);

        assertThat(List.of(sms, callStatus)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<Response/>");
        });
        assertThat(jdbc.queryForList("select provider || ' ' || channel || ' ' || provider_message_id from webhook_event order by id",
                String.class)).containsExactly("TWILIO SMS SM5a5b5c5d5e5f5a5b5c5d5e5f5a5b5c5d",
                "TWILIO VOICE CA5555555555555555555555555555555e:no-answer");
        assertThat(drain(INBOUND_QUEUE)).hasSize(2);
    }

    @Test
    void googleVoiceBatchStoresEveryEvent() throws Exception {
        String batch = """
                [{"id":"gv-evt-1001","type":"sms","from":"+15125550111","to":"+15125550100",
                  "text":"Toilet keeps running, can someone come tomorrow?","occurredAt":"2026-11-26T14:05:00Z"},
                 {"id":"gv-evt-1002","type":"voicemail","from":"+15125550112","to":"+15125550100",
                  "transcript":"Hola, tengo una fuga de gas en la cocina","occurredAt":"2026-11-26T14:06:10Z"}]""";

        HttpResponse<String> response = postRelay(batch, Instant.now().getEpochSecond());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(response.body()).get("status").asText()).isEqualTo("accepted");
        assertThat(jdbc.queryForList("select provider_message_id from webhook_event order by id", String.class))
                .containsExactly("gv-evt-1001", "gv-evt-1002");
        List<String> queued = drain(INBOUND_QUEUE);
        assertThat(queued).hasSize(2);
        // the gas leak overtakes the running toilet on the priority-ordered queue
        JsonNode voicemail = mapper.readTree(queued.get(0));
        assertThat(voicemail.get("provider").asText()).isEqualTo("GOOGLE_VOICE");
        assertThat(voicemail.get("channel").asText()).isEqualTo("VOICEMAIL");
        assertThat(voicemail.get("body").asText()).isEqualTo("Hola, tengo una fuga de gas en la cocina");
        assertThat(voicemail.get("receivedAt").asText()).isEqualTo("2026-11-26T14:06:10Z");
    }

    @Test
    void pubSubPushWithValidTokenIsStoredAndQueued() throws Exception {
        String event = """
                {"id":"gv-evt-2001","type":"missed_call","from":"+15125550122","to":"+15125550100","occurredAt":"2026-11-26T15:00:00Z"}""";
        HttpResponse<String> response = postPush(pushEnvelope("1234567890123", base64(event)),
                GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().plusSeconds(600)));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("select * from webhook_event");
        assertThat(row).containsEntry("provider", "PUBSUB").containsEntry("status", "RECEIVED")
                .containsEntry("provider_message_id", "gv-evt-2001");
        JsonNode message = mapper.readTree(drain(INBOUND_QUEUE).get(0));
        assertThat(message.get("channel").asText()).isEqualTo("VOICE");
    }

    @Test
    void pubSubPoisonMessageIsStoredAsRejectedAndAcknowledged() {
        String token = GOOGLE.token(PUSH_AUDIENCE, PUSH_ACCOUNT, Instant.now().plusSeconds(600));
        String envelope = pushEnvelope("9876543210", base64("this is not a relay event"));

        HttpResponse<String> first = postPush(envelope, token);
        HttpResponse<String> again = postPush(envelope, token);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        Map<String, Object> row = jdbc.queryForMap("select * from webhook_event");
        assertThat(row).containsEntry("status", "REJECTED").containsEntry("provider_message_id", "9876543210");
        assertThat((String) row.get("reject_reason")).isEqualTo("Body is not valid JSON");
        assertThat(drain(INBOUND_QUEUE)).isEmpty();
    }

    @Test
    void sameMessageSidFiveTimesIsStoredAndQueuedOnce() throws Exception {
        Map<String, String> params = twilioSms("SM5555555555555555555555555555555e", "Drain clogged in the basement");
        String before = asAdmin().get("/api/webhooks/metrics").body();

        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = postTwilio("/api/webhooks/twilio/sms", params);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("<Response/>");
        }

        assertThat(webhookEvents()).isEqualTo(1);
        assertThat(drain(INBOUND_QUEUE)).hasSize(1);
        JsonNode twilio = mapper.readTree(asAdmin().get("/api/webhooks/metrics").body()).get("TWILIO");
        JsonNode twilioBefore = mapper.readTree(before).path("TWILIO");
        assertThat(twilio.get("received").asLong() - twilioBefore.path("received").asLong(0)).isEqualTo(1);
        assertThat(twilio.get("duplicate").asLong() - twilioBefore.path("duplicate").asLong(0)).isEqualTo(4);
    }

    @Test
    void identicalWebhooksArrivingAtTheSameMomentAreAllAcknowledgedAndStoredOnce() throws Exception {
        Map<String, String> params = twilioSms("SM7777777777777777777777777777777a", "Toilet overflowing a little");

        List<Object> answers = Concurrently.run(8, () -> postTwilio("/api/webhooks/twilio/sms", params));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer).isInstanceOf(HttpResponse.class);
            assertThat(((HttpResponse<?>) answer).statusCode()).isEqualTo(200);
            assertThat(((HttpResponse<?>) answer).body()).isEqualTo("<Response/>");
        });
        assertThat(webhookEvents()).isEqualTo(1);
        assertThat(drain(INBOUND_QUEUE)).hasSize(1);
    }

    @Test
    void healthReportsDatabaseAndBrokerUp() throws Exception {
        HttpResponse<String> response = asAdmin().get("/api/webhooks/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = mapper.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("database").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("broker").asText()).isEqualTo("UP");
    }

    @Test
    void testEndpointInjectsAnUnsignedMessageWhenEnabled() {
        HttpResponse<String> response = post("/api/webhooks/test", "application/json",
                "{\"id\":\"test-1\",\"type\":\"sms\",\"from\":\"+15125550155\",\"text\":\"gas leak\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(drain(INBOUND_QUEUE)).hasSize(1);
    }

    static Map<String, String> twilioSms(String sid, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "US");
        params.put("ToState", "TX");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "1");
        params.put("ToCity", "AUSTIN");
        params.put("FromZip", "78701");
        params.put("SmsSid", sid);
        params.put("FromState", "TX");
        params.put("SmsStatus", "received");
        params.put("FromCity", "AUSTIN");
        params.put("Body", body);
        params.put("FromCountry", "US");
        params.put("To", "+15125550100");
        params.put("MessagingServiceSid", "MG00000000000000000000000000000001");
        params.put("ToZip", "78702");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("From", "+15125550143");
        params.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Messages/" + sid + "/Media/ME01");
        params.put("MediaContentType0", "image/jpeg");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }
}
