package com.plumbline.intake.jobs;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;

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
                                  long maxDelayMs) {

        public String deadLetterQueue() {
            return queue + ".dead";
        }

        AddressSettings settings() {
            return new AddressSettings()
                    .setMaxDeliveryAttempts(maxDeliveryAttempts)
                    .setRedeliveryDelay(initialDelayMs)
                    .setRedeliveryMultiplier(multiplier)
                    .setMaxRedeliveryDelay(maxDelayMs)
                    .setDeadLetterAddress(SimpleString.of(deadLetterQueue()))
                    .setAutoCreateDeadLetterResources(true);
        }
    }

    /** Every queue the service consumes, each with its own settings. */
    public static final List<QueueRedelivery> QUEUES = List.of(
            // classification: a poison message is parked after 10 tries
            new QueueRedelivery("intake.inbound", 10, 1_000, 2, 60_000),
            // job tickets: the jobs route retries and dead-letters itself; this catches what escapes it
            new QueueRedelivery("intake.jobs", 10, 1_000, 2, 60_000),
            // storing dead letters: the database may be down for a while
            new QueueRedelivery("intake.dlq", 20, 5_000, 2, 300_000),
            // notification channels: each route retries itself; this catches what escapes it
            new QueueRedelivery("notify.email", 10, 1_000, 2, 60_000),
            new QueueRedelivery("notify.sms", 10, 1_000, 2, 60_000),
            new QueueRedelivery("notify.dashboard", 10, 1_000, 2, 60_000));

    /**
     * The embedded broker writes a message's delivery count before delivering it, so after a
     * crash a redelivered job is marked redelivered (JMSRedelivered) and may take over a job left
     * RUNNING. Set the same on an external broker (persist-delivery-count-before-delivery), with
     * the address settings of {@link #QUEUES}.
     */
    @Bean
    ArtemisConfigurationCustomizer persistDeliveryCount() {
        return JobQueueConfiguration::configureBroker;
    }

    /** The same settings on a broker outside the service (tests start one standing in for a standalone broker). */
    public static void configureBroker(Configuration configuration) {
        configuration.setPersistDeliveryCountBeforeDelivery(true);
        for (QueueRedelivery queue : QUEUES) {
            configuration.addAddressSetting(queue.queue(), queue.settings());
        }
    }
}
