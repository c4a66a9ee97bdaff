package com.plumbline.intake.ingress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several stored messages in one delivery on intake.inbound (the relay's batches under a backlog, {@link OutboxRelay}):
 * worked off in one database transaction; a message that ends early ends only its own part; and a batch that failed
 * goes back on the queue message by message, so that one bad message holds up none of the others.
 */
class BatchedDeliveryTest extends IntakeIntegrationTest {

    @DynamicPropertySource
    static void processingOn(DynamicPropertyRegistry registry) {
        registry.add("intake.processing.auto-startup", () -> "true");
    }

    private static final AtomicReference<String> FAIL_ONCE = new AtomicReference<>();
    private static final Set<CamelContext> ADVISED = ConcurrentHashMap.newKeySet();

    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private InboundBatches batches;
    @Autowired
    private ObjectMapper json;

    @Test
    void aBatchIsOneTransactionAndEachMessageIsThreadedOnItsOwn() throws Exception {
        ListAppender<ILoggingEvent> routed = new ListAppender<>();
        List<Logger> priorityRoutes = Stream.of("priority-high", "priority-medium", "priority-low")
                .map(route -> (Logger) LoggerFactory.getLogger(route)).toList();
        routed.start();
        priorityRoutes.forEach(route -> {
            route.setLevel(Level.DEBUG);
            route.addAppender(routed);
        });
        NotifyBuilder worked = new NotifyBuilder(camel).fromRoute("classify").wereSentTo("direct:process-batch").whenDone(1).create();
        send(sms("b-1", "+17375550181", "kitchen drain is clogged"),
                sms("b-2", "+17375550182", "water heater is making a banging noise"),
                sms("b-3", "+17375550181", "also the bathroom sink is slow"));

        assertThat(worked.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForList("select provider_message_id from message order by id", String.class))
                .containsExactly("b-1", "b-2", "b-3");
        assertThat(jdbc.queryForObject("select count(distinct xmin::text) from message", Integer.class))
                .as("transactions that stored the three").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(distinct conversation_id) from message", Integer.class))
                .as("conversations: one per customer").isEqualTo(2);
        assertThat(jdbc.queryForList("select distinct message_id from processing_job where type = 'QUOTE_ESTIMATE' and status = 'DONE'",
                Long.class)).as("each message's jobs, run in the batch's transaction").hasSize(3);
        priorityRoutes.forEach(route -> {
            route.detachAppender(routed);
            route.setLevel(null);
        });
        assertThat(routed.list).extracting(event -> event.getMDCPropertyMap().get("camel.breadcrumbId"))
                .as("the request ids on the priority routes' log lines").containsExactly("request-b-1", "request-b-2", "request-b-3");
    }

    @Test
    void aCallStatusWithNothingToClassifyEndsOnlyItsOwnPart() throws Exception {
        NotifyBuilder worked = new NotifyBuilder(camel).fromRoute("classify").wereSentTo("direct:process-batch").whenDone(1).create();
        InboundMessage answered = new InboundMessage(Provider.TWILIO, "CA-status", Channel.VOICE, "+17375550183",
                "+15125550100", "", List.of(), Instant.now(), "{}", "CA-answered", "completed", 42);
        send(answered, sms("b-after", "+17375550184", "toilet keeps running"));

        assertThat(worked.matches(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jdbc.queryForObject("select priority from message where provider_message_id = 'b-after'", String.class))
                .as("the message after the call's status, classified").isNotNull();
    }

    @Test
    void aBatchThatFailedIsRetriedMessageByMessage() throws Exception {
        failOnce("b-fails-once");
        NotifyBuilder unbatched = new NotifyBuilder(camel).fromRoute("classify").wereSentTo("direct:unbatch").whenDone(1).create();
        send(sms("b-good-1", "+17375550186", "garbage disposal is jammed"),
                sms("b-fails-once", "+17375550185", "the shower drips"),
                sms("b-good-2", "+17375550187", "need a quote for a new faucet"));

        assertThat(unbatched.matches(30, TimeUnit.SECONDS)).as("the batch split up after its failure").isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from message", Integer.class) == 3);
        assertThat(jdbc.queryForList("select provider_message_id from message", String.class))
                .containsExactlyInAnyOrder("b-good-1", "b-fails-once", "b-good-2");
        assertThat(jdbc.queryForList("select enqueued_at from processing_job where type = 'QUOTE_ESTIMATE'", Object.class))
                .as("after a failure each job goes through the queue, with its retries").hasSize(3).doesNotContainNull();
    }

    /** The next time process-message takes the message with this provider id, it fails (once). */
    private void failOnce(String providerMessageId) throws Exception {
        if (ADVISED.add(camel)) {
            AdviceWith.adviceWith(camel, "process-message", route -> route.weaveAddFirst().process(exchange -> {
                String failing = FAIL_ONCE.get();
                if (failing != null && exchange.getMessage().getBody(String.class).contains("\"" + failing + "\"")
                        && FAIL_ONCE.compareAndSet(failing, null)) {
                    throw new IllegalStateException("failing " + failing + " once, as the test asks");
                }
            }));
        }
        FAIL_ONCE.set(providerMessageId);
    }

    private InboundMessage sms(String id, String from, String text) {
        return new InboundMessage(Provider.TWILIO, id, Channel.SMS, from, "+15125550100", text, List.of(), Instant.now(),
                "{}");
    }

    private void send(InboundMessage... messages) throws Exception {
        List<InboundBatches.Part> parts = new ArrayList<>();
        for (InboundMessage message : messages) {
            parts.add(new InboundBatches.Part("request-" + message.providerMessageId(), json.writeValueAsString(message)));
        }
        producer.sendBodyAndHeader("jms:queue:intake.inbound", batches.write(parts), InboundBatches.COUNT, parts.size());
    }
}
