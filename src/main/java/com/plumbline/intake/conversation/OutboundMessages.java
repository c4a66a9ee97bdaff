package com.plumbline.intake.conversation;

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
            touch(conversationId);
        }
    }

    /**
     * Several SMS Twilio accepted, in the caller's transaction. Their conversations' last message time is not waited
     * for: a batch of messages being processed holds its customers' conversation rows until it commits, and waiting for
     * them while holding others could deadlock with it.
     *
     * @return the conversations whose row was busy: {@link #touch} them once the caller has committed
     */
    @Transactional
    public Set<Long> smsSent(List<Sms> sent) {
        Set<Long> stored = new TreeSet<>();
        for (Sms sms : sent) {
            if (store(sms.conversationId(), sms.sentBy(), sms.sid(), sms.from(), sms.to(), sms.body())) {
                stored.add(sms.conversationId());
            }
        }
        if (!stored.isEmpty()) {
            stored.removeAll(jdbc.queryForList("""
                    update conversation set last_message_at = greatest(last_message_at, now())
                    where id in (select id from conversation where id = any(?) for no key update skip locked)
                    returning id""", Long.class, (Object) stored.toArray(Long[]::new)));
        }
        return stored;
    }

    /** One SMS for {@link #smsSent(List)}. */
    public record Sms(long conversationId, SentBy sentBy, String sid, String from, String to, String body) {
    }

    /** The conversation's last message time is now (one row, so it may wait for the row without risk of deadlock). */
    public void touch(long conversationId) {
        jdbc.update("update conversation set last_message_at = greatest(last_message_at, now()) where id = ?", conversationId);
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
}
