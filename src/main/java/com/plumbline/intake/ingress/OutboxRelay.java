package com.plumbline.intake.ingress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.jms.client.ActiveMQSession;
import com.plumbline.intake.ops.BusinessMetrics;
import com.plumbline.intake.rules.Priority;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.connection.SessionProxy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves acknowledged messages from {@code webhook_event} (the outbox) to {@code jms:queue:intake.inbound}:
 * a batch per transaction, highest priority first, each with the JMSPriority and JMS group it was
 * stored with. One relay works at a time (an advisory lock, across instances sharing the database), so each
 * customer's messages reach the queue in the order they were stored; the rows are locked, sent in one JMS
 * transaction, and marked relayed only after the broker committed them:
 * a crash in between sends them again, which processing takes as a redelivery (it is idempotent on the
 * provider's message id), never loses them.
 * <p>
 * Under a backlog the ordinary messages wait here, not on the queue: the relay keeps at most
 * {@code intake.outbox.queue-limit} deliveries on {@link #QUEUE} and moves emergencies past that limit at once. The
 * outbox is stored already, so a backlog costs the broker neither memory nor journal, and a message that comes in
 * later with a higher priority still goes ahead of the ordinary ones waiting.
 * <p>
 * Each ordinary message goes in one of {@code intake.outbox.lanes} JMS groups, by its sender's number: one customer's
 * messages stay in one lane, worked in order by one consumer at a time. While the queue holds fewer deliveries than
 * there are lanes, each message is a delivery of its own. Beyond that (a backlog), the relay puts up to
 * {@code intake.outbox.messages-per-delivery} ordinary messages of one lane and priority in one delivery
 * ({@link InboundBatches}), which processing works off in one transaction. Emergencies are always delivered alone.
 */
@Component("outboxRelay")
public class OutboxRelay implements MeterBinder {

    /** The relay route's wake-up queue: one waiting wake-up is enough, more are dropped. */
    private static final String WAKE = "seda:outbox-relay?size=1&discardWhenFull=true";
    static final String QUEUE = "intake.inbound";
    /** Stored, and not yet on {@link #QUEUE}. */
    private static final String WAITING = "relayed_at is null and status = 'RECEIVED'";
    /** Emergencies are moved past the queue's limit. */
    private static final int EMERGENCY = Priority.EMERGENCY.jmsPriority();
    /** The PostgreSQL advisory lock the relays take turns with (an arbitrary key of this application's own). */
    private static final long RELAY_LOCK = 0x706c756d62L;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ConnectionFactory connectionFactory;
    private final ProducerTemplate producer;
    private final InboundBatches batches;
    private final int batchSize;
    private final int queueLimit;
    private final int messagesPerDelivery;
    private final int lanes;
    private volatile boolean failing;
    private volatile boolean queueFull;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, ConnectionFactory connectionFactory,
                       ProducerTemplate producer, InboundBatches batches,
                       @Value("${intake.outbox.batch-size:200}") int batchSize,
                       @Value("${intake.outbox.queue-limit:100}") int queueLimit,
                       @Value("${intake.outbox.messages-per-delivery:20}") int messagesPerDelivery,
                       @Value("${intake.outbox.lanes:8}") int lanes) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.connectionFactory = connectionFactory;
        this.producer = producer;
        this.batches = batches;
        this.batchSize = batchSize;
        this.queueLimit = queueLimit;
        this.messagesPerDelivery = messagesPerDelivery;
        this.lanes = lanes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BusinessMetrics.OUTBOX_WAITING, this::waiting)
                .description("Stored messages not yet relayed to intake.inbound (a backlog beyond the queue's limit, or the broker away)")
                .baseUnit("messages")
                .register(registry);
    }

    private double waiting() {
        try {
            return jdbc.queryForObject("select count(*) from webhook_event where " + WAITING, Long.class);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Asks the relay route for a pass (the sweep, and {@link #stored}); returns at once. */
    public void wake() {
        producer.sendBody(WAKE, null);
    }

    /**
     * A message was stored (after its intake commit): a pass, unless the queue was at its limit at the end of the last
     * one and this is no emergency; the sweep tops the queue up then (a pass per webhook would only find it full).
     */
    public void stored(int queuePriority) {
        if (!queueFull || queuePriority >= EMERGENCY) {
            wake();
        }
    }

    /**
     * Relays waiting messages, batch after batch, until the queue holds its limit; emergencies always. A broker or
     * database that is away ends the pass; the rows stay waiting for the next (the sweep wakes the relay every
     * second, also to top the queue up as processing takes from it).
     *
     * @return the number of messages relayed
     */
    public int relay() {
        int relayed = 0;
        try {
            long queued = onQueue();
            long room = queueLimit - queued;
            // every lane likely has a delivery waiting: processing is behind, and a message alone gains nothing
            boolean backlog = queued >= lanes;
            for (boolean full = true; full; ) {
                boolean emergenciesOnly = room <= 0;
                int size = emergenciesOnly ? batchSize
                        : (int) Math.min(batchSize, backlog ? room * messagesPerDelivery : room);
                Moved moved = transaction.execute(status -> relayBatch(size, emergenciesOnly, backlog));
                relayed += moved.messages();
                room -= moved.deliveries();
                full = moved.messages() == size;
            }
            queueFull = room <= 0;
            if (failing) {
                failing = false;
                LOG.info("Relay to {} working again", QUEUE);
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Relay to {} failed, the messages wait in webhook_event: {}", QUEUE, e.toString());
            }
        }
        return relayed;
    }

    private record Waiting(long id, String message, int priority, String orderingKey, String requestId) {
    }

    /** One JMS message: a waiting message alone, or several of one lane and priority. */
    private record Delivery(int priority, String group, List<Waiting> messages) {
    }

    private record Moved(int messages, int deliveries) {
    }

    /** Messages on the queue now, counted by the broker (delivered and not yet committed ones included). */
    private long onQueue() {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Session target = session instanceof SessionProxy proxy ? proxy.getTargetSession() : session;
            return ((ActiveMQSession) target).getCoreSession().queueQuery(SimpleString.of(QUEUE)).getMessageCount();
        } catch (JMSException | ActiveMQException e) {
            throw new IllegalStateException("intake.inbound cannot be counted: " + e, e);
        }
    }

    private Moved relayBatch(int size, boolean emergenciesOnly, boolean together) {
        // one relay at a time across the instances sharing the database (held until this transaction ends, after the
        // JMS commit): with SKIP LOCKED alone two relays sent neighbouring batches side by side, and whichever committed
        // first put a customer's later messages ahead of the earlier ones (OutboxRelayTest)
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, RELAY_LOCK);
        List<Waiting> batch = jdbc.query("""
                select id, message, queue_priority, ordering_key, request_id from webhook_event
                where %s and queue_priority >= ?
                order by queue_priority desc, id
                limit ? for update skip locked""".formatted(WAITING),
                (rs, row) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                emergenciesOnly ? EMERGENCY : 0, size);
        if (batch.isEmpty()) {
            return new Moved(0, 0);
        }
        List<Delivery> deliveries = deliveries(batch, together);
        send(deliveries);
        // the queue holds the message from here on (the row keeps the provider's raw payload)
        jdbc.update("update webhook_event set relayed_at = now(), message = null where id in ("
                + String.join(",", Collections.nCopies(batch.size(), "?")) + ")",
                batch.stream().map(Waiting::id).toArray());
        return new Moved(batch.size(), deliveries.size());
    }

    /**
     * Each message alone, or (together) the ordinary messages of one lane and priority in deliveries of up to
     * messagesPerDelivery, in the order they were stored.
     */
    private List<Delivery> deliveries(List<Waiting> batch, boolean together) {
        List<Delivery> deliveries = new ArrayList<>();
        Map<String, Delivery> filling = new HashMap<>();
        for (Waiting waiting : batch) {
            String group = laneOf(waiting);
            if (!together || group == null) {
                deliveries.add(new Delivery(waiting.priority(), group, List.of(waiting)));
                continue;
            }
            Delivery delivery = filling.get(waiting.priority() + group);
            if (delivery == null || delivery.messages().size() == messagesPerDelivery) {
                delivery = new Delivery(waiting.priority(), group, new ArrayList<>());
                filling.put(waiting.priority() + group, delivery);
                deliveries.add(delivery);
            }
            delivery.messages().add(waiting);
        }
        return deliveries;
    }

    /**
     * The JMS group of an ordinary message: one of {@code lanes}, by its sender's number (String's hash is the same in
     * every instance), so that one customer's messages are worked in order. None for an emergency: Artemis hands a
     * group's messages only to the consumer that has the group, and the consumers kept for emergencies must take it.
     */
    private String laneOf(Waiting waiting) {
        return waiting.orderingKey() == null || waiting.priority() >= EMERGENCY ? null
                : "lane-" + Math.floorMod(waiting.orderingKey().hashCode(), lanes);
    }

    /** One JMS transaction: the broker syncs its journal once for the batch. */
    private void send(List<Delivery> deliveries) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer out = session.createProducer(session.createQueue(QUEUE))) {
            for (Delivery delivery : deliveries) {
                List<Waiting> messages = delivery.messages();
                TextMessage message;
                if (messages.size() == 1) {
                    message = session.createTextMessage(messages.get(0).message());
                    if (messages.get(0).requestId() != null) {
                        message.setStringProperty(Exchange.BREADCRUMB_ID, messages.get(0).requestId());
                    }
                } else {
                    message = session.createTextMessage(batches.write(messages.stream()
                            .map(waiting -> new InboundBatches.Part(waiting.requestId(), waiting.message())).toList()));
                    message.setIntProperty(InboundBatches.COUNT, messages.size());
                }
                if (delivery.group() != null) {
                    message.setStringProperty("JMSXGroupID", delivery.group());
                }
                out.send(message, DeliveryMode.PERSISTENT, delivery.priority(), Message.DEFAULT_TIME_TO_LIVE);
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("intake.inbound refused " + deliveries.size() + " deliveries: " + e, e);
        }
    }
}
