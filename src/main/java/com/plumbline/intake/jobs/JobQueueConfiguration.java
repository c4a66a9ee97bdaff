package com.plumbline.intake.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;

import com.plumbline.intake.notify.NotifyProperties;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.camel.Exchange;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/** The two queue modes' infrastructure. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class JobQueueConfiguration {

    /**
     * The in-memory queue of seda mode ({@code seda:intake-jobs?queue=#jobQueue}): highest
     * JMSPriority first, so emergencies overtake there too; first come, first served within a
     * priority. Not durable: a restart loses what it holds.
     */
    @Bean
    PriorityBlockingQueue<Exchange> jobQueue() {
        Comparator<Exchange> byPriority = Comparator.comparing(
                (Exchange e) -> e.getMessage().getHeader("JMSPriority", 4, Integer.class)).reversed();
        return new PriorityBlockingQueue<>(1024, byPriority.thenComparingLong(Exchange::getCreated));
    }

    /**
     * Broker-side redelivery of one queue: a message whose consumer keeps failing (its transaction
     * rolls back, or its route's own retries are exhausted without handling it) is delivered again
     * after a growing delay, then parked on the queue's own dead-letter queue ({@code <queue>.dead}),
     * never dropped and never redelivered in a tight loop.
     */
    public record QueueRedelivery(String queue, int maxDeliveryAttempts, long initialDelayMs, double multiplier,
                                  long maxDelayMs, String deadLetterQueue) {

        public QueueRedelivery(String queue, int maxDeliveryAttempts, long initialDelayMs, double multiplier,
                               long maxDelayMs) {
            this(queue, maxDeliveryAttempts, initialDelayMs, multiplier, maxDelayMs, queue + ".dead");
        }

        AddressSettings settings() {
            return new AddressSettings()
                    .setMaxDeliveryAttempts(maxDeliveryAttempts)
                    .setRedeliveryDelay(initialDelayMs)
                    .setRedeliveryMultiplier(multiplier)
                    .setMaxRedeliveryDelay(maxDelayMs)
                    .setDeadLetterAddress(SimpleString.of(deadLetterQueue()))
                    // a queue's own <queue>.dead is made on demand; notify.dead is declared
                    .setAutoCreateDeadLetterResources(deadLetterQueue.equals(queue + ".dead"));
        }
    }

    /**
     * Where email and SMS notifications the broker gave up on are parked: one durable queue
     * (spring.artemis.embedded.queues), consumed by notify-dead-letters in routes/notify.camel.yaml.
     */
    public static final String NOTIFY_DEAD_LETTERS = "notify.dead";

    private static final NotifyProperties.Retry DEFAULT_NOTIFY_RETRY = new NotifyProperties.Retry(30, 2_000, 2, 300_000);

    static final String INBOUND = "intake.inbound";

    /**
     * How much each consumer of {@value #INBOUND} fetches ahead (Artemis' default, 1 MiB: some forty deliveries of
     * twenty messages). Each ordinary consumer holds its JMS groups (lanes): a delivery of its lanes then goes to it at
     * once, even while it works, instead of waiting at the head of the queue, where it held back the deliveries
     * behind it for the other consumers (issue 15). The relay keeps the queue short (intake.outbox.queue-limit), so
     * what is fetched ahead is bounded by it too.
     */
    static final int INBOUND_CONSUMER_WINDOW = 1024 * 1024;

    /** Every queue the service consumes, each with its own settings. */
    public static final List<QueueRedelivery> QUEUES = List.of(
            // classification: a poison message is parked after 10 tries
            new QueueRedelivery(INBOUND, 10, 1_000, 2, 60_000),
            // job tickets: the jobs route retries and dead-letters itself; this catches what escapes it
            new QueueRedelivery("intake.jobs", 10, 1_000, 2, 60_000),
            // storing dead letters: the database may be down for a while
            new QueueRedelivery("intake.dlq", 20, 5_000, 2, 300_000),
            // email and SMS notifications: the broker alone retries a failed send (the routes are
            // transacted), about 2 h, then parks it on notify.dead (recorded FAILED, replayable);
            // intake.notify.retry.* sets these on the embedded broker
            notifyChannel("notify.email", DEFAULT_NOTIFY_RETRY),
            notifyChannel("notify.sms", DEFAULT_NOTIFY_RETRY));

    static QueueRedelivery notifyChannel(String queue, NotifyProperties.Retry retry) {
        return new QueueRedelivery(queue, retry.maxDeliveries(), retry.delayMs(), retry.backoff(), retry.maxDelayMs(),
                NOTIFY_DEAD_LETTERS);
    }

    /**
     * The embedded broker writes a message's delivery count before delivering it, so after a
     * crash a redelivered job is marked redelivered (JMSRedelivered) and may take over a job left
     * RUNNING. Set the same on an external broker (persist-delivery-count-before-delivery), with
     * the address settings of {@link #QUEUES}.
     */
    @Bean
    ArtemisConfigurationCustomizer persistDeliveryCount(NotifyProperties notify) {
        return configuration -> configureBroker(configuration, notify.retry());
    }

    /** The same settings on a broker outside the service (tests start one standing in for a standalone broker). */
    public static void configureBroker(Configuration configuration) {
        configureBroker(configuration, DEFAULT_NOTIFY_RETRY);
    }

    static void configureBroker(Configuration configuration, NotifyProperties.Retry notifyRetry) {
        configuration.setPersistDeliveryCountBeforeDelivery(true);
        for (QueueRedelivery queue : QUEUES) {
            QueueRedelivery settings = queue.deadLetterQueue().equals(NOTIFY_DEAD_LETTERS)
                    ? notifyChannel(queue.queue(), notifyRetry) : queue;
            configuration.addAddressSetting(settings.queue(), settings.settings());
        }
        // consumers take one message at a time (storage.ArtemisConsumerWindow), except those of intake.inbound
        AddressSettings every = configuration.getAddressSettings().getOrDefault("#", new AddressSettings());
        configuration.addAddressSetting("#", every.setDefaultConsumerWindowSize(0));
        configuration.getAddressSettings().get(INBOUND).setDefaultConsumerWindowSize(INBOUND_CONSUMER_WINDOW);
    }
}
