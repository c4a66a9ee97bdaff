package com.plumbline.intake.storage;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * How the Artemis client behaves when the broker goes away (intake.broker.*). A short blip is
 * bridged by the client itself: it reconnects its sessions a few times, retry-interval apart, and
 * a send waits at most call-failover-timeout meanwhile, so a webhook is answered 503 within
 * seconds rather than held until the provider gives up. After that the connection is failed:
 * Spring's cached connection is dropped (its exception listener), a send fails at once (503,
 * nothing acknowledged), and the JMS listeners try a new connection every
 * camel.component.jms.recovery-interval until the broker answers again. The first retry interval
 * stays short: a new connection to a broker that is away also waits it once, holding the client's
 * lock, so every listener's recovery and every webhook's send would queue behind a long one. Applies to the embedded
 * broker too (an in-VM connection that never breaks).
 */
@Component
class ArtemisReconnection implements BeanPostProcessor {

    private final int reconnectAttempts;
    private final long retryInterval;
    private final double retryIntervalMultiplier;
    private final long maxRetryInterval;
    private final long callTimeout;
    private final long callFailoverTimeout;

    ArtemisReconnection(@Value("${intake.broker.reconnect-attempts}") int reconnectAttempts,
                        @Value("${intake.broker.retry-interval}") long retryInterval,
                        @Value("${intake.broker.retry-interval-multiplier}") double retryIntervalMultiplier,
                        @Value("${intake.broker.max-retry-interval}") long maxRetryInterval,
                        @Value("${intake.broker.call-timeout}") long callTimeout,
                        @Value("${intake.broker.call-failover-timeout}") long callFailoverTimeout) {
        this.reconnectAttempts = reconnectAttempts;
        this.retryInterval = retryInterval;
        this.retryIntervalMultiplier = retryIntervalMultiplier;
        this.maxRetryInterval = maxRetryInterval;
        this.callTimeout = callTimeout;
        this.callFailoverTimeout = callFailoverTimeout;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        Object target = bean instanceof SingleConnectionFactory cached ? cached.getTargetConnectionFactory() : bean;
        if (target instanceof ActiveMQConnectionFactory artemis) {
            artemis.setReconnectAttempts(reconnectAttempts);
            artemis.setRetryInterval(retryInterval);
            artemis.setRetryIntervalMultiplier(retryIntervalMultiplier);
            artemis.setMaxRetryInterval(maxRetryInterval);
            // a new connection while the broker is away fails at once; the listeners try again later
            artemis.setInitialConnectAttempts(1);
            artemis.setCallTimeout(callTimeout);
            artemis.setCallFailoverTimeout(callFailoverTimeout);
        }
        return bean;
    }
}
