package com.plumbline.intake.ingress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay keeps each customer's messages in the order they were stored, also when two relays (two instances on one
 * database) work the outbox at the same time: with SKIP LOCKED alone they took neighbouring batches side by side, and
 * whichever committed first put its customer's later messages on intake.inbound ahead of the earlier ones.
 */
class OutboxRelayTest extends IntakeIntegrationTest {

    private static final int MESSAGES = 1200;
    private static final int CUSTOMERS = 7;

    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private ProducerTemplate producer;
    @Autowired
    private InboundBatches batches;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void onlyThisTestsRelaysRun() throws Exception {
        camel.getRouteController().stopRoute("relay-sweep");
        camel.getRouteController().stopRoute("relay");
    }

    @AfterEach
    void relayAsBefore() throws Exception {
        camel.getRouteController().startRoute("relay");
        camel.getRouteController().startRoute("relay-sweep");
    }

    @Test
    void twoRelaysAtOnceKeepEachCustomersOrder() throws Exception {
        // stored as an intake stores them; the body names the customer and the order it was stored in
        storeFromCustomers(1, MESSAGES);

        // the queue's limit (intake.outbox.queue-limit) is not what this test is about
        OutboxRelay relay = new OutboxRelay(jdbc, transaction, connectionFactory, producer, batches, 200, MESSAGES, 20, 8);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(relay::relay);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(relay::relay);
        assertThat(first.join() + second.join()).as("messages relayed by the two").isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where message is not null", Integer.class))
                .as("canonical messages still kept in the outbox once on the queue").isZero();

        List<Delivered> queued = deliveries();
        Map<String, List<Integer>> byCustomer = new HashMap<>();
        queued.forEach(delivery -> delivery.messages().forEach(message -> byCustomer
                .computeIfAbsent(message.path("customer").asText(), c -> new ArrayList<>()).add(message.path("n").asInt())));
        assertThat(byCustomer.values().stream().mapToInt(List::size).sum()).isEqualTo(MESSAGES);
        assertThat(byCustomer).hasSize(CUSTOMERS);
        byCustomer.forEach((customer, order) -> assertThat(order).as(customer + "'s messages on intake.inbound").isSorted());
    }

    /**
     * Processing is behind (a delivery per lane waits): the ordinary messages of one lane go in deliveries of up to 20, in
     * the order they were stored, one customer's always in the same lane; emergencies still go alone and first.
     */
    @Test
    void underABacklogOrdinaryMessagesOfOneLaneShareADelivery() throws Exception {
        OutboxRelay relay = new OutboxRelay(jdbc, transaction, connectionFactory, producer, batches, 200, 100, 20, 4);
        storeFromCustomers(1, 4);
        assertThat(relay.relay()).isEqualTo(4);
        storeFromCustomers(5, 100);
        jdbc.update("""
                insert into webhook_event (provider, provider_message_id, channel, status, raw_payload, received_at,
                                           message, queue_priority)
                select 'TWILIO', 'SMemergency' || n, 'SMS', 'RECEIVED', '{}', now(), '{"emergency": true}', 9
                from generate_series(1, 2) as n""");
        assertThat(relay.relay()).isEqualTo(102);

        List<Delivered> queued = deliveries();
        assertThat(queued.subList(0, 2)).as("the emergencies first, alone, in no lane").allSatisfy(delivery -> {
            assertThat(delivery.count()).isNull();
            assertThat(delivery.group()).isNull();
            assertThat(delivery.messages().get(0).has("emergency")).isTrue();
        });
        assertThat(queued.subList(2, 6)).as("relayed before the backlog: each alone").allSatisfy(delivery -> {
            assertThat(delivery.count()).isNull();
            assertThat(delivery.group()).startsWith("lane-");
        });
        List<Delivered> batched = queued.subList(6, queued.size());
        assertThat(batched).as("100 messages of 7 customers in 4 lanes").hasSizeBetween(5, 4 + 100 / 20)
                .allSatisfy(delivery -> assertThat(delivery.count()).isEqualTo(delivery.messages().size()).isBetween(2, 20));
        Map<String, String> laneOfCustomer = new HashMap<>();
        Map<String, List<Integer>> byCustomer = new HashMap<>();
        for (Delivered delivery : queued.subList(2, queued.size())) {
            for (JsonNode message : delivery.messages()) {
                String customer = message.path("customer").asText();
                assertThat(laneOfCustomer.computeIfAbsent(customer, c -> delivery.group())).as(customer + "'s lane")
                        .isEqualTo(delivery.group());
                byCustomer.computeIfAbsent(customer, c -> new ArrayList<>()).add(message.path("n").asInt());
            }
        }
        assertThat(byCustomer.values().stream().mapToInt(List::size).sum()).isEqualTo(104);
        byCustomer.forEach((customer, order) -> assertThat(order).as(customer + "'s messages").isSorted());
    }

