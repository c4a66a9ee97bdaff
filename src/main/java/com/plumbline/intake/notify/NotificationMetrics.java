package com.plumbline.intake.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.plumbline.intake.ops.MeterCache;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import static com.plumbline.intake.ops.BusinessMetrics.CHANNEL_TAG;
import static com.plumbline.intake.ops.BusinessMetrics.FIRST_NOTIFICATION;
import static com.plumbline.intake.ops.BusinessMetrics.NOTIFICATIONS;
import static com.plumbline.intake.ops.BusinessMetrics.OUTCOME;
import static com.plumbline.intake.ops.BusinessMetrics.PRIORITY;

/**
 * Notifications sent and failed per channel, and the time from a customer's message to the first
 * notice any staff member got about it: the number a plumbing business is judged by.
 */
@Component
class NotificationMetrics {

    private final MeterCache meters;
    private final JdbcTemplate jdbc;

    NotificationMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.meters = new MeterCache(registry);
        this.jdbc = jdbc;
    }

    void sent(Notification notification, Instant sentAt) {
        count(notification, "sent");
        if (notification.getMessageId() == null) {
            return;
        }
        // the first notice about this message: no other notification of it was sent before
        List<Map<String, Object>> message = jdbc.queryForList("""
                select m.received_at, m.priority from message m
                where m.id = ? and not exists (select 1 from notification n
                    where n.message_id = m.id and n.id <> ? and n.sent_at is not null)""",
                notification.getMessageId(), notification.getId());
        if (!message.isEmpty()) {
            Instant received = ((Timestamp) message.get(0).get("received_at")).toInstant();
            Duration elapsed = Duration.between(received, sentAt);
            meters.timer(FIRST_NOTIFICATION, PRIORITY, String.valueOf(message.get(0).get("priority"))).record(elapsed.isNegative() ? Duration.ZERO : elapsed);
        }
    }

    void failed(Notification notification) {
        count(notification, "failed");
    }

    private void count(Notification notification, String outcome) {
        meters.counter(NOTIFICATIONS, CHANNEL_TAG, notification.getChannel().name().toLowerCase(Locale.ROOT),
                OUTCOME, outcome).increment();
    }
}
