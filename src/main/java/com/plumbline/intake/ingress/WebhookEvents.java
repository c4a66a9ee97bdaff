package com.plumbline.intake.ingress;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes {@code webhook_event} rows: the durable record that lets us acknowledge a webhook. */
@Component("webhookEvents")
public class WebhookEvents {

    private final WebhookEventRepository repository;

    public WebhookEvents(WebhookEventRepository repository) {
        this.repository = repository;
    }

    /** Joins the intake route's transaction, so the row commits together with the dedup key. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void received(@Body InboundMessage message) {
        repository.save(WebhookEvent.received(message));
    }

    /** Keeps an authenticated but unreadable delivery, once, so it can be acknowledged. */
    @Transactional
    public void rejected(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) PoisonMessageException poison) {
        if (!repository.existsByProviderAndProviderMessageId(poison.getProvider(), poison.getProviderMessageId())) {
            repository.save(WebhookEvent.rejected(poison));
        }
    }
}