    @Test
    void underABacklogOrdinaryMessagesWaitInTheOutboxAndEmergenciesGoPast() {
        OutboxRelay limited = new OutboxRelay(jdbc, transaction, connectionFactory, producer, batches, 20, 50, 20, 8);
        store("ordinary", 4, 1, 120);
        store("emergency", 9, 1, 3);

        assertThat(limited.relay()).as("relayed up to the queue's limit, in batches of 20").isEqualTo(50);
        store("emergency", 9, 4, 2);
        assertThat(limited.relay()).as("relayed with the queue at its limit: the new emergencies only").isEqualTo(2);

        List<String> queued = take(INBOUND_QUEUE);
        assertThat(queued).hasSize(52);
        assertThat(queued.stream().filter(body -> body.startsWith("emergency"))).hasSize(5);
        assertThat(waitingInOutbox()).isEqualTo(120 - 47);

        assertThat(limited.relay()).as("relayed once processing took the queue's messages").isEqualTo(50);
        assertThat(take(INBOUND_QUEUE)).hasSize(50).allMatch(body -> body.startsWith("ordinary"));
        assertThat(waitingInOutbox()).isEqualTo(120 - 97);
    }

    @Test
    void withTheQueueAtItsLimitOnlyAnEmergencyWakesTheRelay() throws Exception {
        OutboxRelay relay = new OutboxRelay(jdbc, transaction, connectionFactory, producer, batches, 200, 50, 20, 8);
        store("ordinary", 4, 1, 60);
        assertThat(relay.relay()).isEqualTo(50);

        camel.getRouteController().startRoute("relay");
        NotifyBuilder pass = new NotifyBuilder(camel).fromRoute("relay").whenDone(1).create();
        relay.stored(4);
        assertThat(pass.matches(1, TimeUnit.SECONDS)).as("a pass for an ordinary message with the queue full").isFalse();
        relay.stored(9);
        assertThat(pass.matches(10, TimeUnit.SECONDS)).as("a pass for an emergency").isTrue();

        take(INBOUND_QUEUE);
        relay.relay();   // finds room on the queue again
        NotifyBuilder next = new NotifyBuilder(camel).fromRoute("relay").whenDone(1).create();
        relay.stored(4);
        assertThat(next.matches(10, TimeUnit.SECONDS)).as("a pass for an ordinary message with room on the queue").isTrue();
    }

    private void store(String kind, int queuePriority, int from, int count) {
        jdbc.update("""
                insert into webhook_event (provider, provider_message_id, channel, status, raw_payload, received_at,
                                           message, queue_priority)
                select 'TWILIO', 'SM' || ? || n, 'SMS', 'RECEIVED', '{}', now(), ? || ' ' || n, ?
                from generate_series(?, ?) as n""", kind, kind, queuePriority, from, from + count - 1);
    }

    /** Stored as an intake stores them, from CUSTOMERS customers in turn; the message names its customer and order. */
    private void storeFromCustomers(int from, int count) {
        jdbc.update("""
                insert into webhook_event (provider, provider_message_id, channel, status, raw_payload, received_at,
                                           message, queue_priority, ordering_key)
                select 'TWILIO', 'SMrelay' || n, 'SMS', 'RECEIVED', '{}', now(),
                       '{"customer": "customer-' || (n % ?) || '", "n": ' || n || '}', 4, 'customer-' || (n % ?)
                from generate_series(?, ?) as n""", CUSTOMERS, CUSTOMERS, from, from + count - 1);
    }

    private record Delivered(Integer count, String group, List<JsonNode> messages) {
    }

    /** Every delivery on intake.inbound now, removed from it, with a batch's messages read out of it. */
    private List<Delivered> deliveries() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(JmsTemplate.RECEIVE_TIMEOUT_NO_WAIT);
        List<Delivered> deliveries = new ArrayList<>();
        for (Message message = jms.receive(INBOUND_QUEUE); message != null; message = jms.receive(INBOUND_QUEUE)) {
            String body = ((TextMessage) message).getText();
            Integer count = message.propertyExists(InboundBatches.COUNT) ? message.getIntProperty(InboundBatches.COUNT) : null;
            List<JsonNode> messages = new ArrayList<>();
            if (count == null) {
                messages.add(json.readTree(body));
            } else {
                for (InboundBatches.Part part : batches.parts(body)) {
                    messages.add(json.readTree(part.message()));
                }
            }
            deliveries.add(new Delivered(count, message.getStringProperty("JMSXGroupID"), messages));
        }
        return deliveries;
    }

    private int waitingInOutbox() {
        return jdbc.queryForObject("select count(*) from webhook_event where relayed_at is null", Integer.class);
    }
}
