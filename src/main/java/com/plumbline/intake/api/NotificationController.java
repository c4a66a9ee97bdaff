package com.plumbline.intake.api;

import java.time.Instant;
import java.util.List;

import com.plumbline.intake.notify.NotFoundException;
import com.plumbline.intake.notify.Notification;
import com.plumbline.intake.notify.NotificationStatus;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.notify.NotifyChannel;
import com.plumbline.intake.security.LoggedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications sent to staff: list, acknowledge (stops escalation), mark read. A technician
 * sees and acknowledges only the notifications sent to them; others are "not found" to them.
 */
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
                                         @RequestParam(required = false) Long messageId,
                                         @AuthenticationPrincipal LoggedIn who) {
        return notifications.search(status, messageId).stream().filter(n -> maySee(who, n))
                .map(NotificationView::of).toList();
    }

    @GetMapping("/{id}")
    public NotificationView get(@PathVariable long id, @AuthenticationPrincipal LoggedIn who) {
        return NotificationView.of(visible(id, who));
    }

    @PostMapping("/{id}/ack")
    public NotificationView ack(@PathVariable long id, @AuthenticationPrincipal LoggedIn who) {
        visible(id, who);
        return NotificationView.of(notifications.ack(id, "dashboard:" + who.username()));
    }

    @PostMapping("/{id}/read")
    public NotificationView read(@PathVariable long id, @AuthenticationPrincipal LoggedIn who) {
        visible(id, who);
        return NotificationView.of(notifications.read(id));
    }

    private Notification visible(long id, LoggedIn who) {
        Notification notification = notifications.get(id);
        if (!maySee(who, notification)) {
            throw new NotFoundException("No notification " + id);
        }
        return notification;
    }

    private static boolean maySee(LoggedIn who, Notification n) {
        return !who.seesOnlyOwn() || (who.staffMemberId() != null && who.staffMemberId().equals(n.getStaffMemberId()));
    }
}
