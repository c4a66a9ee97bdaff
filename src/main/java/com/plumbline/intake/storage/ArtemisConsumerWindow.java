package com.plumbline.intake.storage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * An Artemis client fetches up to 1 MiB of messages ahead for each consumer. A consumer that hangs
 * then holds hundreds of messages that no other consumer can take, and that a queue browser (the
 * depth and stall checks) no longer sees. Without the buffer each consumer takes one message at a
 * time, and what waits stays on the broker, visible and free for the next consumer. Applies to the
 * embedded and an external broker.
 */
@Component
class ArtemisConsumerWindow implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Object target = bean instanceof SingleConnectionFactory cached ? cached.getTargetConnectionFactory() : bean;
        if (target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setConsumerWindowSize(0);
        }
        return bean;
    }
}
