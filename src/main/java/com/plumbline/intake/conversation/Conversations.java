package com.plumbline.intake.conversation;

import java.util.Optional;

import com.plumbline.intake.ingress.InboundMessage;
import com.plumbline.intake.ops.BusinessMetrics;
import com.plumbline.intake.ops.MeterCache;
import com.plumbline.intake.rules.Classification;
import com.plumbline.intake.rules.Priority;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Body;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threads a classified message into its customer's open conversation (or opens one) and stores
 * it. A redelivered message (same provider id) is found, not stored twice.
 */
@Component("conversations")
public class Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(Conversations.class);

    private final CustomerRepository customers;
    private final ConversationRepository conversations;
    private final ConversationMessageRepository messages;
    private final CustomerProperties properties;
    private final MeterCache meters;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public Conversations(CustomerRepository customers, ConversationRepository conversations,
                         ConversationMessageRepository messages, CustomerProperties properties, MeterRegistry registry,
                         JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.customers = customers;
        this.conversations = conversations;
        this.messages = messages;
        this.properties = properties;
        this.meters = new MeterCache(registry);
    }

    @Transactional
    public ThreadedMessage thread(@Body InboundMessage message,
                                  @Variable("customer") Customer matched,
                                  @Variable("classification") Classification classification) {
        Customer customer = customers.lockById(matched.getId());
        Optional<ConversationMessage> stored = messages.findByProviderAndProviderMessageIdAndDirection(
                message.provider(), message.threadKey(), ConversationMessage.Direction.INBOUND);
        if (stored.isPresent() && message.callId() != null) {
            // one call, one message: a later callback updates it
            ConversationMessage call = stored.get();
            call.callback(message, classification);
            if (message.classifiable()) {
                classified(classification);
                call.getConversation().add(message.receivedAt(), classification.priority(),
                        classification.serviceType(), properties.conversationWindow());
            }
            LOG.info("Call {} updated by a {} callback", call.getId(), message.callStatus() == null ? message.channel()
                    : message.callStatus());
            return threaded(call, false, customer, message, classification);
        }
        if (stored.isPresent()) {
            LOG.info("Message {} was already threaded (redelivery)", stored.get().getId());
            return threaded(stored.get(), false, customer, message, classification);
        }
        Optional<Conversation> open = conversations.findFirstByCustomerAndStatusAndClosesAtAfterOrderByLastMessageAtDesc(
                customer, Conversation.Status.OPEN, message.receivedAt());
        Conversation conversation = open.orElseGet(() -> new Conversation(customer, message.receivedAt()));
        if (message.classifiable()) {
            conversation.add(message.receivedAt(), classification.priority(), classification.serviceType(),
                    properties.conversationWindow());
        } else {
            conversation.touch(message.receivedAt(), properties.conversationWindow());
        }
        conversations.save(conversation);
        ConversationMessage row = messages.save(
                ConversationMessage.inbound(conversation, message, customer.getPhone(), classification));
        // the webhook delivery it came from (a call's: its first callback)
        jdbc.update("""
                update message set webhook_event_id = (select id from webhook_event where provider = ? and provider_message_id = ?)
                where id = ?""", message.provider().name(), message.providerMessageId(), row.getId());
        if (message.classifiable()) {
            classified(classification);
        }
        if (message.classifiable() && classification.retraction() && open.isPresent()) {
            String body = message.body() == null ? "" : message.body().strip();
            String reason = "customer retracted in message " + row.getId() + ": \""
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body) + "\"";
            conversation.retract(message.receivedAt(), classification.priority(), classification.serviceType(), reason);
            conversations.save(conversation);
            events.publishEvent(new ConversationRetracted(conversation.getId(), row.getId(), reason, message.receivedAt()));
            LOG.info("Conversation {} retracted by message {}", conversation.getId(), row.getId());
        }
        // per message: DEBUG (a log line per message costs a busy drain); emergencies stay visible at INFO
        if (classification.priority() == Priority.EMERGENCY || LOG.isDebugEnabled()) {
            String summary = "Message {} from {} in conversation {}: {} {}";
            Object[] values = {row.getId(), PhoneNumbers.masked(customer.getPhone()), conversation.getId(),
                    classification.priority(), classification.serviceType()};
            if (classification.priority() == Priority.EMERGENCY) {
                LOG.info(summary, values);
            } else {
                LOG.debug(summary, values);
            }
        }
        return threaded(row, open.isEmpty(), customer, message, classification);
    }

    private void classified(Classification classification) {
        meters.counter(BusinessMetrics.CLASSIFIED, BusinessMetrics.PRIORITY, classification.priority().name(),
                BusinessMetrics.SERVICE_TYPE, classification.serviceType().name()).increment();
    }

    private static ThreadedMessage threaded(ConversationMessage row, boolean newConversation, Customer customer,
                                            InboundMessage message, Classification classification) {
        return new ThreadedMessage(row.getId(), row.getConversation().getId(), customer.getId(), newConversation,
                customer.getPhone(), customer.isPhoneValid(), message, classification);
    }
}
