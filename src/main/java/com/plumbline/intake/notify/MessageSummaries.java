package com.plumbline.intake.notify;

import java.sql.Timestamp;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the message a notification is about (with its customer), for the channel routes. */
@Component("messageSummaries")
public class MessageSummaries {

    private final JdbcTemplate jdbc;

    public MessageSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public MessageSummary of(long messageId) {
        return jdbc.queryForObject("""
                select m.id, cu.id as customer_id, cu.display_name, cu.phone_e164, m.priority, m.service_type,
                       m.channel, m.body, m.received_at, m.response_due
                from message m join conversation c on c.id = m.conversation_id join customer cu on cu.id = c.customer_id
                where m.id = ?""", (rs, row) -> new MessageSummary(rs.getLong("id"), rs.getLong("customer_id"),
                rs.getString("display_name"), rs.getString("phone_e164"), rs.getString("priority"),
                rs.getString("service_type"), rs.getString("channel"), rs.getString("body"),
                instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("response_due"))), messageId);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
