package com.plumbline.intake.jobs;

import java.util.Comparator;
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
     * The embedded broker writes a message's delivery count before delivering it, so after a
     * crash a redelivered job is marked redelivered (JMSRedelivered) and may take over a job left
     * RUNNING. Set the same on an external broker (persist-delivery-count-before-delivery).
     */
    @Bean
    ArtemisConfigurationCustomizer persistDeliveryCount() {
        return (Configuration configuration) -> {
            configuration.setPersistDeliveryCountBeforeDelivery(true);
            // a message that keeps failing classification is parked, never dropped or looped forever
            configuration.addAddressSetting("intake.inbound", new AddressSettings()
                    .setMaxDeliveryAttempts(10)
                    .setRedeliveryDelay(1000)
                    .setRedeliveryMultiplier(2)
                    .setMaxRedeliveryDelay(60_000)
                    .setDeadLetterAddress(SimpleString.of("intake.inbound.dead"))
                    .setAutoCreateDeadLetterResources(true));
        };
    }
}
