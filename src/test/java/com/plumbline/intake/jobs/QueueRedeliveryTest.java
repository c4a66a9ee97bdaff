package com.plumbline.intake.jobs;

import java.util.List;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every queue the service consumes has its own broker redelivery and its own dead-letter queue
 * (email and SMS notifications share notify.dead, where one route records them). */
class QueueRedeliveryTest {

    @Test
    void everyConsumedQueueIsRedeliveredWithBackoffAndParkedOnADeadLetterQueue() {
        ConfigurationImpl broker = new ConfigurationImpl();
        JobQueueConfiguration.configureBroker(broker);

        for (String queue : List.of("intake.inbound", "intake.jobs", "intake.dlq", "notify.email", "notify.sms")) {
            AddressSettings settings = broker.getAddressSettings().get(queue);
            assertThat(settings).as(queue).isNotNull();
            assertThat(settings.getDeadLetterAddress().toString()).as(queue)
                    .isEqualTo(queue.equals("notify.email") || queue.equals("notify.sms") ? "notify.dead" : queue + ".dead");
            assertThat(settings.getMaxDeliveryAttempts()).as(queue).isGreaterThan(1);
            assertThat(settings.getRedeliveryDelay()).as(queue).isPositive();
            assertThat(settings.getRedeliveryMultiplier()).as(queue).isGreaterThan(1);
        }
        assertThat(broker.isPersistDeliveryCountBeforeDelivery()).isTrue();
    }
}
