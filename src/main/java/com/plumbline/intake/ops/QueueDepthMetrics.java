package com.plumbline.intake.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
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
        }
    }

    /** Messages on the queue now, at most queue-depth-limit; NaN when the broker cannot say. */
    public double depth(String queue) {
        Instant now = clock.instant();
        Counted last = lastCounts.get(queue);
        if (last != null && last.at().plus(properties.queueDepthMaxAge()).isAfter(now)) {
            return last.depth();
        }
        double depth = browse(queue);
        lastCounts.put(queue, new Counted(now, depth));
        return depth;
    }

    private double browse(String queue) {
        try (JMSContext jms = connectionFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = jms.createBrowser(jms.createQueue(queue))) {
            int count = 0;
            for (Enumeration<?> messages = browser.getEnumeration();
                 messages.hasMoreElements() && count < properties.queueDepthLimit(); messages.nextElement()) {
                count++;
            }
            return count;
        } catch (JMSRuntimeException | jakarta.jms.JMSException e) {
            LOG.debug("Cannot count queue {}: {}", queue, e.getMessage());
            return Double.NaN;
        }
    }

    private record Counted(Instant at, double depth) {
    }
}
