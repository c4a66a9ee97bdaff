package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffMember;
import com.plumbline.intake.staff.StaffDirectory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.plumbline.intake.conversation.PhoneNumbers;
import com.plumbline.intake.conversation.ThreadedMessage;
import com.plumbline.intake.notify.NotificationRules.Ladder;
import com.plumbline.intake.notify.NotificationRules.Recipient;
import com.plumbline.intake.outbound.SentSmsLookup;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import com.plumbline.intake.rules.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records notifications (one row per recipient and channel) and their outcomes. A channel
 * without configuration, or a recipient without an address for it, is recorded SKIPPED with the
 * reason; everything else PENDING, to be sent by the channel's own route.
 */
@Component("notifications")
public class Notifications {

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final java.security.SecureRandom ACK_CODES = new java.security.SecureRandom();

    private final NotificationRepository repository;
    private final EscalationRepository escalations;
    private final StaffDirectory staff;
    private final NotificationRules rules;
    private final NotifyProperties properties;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    public Notifications(NotificationRepository repository, EscalationRepository escalations, StaffDirectory staff,
                         NotificationRules rules, NotifyProperties properties, NotificationMetrics metrics, Clock clock,
                         JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.escalations = escalations;
        this.staff = staff;
        this.rules = rules;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The first notices about a message, and its escalation ladder when its priority has one.
     * A message already planned (a redelivery of {@code classify}) gets no new rows: its notices
     * still PENDING are dispatched again, as the first delivery may have stopped before handing
     * them over; the channel routes send each one once.
     */
    @Transactional
    public Dispatch plan(@Body ThreadedMessage message) {
        // one plan per message at a time, on every instance: a concurrent delivery of the same
        // message waits here, then finds the notices this one recorded
        jdbc.queryForList("select id from message where id = ? for update", Long.class, message.messageId());
        List<Notification> planned = repository.search(null, message.messageId());
        if (!planned.isEmpty()) {
            Dispatch again = pending(message.messageId(), planned);
            LOG.info("Message {} was already notified; {} notices still pending dispatched again",
                    message.messageId(), again.size());
            return again;
        }
        List<Recipient> recipients = rules.recipients(message, staff.active(), clock.instant());
        Dispatch dispatch = record(message.messageId(), recipients, 0);
        Ladder ladder = rules.ladder();
        if (ladder.applies(message.classification().priority()) && !ladder.rungs().isEmpty()
                && escalations.findByMessageId(message.messageId()).isEmpty()) {
            escalations.save(new Escalation(message.messageId(), clock.instant(),
                    clock.instant().plus(ladder.rungs().get(0).after())));
        }
        // per message: DEBUG (a busy drain), emergencies at INFO where operators look
        LOG.atLevel(message.classification().priority() == Priority.EMERGENCY ? org.slf4j.event.Level.INFO
                        : org.slf4j.event.Level.DEBUG)
                .log("Message {} ({}): {} recipients", message.messageId(), message.classification().priority(),
                        recipients.size());
        return dispatch;
    }

    private static Dispatch pending(long messageId, List<Notification> rows) {
        List<String> email = new ArrayList<>();
        List<String> sms = new ArrayList<>();
        List<String> dashboard = new ArrayList<>();
        for (Notification row : rows) {
            if (row.getStatus() == NotificationStatus.PENDING) {
                switch (row.getChannel()) {
                    case EMAIL -> email.add(row.getId().toString());
                    case SMS -> sms.add(row.getId().toString());
                    case DASHBOARD -> dashboard.add(row.getId().toString());
                }
            }
        }
        return new Dispatch(messageId, email, sms, dashboard);
    }

    /** The email and SMS notices of a dispatch are on their queues: the notify-requeue poller leaves them be. */
    @Transactional
    public void queued(@Variable("dispatch") Dispatch dispatch) {
        List<Long> ids = new ArrayList<>();
        dispatch.email().forEach(id -> ids.add(Long.valueOf(id)));
        dispatch.sms().forEach(id -> ids.add(Long.valueOf(id)));
        if (!ids.isEmpty()) {
            jdbc.update("update notification set queued_at = now() where queued_at is null and id = any(?)",
                    (Object) ids.toArray(Long[]::new));
        }
    }

    /**
     * Takes a notification for sending: true for the one consumer that may send it now (its row
     * is claimed for {@code intake.notify.claim-lease}), false when it is no longer PENDING (a
     * redelivery of a notification already sent or failed: nothing to do).
     *
     * <p>A claim that ran out without an outcome (neither sent nor let go: its sender died, maybe
     * after the provider took the message) leaves the send in doubt. For an SMS the header
     * {@code smsInDoubtSince} (the notification's creation time) then makes the send-sms adapter
     * ask Twilio first; an email is sent again under the same Message-ID.
     *
     * @throws NotificationBusyException another consumer holds a live claim: the broker tries again later
     */
    @Transactional
    public boolean claim(@Header("notificationId") String id, @Headers Map<String, Object> headers) {
        long notificationId = Long.parseLong(id.trim());
        headers.remove(SentSmsLookup.IN_DOUBT_SINCE);
        List<Claim> claimed = jdbc.query("""
                with earlier as (select id, claimed_until from notification where id = ? for update)
                update notification n set claimed_until = now() + make_interval(secs => ?)
                from earlier
                where n.id = earlier.id and n.status = 'PENDING' and (n.claimed_until is null or n.claimed_until < now())
                returning earlier.claimed_until is not null, n.channel, n.created_at""",
                (rs, row) -> new Claim(rs.getBoolean(1), NotifyChannel.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()),
                notificationId, (double) properties.claimLease().toMillis() / 1000);
        if (claimed.size() == 1) {
            Claim claim = claimed.get(0);
            if (claim.earlierRanOut()) {
                LOG.warn("Notification {} ({}): an earlier try ended without a recorded outcome", notificationId,
                        claim.channel());
                if (claim.channel() == NotifyChannel.SMS) {
                    headers.put(SentSmsLookup.IN_DOUBT_SINCE, claim.createdAt());
                }
            }
            return true;
        }
        List<String> status = jdbc.queryForList("select status from notification where id = ?", String.class,
                notificationId);
        if (!status.isEmpty() && NotificationStatus.PENDING.name().equals(status.get(0))) {
            throw new NotificationBusyException(notificationId);
        }
        LOG.info("Notification {} is {}: not sent again", notificationId, status.isEmpty() ? "gone" : status.get(0));
        return false;
    }

    private record Claim(boolean earlierRanOut, NotifyChannel channel, java.time.Instant createdAt) {
    }

    /**
     * A passing failure: the claim ends now and the error is kept, for the broker's next try. The
     * claim is left as ended, not cleared: a timeout or broken connection may come after the
     * provider took the message, so the next try counts as in doubt (an SMS is looked for at Twilio).
     */
    @Transactional
    public void release(String id, String reason) {
        jdbc.update("""
                update notification set claimed_until = now(), attempts = attempts + 1, detail = ?, updated_at = ?
                where id = ? and status = 'PENDING'""", reason, java.sql.Timestamp.from(clock.instant()),
                Long.parseLong(id.trim()));
    }

    /**
     * A replayed dead letter: the notification is PENDING again, to be sent once more.
     *
     * @return its channel, or null when there is nothing to replay (sent meanwhile, or gone)
     */
    @Transactional
    public NotifyChannel revive(long id) {
        return repository.findById(id)
                .filter(n -> n.getStatus() == NotificationStatus.FAILED)
                .map(n -> {
                    n.revived(clock.instant());
                    return n.getChannel();
                })
                .orElse(null);
    }

    /**
     * A reminder about a message nobody answered in time (the FOLLOW_UP job): the same recipients
     * as the first notices, notified again. The job runs once, so the reminder is sent once.
     */
    @Transactional
    public Dispatch remind(@Body ThreadedMessage message) {
        List<Recipient> recipients = rules.recipients(message, staff.active(), clock.instant());
        LOG.info("Message {} not answered by its due time: reminding {} recipients", message.messageId(), recipients.size());
        return record(message.messageId(), recipients, 0);
    }

    /** Notices of one escalation rung, committed at once so the channel routes can read them. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Dispatch recordEscalation(long messageId, List<Recipient> recipients, int tier) {
        return record(messageId, recipients, tier);
    }

    private Dispatch record(long messageId, List<Recipient> recipients, int tier) {
        List<String> email = new ArrayList<>();
        List<String> sms = new ArrayList<>();
        List<String> dashboard = new ArrayList<>();
        for (Recipient recipient : recipients) {
            for (NotifyChannel channel : EnumSet.copyOf(recipient.channels())) {
                StaffMember member = recipient.staff();
                Notification row = new Notification(messageId, member, channel, address(member, channel), tier,
                        clock.instant(), ackCode());
                String skip = skipReason(member, channel);
                if (skip != null) {
                    row.skipped(skip);
                }
                repository.save(row);
                if (skip == null) {
                    switch (channel) {
                        case EMAIL -> email.add(row.getId().toString());
                        case SMS -> sms.add(row.getId().toString());
                        case DASHBOARD -> dashboard.add(row.getId().toString());
                    }
                }
            }
        }
        return new Dispatch(messageId, email, sms, dashboard);
    }

    /** Six random digits: an SMS acknowledgement names its notification, so a spoofed sender cannot guess it. */
    private static String ackCode() {
        return "%06d".formatted(ACK_CODES.nextInt(1_000_000));
    }

    private String skipReason(StaffMember member, NotifyChannel channel) {
        return switch (channel) {
            case EMAIL -> !properties.email().configured() ? "email not configured (SMTP_HOST is empty)"
                    : member.getEmail() == null ? "staff member has no email address" : null;
            case SMS -> !properties.sms().configured()
                    ? "SMS not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN or TWILIO_FROM_NUMBER is empty)"
                    : member.getPhone() == null ? "staff member has no phone number" : null;
            case DASHBOARD -> null;
        };
    }

    private static String address(StaffMember member, NotifyChannel channel) {
        return switch (channel) {
            case EMAIL -> member.getEmail();
            case SMS -> member.getPhone();
            case DASHBOARD -> "dashboard";
        };
    }

    @Transactional(readOnly = true)
    public Notification get(long id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("no notification " + id));
    }

