package com.plumbline.intake.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.plumbline.intake.notify.Dispatch;
import com.plumbline.intake.notify.MessageSummaries;
import com.plumbline.intake.notify.MessageSummary;
import com.plumbline.intake.notify.Notification;
import com.plumbline.intake.notify.Notifications;
import com.plumbline.intake.notify.NotifyProperties;
import com.plumbline.intake.staff.StaffDirectory;
import com.plumbline.intake.staff.StaffMember;
import org.apache.camel.Body;
import org.springframework.stereotype.Component;

/**
 * The dashboard channel of a dispatch: one event for all of its dashboard notifications. The board
 * is a view, not a provider, so it needs no queue of its own: the event is stored in the caller's
 * transaction (with the message, in process-message) and reaches the boards once that commits; a
 * board that was offline catches up from the stored events.
 */
@Component("dashboardNotifications")
public class DashboardNotifications {

    private final Notifications notifications;
    private final MessageSummaries messages;
    private final StaffDirectory staff;
    private final NotifyProperties properties;
    private final DashboardEvents events;
    private final BoardSessions boards;

    public DashboardNotifications(Notifications notifications, MessageSummaries messages, StaffDirectory staff,
                                  NotifyProperties properties, DashboardEvents events, BoardSessions boards) {
        this.notifications = notifications;
        this.messages = messages;
        this.staff = staff;
        this.properties = properties;
        this.events = events;
        this.boards = boards;
    }

    /**
     * Route step (notify-dispatch): stores the event and records the notifications SENT when a
     * logged-in board that may see it is connected, else SKIPPED (nobody saw it).
     */
    public void publish(@Body Dispatch dispatch) throws JsonProcessingException {
        Map<String, Object> event = event(dispatch.dashboard());
        events.announce(event);
        notifications.broadcast(dispatch.dashboard(), boards.reachable(dispatch.messageId()));
    }

    Map<String, Object> event(List<String> ids) {
        List<Map<String, Object>> recipients = new ArrayList<>();
        Long messageId = null;
        int tier = 0;
        for (String id : ids) {
            Notification notification = notifications.get(Long.parseLong(id));
            messageId = notification.getMessageId();
            tier = Math.max(tier, notification.getTier());
            StaffMember member = staff.get(notification.getStaffMemberId());
            recipients.add(Map.of("notificationId", notification.getId(), "staffId", member.getId(),
                    "name", member.getName(), "role", member.getRole().name()));
        }
        MessageSummary message = messages.of(messageId);
        Map<String, Object> event = DashboardEvents.about(
                "EMERGENCY".equals(message.priority()) ? "alert" : "notification", message);
        event.put("customerUrl", message.customerUrl(properties.publicBaseUrl()));
        event.put("escalationTier", tier);
        event.put("recipients", recipients);
        return event;
    }
}
