package com.plumbline.intake.ingress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes {@code webhook_event} rows: the durable record that lets us acknowledge a webhook, and the
 * outbox the {@link OutboxRelay} moves to {@code intake.inbound}.
 */
@Component("webhookEvents")
public class WebhookEvents {

    private final WebhookEventRepository repository;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final OutboxRelay relay;

    public WebhookEvents(WebhookEventRepository repository, JdbcTemplate jdbc, ObjectMapper json, OutboxRelay relay) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /**
     * The acknowledgement's one write, in the intake route's transaction. The table's unique key decides
     * duplicates: a concurrent copy waits for this transaction and then inserts nothing, so both are
     * answered with success and the message is stored once. Its commit tells the relay (OutboxRelay#stored).
     *
     * @return false for a duplicate (the provider's id is stored already)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean store(@Body InboundMessage message, @Variable("queuePriority") int queuePriority,
                         @Variable("orderingKey") String orderingKey,
                         @Header(Exchange.BREADCRUMB_ID) String requestId) throws JsonProcessingException {
        boolean stored = jdbc.update("""
                insert into webhook_event (provider, provider_message_id, channel, status, from_number, to_number,
                                           raw_payload, received_at, message, queue_priority, ordering_key, request_id)
                values (?, ?, ?, 'RECEIVED', ?, ?, ?, now(), ?, ?, ?, ?)
                on conflict (provider, provider_message_id) do nothing""",
                message.provider().name(), message.providerMessageId(), message.channel() == null ? null : message.channel().name(), message.from(),
                message.to(), message.rawPayload(), json.writeValueAsString(message), queuePriority, orderingKey,
                requestId) == 1;
        if (stored) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.stored(queuePriority);
                }
            });
        }
        return stored;
    }

    /** Keeps an authenticated but unreadable delivery, once, so it can be acknowledged. */
    @Transactional
    public void rejected(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) PoisonMessageException poison) {
        if (!repository.existsByProviderAndProviderMessageId(poison.getProvider(), poison.getProviderMessageId())) {
            repository.save(WebhookEvent.rejected(poison));
        }
    }
}
