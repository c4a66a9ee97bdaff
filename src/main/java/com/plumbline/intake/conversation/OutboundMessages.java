package com.plumbline.intake.conversation;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What we sent to a customer, stored as an OUTBOUND message of their conversation: the history
 * shows it, and a follow-up can tell that someone answered. Keyed like inbound messages (provider,
 * provider id, direction), so recording one send twice stores it once.
 */
@Component("outboundMessages")
public class OutboundMessages {

    /** Who sent it: automatic acknowledgements do not count as an answer. */
    public enum SentBy { AUTO_REPLY, AI_DRAFT, STAFF }

    private final JdbcTemplate jdbc;

    public OutboundMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An SMS Twilio accepted ({@code sid}), from our number to the customer. */
    @Transactional
    public void smsSent(long conversationId, SentBy sentBy, String sid, String from, String to, String body) {
        if (store(conversationId, sentBy, sid, from, to, body)) {
            touch(List.of(conversationId));
        }
    }

    /**
     * Several SMS Twilio accepted, in one transaction. The conversations' rows are locked last and in id order: a batch
     * of messages being processed locks some of the same rows, and any other order would risk a deadlock with it.
     */
    @Transactional
    public void smsSent(List<Sms> sent) {
        Set<Long> stored = new TreeSet<>();
        for (Sms sms : sent) {
            if (store(sms.conversationId(), sms.sentBy(), sms.sid(), sms.from(), sms.to(), sms.body())) {
                stored.add(sms.conversationId());
            }
        }
        touch(stored);
    }

    /** One SMS for {@link #smsSent(List)}. */
    public record Sms(long conversationId, SentBy sentBy, String sid, String from, String to, String body) {
    }

    /** @return false when it was stored before */
    private boolean store(long conversationId, SentBy sentBy, String sid, String from, String to, String body) {
        return jdbc.update("""
                insert into message (conversation_id, provider, provider_message_id, channel, direction, from_number,
                                     to_number, body, media_urls, received_at, sent_by)
                values (?, 'TWILIO', ?, 'SMS', 'OUTBOUND', ?, ?, ?, '', now(), ?)
                on conflict (provider, provider_message_id, direction) do nothing""",
                conversationId, sid, from, to, body, sentBy.name()) == 1;
    }

    private void touch(Collection<Long> conversationIds) {
        for (long id : conversationIds) {
            jdbc.update("update conversation set last_message_at = greatest(last_message_at, now()) where id = ?", id);
        }
    }
}
