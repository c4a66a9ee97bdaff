package com.plumbline.intake.jobs;

import org.apache.camel.Body;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At a message's response due time: did anyone get back to the customer? An acknowledged
 * notification or a message sent to the customer since counts (an automatic reply does not: it
 * only says when to expect a call); otherwise staff are reminded.
 */
@Component("followUps")
public class FollowUps {

    private final JdbcTemplate jdbc;

    public FollowUps(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public boolean answered(@Body ProcessingJob job) {
        Integer answered = jdbc.queryForObject("""
                select count(*) from message m
                where (m.conversation_id = ? and m.direction = 'OUTBOUND' and m.sent_by <> 'AUTO_REPLY'
                       and m.received_at >= (select received_at from message where id = ?))
                   or exists (select 1 from notification n where n.message_id = ? and n.status = 'ACKED')""",
                Integer.class, job.getConversationId(), job.getMessageId(), job.getMessageId());
        return answered != null && answered > 0;
    }
}
