package com.plumbline.intake.storage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * How many messages an Artemis consumer fetches ahead. Most consumers take one message at a time: one that hangs
 * then holds nothing another consumer could take, and what waits stays on the broker, visible to the depth and stall
 * checks. The ordinary consumers of {@code intake.inbound} fetch ahead instead: each holds the JMS groups (lanes) it
 * was given, and with nothing fetched ahead a delivery of a busy consumer's lane at the head of the queue held the
 * other consumer back until the busy one asked for its next.
 * <p>
 * The embedded broker sets the window per queue ({@code JobQueueConfiguration}, address settings
 * {@code default-consumer-window-size}), which the client follows when its own is left at Artemis' default. An
 * external broker may not carry those settings, so there every consumer keeps taking one message at a time.
 */
@Component
class ArtemisConsumerWindow implements BeanPostProcessor {

    private final boolean externalBroker;

    ArtemisConsumerWindow(@Value("${spring.artemis.mode:}") String mode) {
        this.externalBroker = "native".equalsIgnoreCase(mode);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Object target = bean instanceof SingleConnectionFactory cached ? cached.getTargetConnectionFactory() : bean;
        if (externalBroker && target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setConsumerWindowSize(0);
        }
        return bean;
    }
}
