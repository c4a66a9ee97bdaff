package com.plumbline.intake.notify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import com.plumbline.intake.customer.PhoneNumbers;
import com.plumbline.intake.customer.ThreadedMessage;
import com.plumbline.intake.notify.NotificationRules.Ladder;
import com.plumbline.intake.notify.NotificationRules.Recipient;
import org.apache.camel.Body;
import org.apache.camel.Header;
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
     * A message already notified (a redelivery) is not notified twice.
     */
    @Transactional
    public Dispatch plan(@Body ThreadedMessage message) {
        // one plan per message at a time, on every instance: a concurrent delivery of the same
        // message waits here, then finds the notices this one recorded
        jdbc.queryForList("select id from message where id = ? for update", Long.class, message.messageId());
        if (!repository.search(null, message.messageId()).isEmpty()) {
            LOG.info("Message {} was already notified", message.messageId());
            return Dispatch.none(message.messageId());
        }
        List<Recipient> recipients = rules.recipients(message, staff.active(), clock.instant());
        Dispatch dispatch = record(message.messageId(), recipients, 0);
        Ladder ladder = rules.ladder();
        if (ladder.applies(message.classification().priority()) && !ladder.rungs().isEmpty()
                && escalations.findByMessageId(message.messageId()).isEmpty()) {
            escalations.save(new Escalation(message.messageId(), clock.instant(),
                    clock.instant().plus(ladder.rungs().get(0).after())));
        }
        LOG.debug("Message {} ({}): {} recipients", message.messageId(), message.classification().priority(),
                recipients.size());
        return dispatch;
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
                        clock.instant());
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
        return new Dispatch(messageId, email, sms, String.join(",", dashboard));
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

    /** Still to be sent? A redelivered queue message for a notification already sent is dropped. */
    @Transactional(readOnly = true)
    public boolean isPending(@Body String id) {
        return repository.findById(Long.parseLong(id.trim()))
                .map(n -> n.getStatus() == NotificationStatus.PENDING)
                .orElse(false);
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
     * One dashboard broadcast of a comma-separated list of notifications: SENT when at least one
     * dashboard was connected to receive it, else SKIPPED: nobody saw it.
     */
    @Transactional
    public void broadcast(@Header("notificationId") String ids, @Header("dashboards") int dashboards) {
        for (long id : ids(ids)) {
            Notification notification = get(id);
            if (dashboards > 0) {
                notification.sent(null, clock.instant());
                metrics.sent(notification, clock.instant());
            } else {
                notification.skipped("no dashboard was connected to receive it");
            }
        }
    }

    @Transactional
    public void failed(String ids, String reason) {
        for (long id : ids(ids)) {
            repository.findById(id)
                    .filter(n -> n.getStatus() == NotificationStatus.PENDING)
                    .ifPresent(n -> {
                        n.failed(reason, clock.instant());
                        metrics.failed(n);
                    });
        }
        LOG.warn("Notification {} failed: {}", ids, reason);
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

    /** The latest notice to this staff member still waiting for an acknowledgement. */
    @Transactional(readOnly = true)
    public java.util.Optional<Notification> latestUnacknowledged(StaffMember member) {
        return repository.findFirstByStaffMemberIdAndStatusInOrderByIdDesc(member.getId(),
                List.of(NotificationStatus.SENT, NotificationStatus.PENDING, NotificationStatus.FAILED));
    }

    private static List<Long> ids(String ids) {
        return Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .collect(Collectors.toList());
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
