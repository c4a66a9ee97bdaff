package com.plumbline.intake.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each ordinary consumer of intake.inbound holds the lanes (JMS groups) the broker gave it. A delivery of a busy
 * consumer's lane must not hold back, at the head of the queue, the deliveries of other lanes behind it: the idle
 * consumer takes them meanwhile (issue 15: with each consumer fetching one message at a time and opening a new JMS
 * consumer per delivery, the two consumers mostly took turns).
 */
class LaneOvertakingTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void processingOn(DynamicPropertyRegistry registry) {
        registry.add("intake.processing.auto-startup", () -> "true");
    }

    private static final Set<CamelContext> ADVISED = ConcurrentHashMap.newKeySet();
    private static volatile CountDownLatch held = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(1);

    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private EmbeddedActiveMQ broker;

    @Test
    void onlyTheConsumersOfIntakeInboundFetchAhead() {
        var settings = broker.getActiveMQServer().getAddressSettingsRepository();
        assertThat(settings.getMatch("intake.inbound").getDefaultConsumerWindowSize()).isEqualTo(1024 * 1024);
        for (String queue : List.of("intake.jobs", "intake.dlq", "notify.email", "notify.sms", "notify.dead", "dashboard.events")) {
            assertThat(settings.getMatch(queue).getDefaultConsumerWindowSize()).as(queue + ": one message at a time").isZero();
        }
        assertThat(settings.getMatch("intake.jobs").getDeadLetterAddress().toString())
                .as("the per-queue settings are kept beside it").isEqualTo("intake.jobs.dead");
    }

    @Test
    void anotherLaneOvertakesADeliveryWaitingForItsBusyConsumer() throws Exception {
        holdMessagesNamedHold();
        send("lane-0", sms("hold-lane-0-first", "+17375550191", "kitchen drain is clogged"));
        assertThat(held.await(30, TimeUnit.SECONDS)).as("a consumer took lane-0 and is busy with it").isTrue();
        try {
            // now the head of the queue: lane-0, whose consumer is busy
            send("lane-0", sms("lane-0-second", "+17375550191", "also the bathroom sink is slow"));
            send("lane-1", sms("lane-1-first", "+17375550192", "water heater is making a banging noise"));

            await().atMost(Duration.ofSeconds(20)).until(() -> stored("lane-1-first"));
            assertThat(stored("hold-lane-0-first")).as("lane-0's first message, still being worked").isFalse();
            assertThat(stored("lane-0-second")).as("lane-0's second, after its first").isFalse();
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored("lane-0-second"));
        assertThat(jdbc.queryForList("select provider_message_id from message where provider_message_id like '%lane-0%' order by id",
                String.class)).as("one lane's messages in order").containsExactly("hold-lane-0-first", "lane-0-second");
    }

    private boolean stored(String providerMessageId) {
        return jdbc.queryForObject("select count(*) from message where provider_message_id = ?", Integer.class,
                providerMessageId) == 1;
    }

    /** process-message waits, before anything is stored, on messages whose provider id starts with "hold". */
    private void holdMessagesNamedHold() throws Exception {
        held = new CountDownLatch(1);
        release = new CountDownLatch(1);
        if (ADVISED.add(camel)) {
            AdviceWith.adviceWith(camel, "process-message", route -> route.weaveAddFirst().process(exchange -> {
                if (exchange.getMessage().getBody(String.class).contains("\"hold")) {
                    held.countDown();
                    release.await(60, TimeUnit.SECONDS);
                }
            }));
        }
    }

    private InboundMessage sms(String id, String from, String text) {
        return new InboundMessage(Provider.TWILIO, id, Channel.SMS, from, "+15125550100", text, List.of(), Instant.now(),
                "{}");
    }

    private void send(String lane, InboundMessage message) throws Exception {
        producer.sendBodyAndHeaders("jms:queue:intake.inbound", json.writeValueAsString(message),
                Map.of("JMSXGroupID", lane, "breadcrumbId", "request-" + message.providerMessageId()));
    }
}
