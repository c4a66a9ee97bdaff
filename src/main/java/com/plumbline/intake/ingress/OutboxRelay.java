package com.plumbline.intake.ingress;

import java.util.Collections;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import com.plumbline.intake.ops.BusinessMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 */
@Component("outboxRelay")
public class OutboxRelay implements MeterBinder {

    /** The relay route's wake-up queue: one waiting wake-up is enough, more are dropped. */
    private static final String WAKE = "seda:outbox-relay?size=1&discardWhenFull=true";
    static final String QUEUE = "intake.inbound";
    /** Stored, and not yet on {@link #QUEUE}. */
    private static final String WAITING = "relayed_at is null and status = 'RECEIVED'";
    /** The PostgreSQL advisory lock the relays take turns with (an arbitrary key of this application's own). */
    private static final long RELAY_LOCK = 0x706c756d62L;
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ConnectionFactory connectionFactory;
    private final ProducerTemplate producer;
    private final int batchSize;
    private volatile boolean failing;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transaction, ConnectionFactory connectionFactory,
                       ProducerTemplate producer, @Value("${intake.outbox.batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.connectionFactory = connectionFactory;
        this.producer = producer;
        this.batchSize = batchSize;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(BusinessMetrics.OUTBOX_WAITING, this::waiting)
                .description("Stored messages not yet relayed to intake.inbound (grows while the broker is away)")
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

    /** Asks the relay route for a pass (after an intake commit, and from the sweep); returns at once. */
    public void wake() {
        producer.sendBody(WAKE, null);
    }

    /**
     * Relays every waiting message, batch after batch. A broker or database that is away ends the pass; the
     * rows stay waiting for the next (the sweep wakes the relay every second).
     *
     * @return the number of messages relayed
     */
    public int relay() {
        int relayed = 0;
        try {
            for (int batch = batchSize; batch == batchSize; relayed += batch) {
                batch = transaction.execute(status -> relayBatch());
            }
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

    private int relayBatch() {
        // one relay at a time across the instances sharing the database (held until this transaction ends, after the
        // JMS commit): with SKIP LOCKED alone two relays sent neighbouring batches side by side, and whichever committed
        // first put a customer's later messages ahead of the earlier ones (OutboxRelayTest)
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?)", Integer.class, RELAY_LOCK);
        List<Waiting> batch = jdbc.query("""
                select id, message, queue_priority, ordering_key, request_id from webhook_event
                where %s
                order by queue_priority desc, id
                limit ? for update skip locked""".formatted(WAITING),
                (rs, row) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                batchSize);
        if (batch.isEmpty()) {
            return 0;
        }
        send(batch);
        // the queue holds the message from here on (the row keeps the provider's raw payload)
        jdbc.update("update webhook_event set relayed_at = now(), message = null where id in ("
                + String.join(",", Collections.nCopies(batch.size(), "?")) + ")",
                batch.stream().map(Waiting::id).toArray());
        return batch.size();
    }

    /** One JMS transaction: the broker syncs its journal once for the batch. */
    private void send(List<Waiting> batch) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer out = session.createProducer(session.createQueue(QUEUE))) {
            for (Waiting waiting : batch) {
                TextMessage message = session.createTextMessage(waiting.message());
                if (waiting.orderingKey() != null) {
                    message.setStringProperty("JMSXGroupID", waiting.orderingKey());
                }
                if (waiting.requestId() != null) {
                    message.setStringProperty(Exchange.BREADCRUMB_ID, waiting.requestId());
                }
                out.send(message, DeliveryMode.PERSISTENT, waiting.priority(), Message.DEFAULT_TIME_TO_LIVE);
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("intake.inbound refused a batch of " + batch.size() + ": " + e, e);
        }
    }
}
