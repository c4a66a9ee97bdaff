package com.plumbline.intake.ingress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.jms.ConnectionFactory;
import com.plumbline.intake.support.IntakeIntegrationTest;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
    void twoRelaysAtOnceKeepEachCustomersOrder() {
        // stored as an intake stores them; the body names the customer and the order it was stored in
        jdbc.update("""
                insert into webhook_event (provider, provider_message_id, channel, status, raw_payload, received_at,
                                           message, queue_priority, ordering_key)
                select 'TWILIO', 'SMrelay' || n, 'SMS', 'RECEIVED', '{}', now(),
                       'customer-' || (n % ?) || ' ' || n, 4, 'customer-' || (n % ?)
                from generate_series(1, ?) as n""", CUSTOMERS, CUSTOMERS, MESSAGES);

        // the queue's limit (intake.outbox.queue-limit) is not what this test is about
        OutboxRelay relay = new OutboxRelay(jdbc, transaction, connectionFactory, producer, 200, MESSAGES);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(relay::relay);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(relay::relay);
        assertThat(first.join() + second.join()).as("messages relayed by the two").isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject("select count(*) from webhook_event where message is not null", Integer.class))
                .as("canonical messages still kept in the outbox once on the queue").isZero();

        List<String> queued = drain(INBOUND_QUEUE);
        assertThat(queued).hasSize(MESSAGES);
        Map<String, List<Integer>> byCustomer = new HashMap<>();
        for (String body : queued) {
            String[] customerAndOrder = body.split(" ");
            byCustomer.computeIfAbsent(customerAndOrder[0], c -> new ArrayList<>()).add(Integer.parseInt(customerAndOrder[1]));
        }
        assertThat(byCustomer).hasSize(CUSTOMERS);
        byCustomer.forEach((customer, order) -> assertThat(order).as(customer + "'s messages on intake.inbound").isSorted());
    }

    @Test
    void underABacklogOrdinaryMessagesWaitInTheOutboxAndEmergenciesGoPast() {
        OutboxRelay limited = new OutboxRelay(jdbc, transaction, connectionFactory, producer, 20, 50);
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
        OutboxRelay relay = new OutboxRelay(jdbc, transaction, connectionFactory, producer, 200, 50);
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

    private int waitingInOutbox() {
        return jdbc.queryForObject("select count(*) from webhook_event where relayed_at is null", Integer.class);
    }
}
