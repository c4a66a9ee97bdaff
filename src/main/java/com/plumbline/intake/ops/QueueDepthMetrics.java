package com.plumbline.intake.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link BusinessMetrics#QUEUE_DEPTH} per configured queue, counted with a JMS QueueBrowser: plain
 * JMS, so it reads the embedded Artemis and an external broker alike, and browsing never takes a
 * message off the queue. A queue nobody has sent to yet reads 0 (Artemis creates it on first use,
 * as it would for the first sender); NaN means the broker did not answer.
 */
@Component
public class QueueDepthMetrics implements MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepthMetrics.class);

    private final ConnectionFactory connectionFactory;
    private final OpsProperties properties;
    private final Clock clock;
    private final Map<String, Counted> lastCounts = new ConcurrentHashMap<>();

    public QueueDepthMetrics(ConnectionFactory connectionFactory, OpsProperties properties, Clock clock) {
        this.connectionFactory = connectionFactory;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String queue : properties.queues()) {
            Gauge.builder(BusinessMetrics.QUEUE_DEPTH, () -> depth(queue))
                    .tag(BusinessMetrics.QUEUE, queue)
                    .description("Messages waiting on the JMS queue (browsed; capped at intake.ops.queue-depth-limit)")
                    .baseUnit("messages")
                    .register(registry);
            Gauge.builder(BusinessMetrics.QUEUE_OLDEST_AGE, () -> oldestAge(queue).toMillis() / 1000.0)
                    .tag(BusinessMetrics.QUEUE, queue)
                    .description("Age of the oldest message waiting on the JMS queue (0 when empty)")
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    /** Messages on the queue now, at most queue-depth-limit; NaN when the broker cannot say. */
    public double depth(String queue) {
        return counted(queue).depth();
    }

    /** How long the oldest browsed message has waited; zero for an empty or unreadable queue. */
    public Duration oldestAge(String queue) {
        Counted counted = counted(queue);
        return counted.oldest() == null ? Duration.ZERO : Duration.between(counted.oldest(), clock.instant());
    }

    private Counted counted(String queue) {
        Instant now = clock.instant();
        Counted last = lastCounts.get(queue);
        if (last != null && last.at().plus(properties.queueDepthMaxAge()).isAfter(now)) {
            return last;
        }
        Counted counted = browse(queue, now);
        lastCounts.put(queue, counted);
        return counted;
    }

    private Counted browse(String queue, Instant now) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            int count = 0;
            long oldest = Long.MAX_VALUE;
            for (Enumeration<?> messages = browser.getEnumeration();
                 messages.hasMoreElements() && count < properties.queueDepthLimit(); count++) {
                // a priority queue browses in priority order: the oldest is anywhere
                oldest = Math.min(oldest, ((Message) messages.nextElement()).getJMSTimestamp());
            }
            return new Counted(now, count, count == 0 ? null : Instant.ofEpochMilli(oldest));
        } catch (JMSRuntimeException | JMSException e) {
            LOG.debug("Cannot count queue {}: {}", queue, e.getMessage());
            return new Counted(now, Double.NaN, null);
        }
    }

    private record Counted(Instant at, double depth, Instant oldest) {
    }
}
