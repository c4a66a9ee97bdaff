package com.plumbline.intake.conversation;

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
        int stored = jdbc.update("""
                insert into message (conversation_id, provider, provider_message_id, channel, direction, from_number,
                                     to_number, body, media_urls, received_at, sent_by)
                values (?, 'TWILIO', ?, 'SMS', 'OUTBOUND', ?, ?, ?, '', now(), ?)
                on conflict (provider, provider_message_id, direction) do nothing""",
                conversationId, sid, from, to, body, sentBy.name());
        if (stored == 1) {
            jdbc.update("update conversation set last_message_at = greatest(last_message_at, now()) where id = ?",
                    conversationId);
        }
    }
}
