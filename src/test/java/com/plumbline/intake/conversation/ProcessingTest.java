package com.plumbline.intake.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import java.util.concurrent.TimeUnit;

import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.EndpointInject;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.MockEndpointsAndSkip;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * From intake.inbound to the priority routes: classified by the rules bean, matched to the
 * customer by E.164 number, threaded into the customer's conversation.
 */
@MockEndpointsAndSkip("direct:priority-*")
class ProcessingTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void processingOn(DynamicPropertyRegistry registry) {
        registry.add("intake.processing.auto-startup", () -> "true");
    }

    @EndpointInject("mock:direct:priority-emergency")
    MockEndpoint emergency;
    @EndpointInject("mock:direct:priority-high")
    MockEndpoint high;
    @EndpointInject("mock:direct:priority-medium")
    MockEndpoint medium;
    @EndpointInject("mock:direct:priority-low")
    MockEndpoint low;

    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void noCustomersYet() {
        MockEndpoint.resetMocks(emergency.getCamelContext());
    }

    @Test
    void eachPriorityReachesItsOwnRoute() throws Exception {
        emergency.expectedHeaderReceived("priority", "EMERGENCY");
        emergency.expectedMessageCount(1);
        high.expectedHeaderReceived("serviceType", "WATER_HEATER");
        high.expectedMessageCount(1);
        medium.expectedHeaderReceived("serviceType", "DRAIN_CLEANING");
        medium.expectedMessageCount(1);
        low.expectedHeaderReceived("channel", "SMS");
        low.expectedMessageCount(1);

        inject("p-1", "+15125550101", "HELP basement is flooding, water everywhere");
        inject("p-2", "+15125550102", "water heater not working, no hot water since yesterday");
        inject("p-3", "+15125550103", "kitchen drain is clogged and slow");
        inject("p-4", "+15125550104", "would like to schedule a yearly maintenance inspection");

        MockEndpoint.assertIsSatisfied(emergency.getCamelContext(), 30, TimeUnit.SECONDS);
    }

    @Test
    void customerIsMatchedByE164AndRepliesThreadIntoOneConversation() {
        inject("t-1", "(512) 555-0143", "Toilet is overflowing");
        awaitMessages(1);
        inject("t-2", "+1 512-555-0143", "It's getting worse, water on the floor now!!");
        awaitMessages(2);

        assertThat(jdbc.queryForList("select phone_e164 from customer", String.class)).containsExactly("+15125550143");
        assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message", Integer.class)).isEqualTo(1);
        Map<String, Object> conversation = jdbc.queryForMap("select * from conversation");
        assertThat(conversation.get("status")).isEqualTo("OPEN");
        assertThat(conversation.get("closes_at")).isNotNull();
        List<Map<String, Object>> messages = jdbc.queryForList("select * from message order by received_at");
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.get("from_number")).isEqualTo("+15125550143");
            assertThat(m.get("priority")).isNotNull();
            assertThat(m.get("confidence")).isNotNull();
            assertThat(m.get("response_due")).isNotNull();
        });
    }

    @Test
    void redeliveredMessageIsStoredOnce() {
        String json = """
                {"provider":"TWILIO","providerMessageId":"SM-redelivered","channel":"SMS","from":"+15125550160",
                 "to":"+15125550100","body":"no water in the whole house","mediaUrls":[],
                 "receivedAt":"2026-11-26T15:00:00Z","rawPayload":"MessageSid=SM-redelivered"}""";

        NotifyBuilder bothClassified = classified(2);
        producer.sendBody("jms:queue:intake.inbound", json);
        producer.sendBody("jms:queue:intake.inbound", json);

        awaitDone(bothClassified);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isEqualTo(1);
    }

    @Test
    void unreadableNumberIsKeptAsGivenAndFlagged() {
        inject("u-1", "Anonymous", "burst pipe in the garage");
        awaitMessages(1);

        Map<String, Object> customer = jdbc.queryForMap("select * from customer");
        assertThat(customer.get("phone_e164")).isEqualTo("Anonymous");
        assertThat(customer.get("phone_valid")).isEqualTo(false);
        assertThat(jdbc.queryForObject("select priority from message", String.class)).isEqualTo("EMERGENCY");
    }

    /**
     * The production consumer count works through a backlog of ordinary messages; an emergency
     * webhook posted meanwhile is handled next, not after everything that arrived before it.
     * Classification is slowed a little so that a backlog builds on any machine.
     */
    @Test
    void anEmergencyWebhookOvertakesABacklogThatIsBeingWorked() throws Exception {
        int backlog = 300;
        emergency.expectedMessageCount(1);
        slowClassificationBy(100);
        int handledWhenPosted;
        try {
            for (int batch = 0; batch < backlog / 25; batch++) {
                postRelayBatch(batch, 25);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> messages() >= 10);
            handledWhenPosted = messages();
            inject("overtaking-emergency", "+15125550199", "Burst pipe, water pouring through the ceiling!");

            emergency.assertIsSatisfied(30_000);
        } finally {
            slowClassificationBy(0);
        }
        await().atMost(Duration.ofSeconds(90)).until(() -> messages() == backlog + 1);
        int handledBefore = jdbc.queryForObject("""
                select count(*) from message where id < (select id from message where provider_message_id = 'overtaking-emergency')""",
                Integer.class);
        System.out.printf("Backlog of %d: the emergency arrived after %d were handled and was handled after %d%n",
                backlog, handledWhenPosted, handledBefore);
        assertThat(backlog - handledWhenPosted).as("ordinary messages waiting when the emergency arrived")
                .isGreaterThanOrEqualTo(50);
        assertThat(handledBefore - handledWhenPosted).as("ordinary messages handled after the emergency arrived, before it")
                .isLessThanOrEqualTo(10);
    }

    /**
     * Interleaved bursts from several customers: each customer's messages are stored in the order
     * that customer sent them, while the production consumers work on different customers at once.
     * Each customer's first message is slow to classify, so a second consumer would overtake it.
     */
    @Test
    void eachCustomersMessagesAreThreadedInTheOrderTheyCame() throws Exception {
        int customers = 5;
        int perCustomer = 6;
        slowClassification(body -> body.contains("-0\"") ? 400 : 0);
        ExecutorService senders = Executors.newFixedThreadPool(customers);
        try {
            List<Future<?>> bursts = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                String from = "+1512555031" + c;
                String prefix = "order-" + c + "-";
                bursts.add(senders.submit(() -> {
                    for (int k = 0; k < perCustomer; k++) {
                        inject(prefix + k, from, "the kitchen sink drains slowly, message " + k);
                    }
                }));
            }
            for (Future<?> burst : bursts) {
                burst.get(60, TimeUnit.SECONDS);
            }
            awaitMessages(customers * perCustomer);
        } finally {
            senders.shutdownNow();
            slowClassification(body -> 0);
        }
        for (int c = 0; c < customers; c++) {
            List<String> stored = jdbc.queryForList(
                    "select provider_message_id from message where from_number = ? order by id", String.class, "+1512555031" + c);
            List<String> sent = new ArrayList<>();
            for (int k = 0; k < perCustomer; k++) {
                sent.add("order-" + c + "-" + k);
            }
            assertThat(stored).as("customer %d's messages in the order stored", c).isEqualTo(sent);
        }
    }

    /**
     * Milliseconds each classification by the ordinary consumers (route classify) waits, by the JMS
     * text of the message; advised once per context.
     */
    private static volatile ToIntFunction<String> classificationDelay = body -> 0;
    private static final Set<CamelContext> SLOWED = ConcurrentHashMap.newKeySet();

    private void slowClassificationBy(int millis) throws Exception {
        slowClassification(body -> millis);
    }

    private void slowClassification(ToIntFunction<String> delay) throws Exception {
        classificationDelay = delay;
        if (SLOWED.add(camel)) {
            // in process-message, in its transaction as the classification itself: advising a direct
            // route restarts no JMS consumer (stopping classify waited out its receive, 1 s). The
            // emergency consumers' messages (from classify-emergencies) do not wait
            AdviceWith.adviceWith(camel, "process-message", route -> route.weaveAddFirst().process(exchange -> {
                if (!"classify".equals(exchange.getFromRouteId())) {
                    return;
                }
                int millis = classificationDelay.applyAsInt(exchange.getMessage().getBody(String.class));
                if (millis > 0) {
                    Thread.sleep(millis);
                }
            }));
        }
    }

    private void postRelayBatch(int batch, int size) {
        StringJoiner events = new StringJoiner(",", "[", "]");
        for (int i = 0; i < size; i++) {
            events.add("""
                    {"id":"backlog-%d-%d","type":"sms","from":"+151255502%02d","text":"kitchen sink drains slowly"}"""
                    .formatted(batch, i, i));
        }
        assertThat(postRelay(events.toString(), Instant.now().getEpochSecond()).statusCode()).isEqualTo(200);
    }

    private int messages() {
        return jdbc.queryForObject("select count(*) from message", Integer.class);
    }

    @Test
    void unreadableNumbersAreNotOneCustomer() {
        inject("anon-1", "Anonymous", "burst pipe in the garage");
        awaitMessages(1);
        inject("anon-2", "Anonymous", "just a yearly maintenance inspection please");
        inject("anon-3", "unknown", "kitchen drain is slow");
        awaitMessages(3);

        List<Map<String, Object>> customers = jdbc.queryForList("select * from customer order by id");
        assertThat(customers).hasSize(3).allSatisfy(c -> assertThat(c.get("phone_valid")).isEqualTo(false));
        assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message", Integer.class)).isEqualTo(3);
        // a stranger's emergency neither raises nor shares another stranger's conversation
        assertThat(jdbc.queryForObject("select priority from message where provider_message_id = 'anon-2'", String.class))
                .isEqualTo("LOW");
        assertThat(jdbc.queryForList("select c.priority from conversation c join message m on m.conversation_id = c.id "
                + "where m.provider_message_id = 'anon-2'", String.class)).containsExactly("LOW");
    }

    @Test
    void aRedeliveredMessageFromAnUnreadableNumberKeepsItsOneCustomer() {
        String json = """
                {"provider":"TWILIO","providerMessageId":"SM-anon-redelivered","channel":"SMS","from":"Anonymous",
                 "to":"+15125550100","body":"no water in the whole house","mediaUrls":[],
                 "receivedAt":"2026-11-26T15:00:00Z","rawPayload":"MessageSid=SM-anon-redelivered"}""";

        NotifyBuilder bothClassified = classified(2);
        producer.sendBody("jms:queue:intake.inbound", json);
        awaitMessages(1);
        producer.sendBody("jms:queue:intake.inbound", json);

        awaitDone(bothClassified);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isEqualTo(1);
    }

    @Test
    void aVoicemailIsOneMessageClassifiedOnceItsTranscriptArrives() {
        String call = "CA6666666666666666666666666666666a";
        String recording = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE6666666666666666666666666666666b";
        NotifyBuilder allThreeClassified = classified(3);
        voiceCallback(call, "CallStatus", "completed", "CallDuration", "41");
        voiceCallback(call, "CallStatus", "completed", "RecordingSid", "RE6666666666666666666666666666666b",
                "RecordingUrl", recording, "RecordingDuration", "30");
        voiceCallback(call, "RecordingSid", "RE6666666666666666666666666666666b", "RecordingUrl", recording,
                "TranscriptionSid", "TR6666666666666666666666666666666c", "TranscriptionStatus", "completed",
                "TranscriptionText", "Our water heater is leaking and there is no hot water, please call back");

        await().atMost(Duration.ofSeconds(30)).until(() -> routed() == 1 && jdbc.queryForObject(
                "select count(*) from message where media_urls like '%RE6666%' and call_status = 'completed'", Integer.class) == 1);
        awaitDone(allThreeClassified);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
        assertThat(routed()).isEqualTo(1);
        Map<String, Object> message = jdbc.queryForMap("select * from message");
        assertThat(message).containsEntry("provider_message_id", call).containsEntry("channel", "VOICEMAIL")
                .containsEntry("priority", "HIGH").containsEntry("service_type", "WATER_HEATER")
                .containsEntry("media_urls", recording);
        assertThat((String) message.get("body")).startsWith("Our water heater is leaking");
        assertThat(message.get("call_duration")).isNotNull();
        assertThat(high.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void aMissedCallIsOneMessageRoutedOnce() {
        String call = "CA7777777777777777777777777777777a";
        NotifyBuilder bothClassified = classified(2);
        voiceCallback(call, "CallStatus", "ringing");
        voiceCallback(call, "CallStatus", "no-answer", "CallDuration", "0");

        awaitDone(bothClassified);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
        assertThat(routed()).isEqualTo(1);
        assertThat(jdbc.queryForMap("select * from message")).containsEntry("provider_message_id", call)
                .containsEntry("channel", "VOICE").containsEntry("call_status", "no-answer");
    }

    @Test
    void anAnsweredCallIsKeptInTheConversationButNotClassified() {
        String call = "CA8888888888888888888888888888888a";
        NotifyBuilder bothClassified = classified(2);
        voiceCallback(call, "CallStatus", "in-progress");
        voiceCallback(call, "CallStatus", "completed", "CallDuration", "95");

        awaitDone(bothClassified);
        assertThat(jdbc.queryForObject(
                "select count(*) from message where call_status = 'completed' and call_duration = 95", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from message", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select priority from message", String.class)).isNull();
        assertThat(routed()).isZero();
    }

    @Test
    void aMessageIsLinkedToTheWebhookEventItCameFrom() {
        inject("link-1", "+15125550166", "kitchen drain is clogged");
        awaitMessages(1);

        assertThat(jdbc.queryForObject("select webhook_event_id from message", Long.class))
                .isEqualTo(jdbc.queryForObject("select id from webhook_event where provider_message_id = 'link-1'", Long.class));
    }

    /** A signed Twilio voice callback of one call from one customer, with the given extra parameters. */
    private void voiceCallback(String callSid, String... extra) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("AccountSid", "AC00000000000000000000000000000001");
        params.put("CallSid", callSid);
        params.put("From", "+15125550165");
        params.put("To", "+15125550100");
        params.put("Direction", "inbound");
        for (int i = 0; i < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        assertThat(postTwilio("/api/webhooks/twilio/voice", params).statusCode()).isEqualTo(200);
    }

    private int routed() {
        return emergency.getReceivedCounter() + high.getReceivedCounter() + medium.getReceivedCounter()
                + low.getReceivedCounter();
    }

    private void inject(String id, String from, String text) {
        String event = """
                {"id":"%s","type":"sms","from":"%s","to":"+15125550100","text":"%s"}""".formatted(id, from, text);
        assertThat(post("/api/webhooks/test", "application/json", event).statusCode()).isEqualTo(200);
    }

    /**
     * Done when the classify route has finished this many deliveries from intake.inbound, each with
     * its rows committed (the beans' transactions end inside the route). Created before the sends: a
     * test that checks "one message, routed once" then checks after every delivery that could add a
     * second one, instead of watching the tables for a quiet 2 s.
     */
    private NotifyBuilder classified(int deliveries) {
        return new NotifyBuilder(camel).fromRoute("classify").whenCompleted(deliveries).create();
    }

    private static void awaitDone(NotifyBuilder deliveries) {
        assertThat(deliveries.matches(30, TimeUnit.SECONDS)).as("every delivery classified").isTrue();
    }

    private void awaitMessages(int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from message", Integer.class) >= count);
    }
}
