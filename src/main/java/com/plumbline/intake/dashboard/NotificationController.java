package com.plumbline.intake.dashboard;

import java.time.Instant;
import java.util.List;

import com.plumbline.intake.notify.Notification;
import com.plumbline.intake.notify.NotificationStatus;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.notify.NotifyChannel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notifications sent to staff: list, acknowledge (stops escalation), mark read. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    /** A notification as the API shows it. */
    public record NotificationView(long id, Long messageId, Long staffMemberId, NotifyChannel channel,
                                   NotificationStatus status, String recipient, String providerId, String detail,
                                   int attempts, int tier, Instant createdAt, Instant sentAt, Instant readAt,
                                   Instant ackedAt) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.getId(), n.getMessageId(), n.getStaffMemberId(), n.getChannel(),
                    n.getStatus(), n.getRecipient(), n.getProviderId(), n.getDetail(), n.getAttempts(), n.getTier(),
                    n.getCreatedAt(), n.getSentAt(), n.getReadAt(), n.getAckedAt());
        }
    }

    private final Notifications notifications;

    public NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    public List<NotificationView> search(@RequestParam(required = false) NotificationStatus status,
                                         @RequestParam(required = false) Long messageId) {
        return notifications.search(status, messageId).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/{id}")
    public NotificationView get(@PathVariable long id) {
        return NotificationView.of(notifications.get(id));
    }

    @PostMapping("/{id}/ack")
    public NotificationView ack(@PathVariable long id) {
        return NotificationView.of(notifications.ack(id, "dashboard"));
    }

    @PostMapping("/{id}/read")
    public NotificationView read(@PathVariable long id) {
        return NotificationView.of(notifications.read(id));
    }
}