    @Transactional
    public void sent(@Header("notificationId") String id, @Header("providerId") String providerId) {
        Notification notification = get(Long.parseLong(id));
        notification.sent(providerId, clock.instant());
        metrics.sent(notification, clock.instant());
        LOG.debug("Notification {} sent by {} to {} ({})", id, notification.getChannel(),
                masked(notification), providerId);
    }

    /**
     * One dashboard event for these notifications: SENT when at least one board that may see it
     * was connected, else SKIPPED: nobody saw it.
     */
    @Transactional
    public void broadcast(List<String> ids, int dashboards) {
        for (String id : ids) {
            Notification notification = get(Long.parseLong(id));
            if (dashboards > 0) {
                notification.sent(null, clock.instant());
                metrics.sent(notification, clock.instant());
            } else {
                notification.skipped("no dashboard was connected to receive it");
            }
        }
    }

    @Transactional
    public void failed(String id, String reason) {
        repository.findById(Long.parseLong(id.trim()))
                .filter(n -> n.getStatus() == NotificationStatus.PENDING)
                .ifPresent(n -> {
                    n.failed(reason, clock.instant());
                    metrics.failed(n);
                });
        LOG.warn("Notification {} failed: {}", id, reason);
    }

    @Transactional(readOnly = true)
    public List<Notification> search(NotificationStatus status, Long messageId) {
        return repository.search(status, messageId);
    }

    /** Acknowledged: the notification, and the escalation ladder of its message, stop here. */
    @Transactional
    public Notification ack(long id, String by) {
        Notification notification = get(id);
        notification.acked(clock.instant());
        escalations.lockByMessageId(notification.getMessageId())
                .ifPresent(e -> e.acked(by, clock.instant()));
        LOG.info("Notification {} acknowledged by {}", id, by);
        return notification;
    }

    @Transactional
    public Notification read(long id) {
        Notification notification = get(id);
        notification.read(clock.instant());
        return notification;
    }

    /** The notice to this staff member with this acknowledgement code, while it still waits for one. */
    @Transactional(readOnly = true)
    public java.util.Optional<Notification> unacknowledged(StaffMember member, String ackCode) {
        return repository.findFirstByStaffMemberIdAndAckCodeAndStatusInOrderByIdDesc(member.getId(), ackCode,
                List.of(NotificationStatus.SENT, NotificationStatus.PENDING, NotificationStatus.FAILED));
    }

    private static String masked(Notification notification) {
        return notification.getChannel() == NotifyChannel.SMS ? PhoneNumbers.masked(notification.getRecipient())
                : notification.getChannel() == NotifyChannel.EMAIL ? maskedEmail(notification.getRecipient())
                : "dashboard";
    }

    private static String maskedEmail(String email) {
        int at = email == null ? -1 : email.indexOf('@');
        return at < 1 ? "****" : email.charAt(0) + "***" + email.substring(at);
    }
}
