package com.plumbline.intake.notify;

import com.plumbline.intake.staff.StaffMember;
import com.plumbline.intake.staff.StaffDirectory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** The JSON event broadcast to every connected dashboard for one message's notifications. */
@Component("dashboardNotifications")
public class DashboardNotifications {

    private final Notifications notifications;
    private final MessageSummaries messages;
    private final StaffDirectory staff;
    private final NotifyProperties properties;
    private final ObjectMapper json;

    public DashboardNotifications(Notifications notifications, MessageSummaries messages, StaffDirectory staff,
                                  NotifyProperties properties, ObjectMapper json) {
        this.notifications = notifications;
        this.messages = messages;
        this.staff = staff;
        this.properties = properties;
        this.json = json;
    }

    public String event(@Header("notificationId") String ids) throws JsonProcessingException {
        List<Map<String, Object>> recipients = new ArrayList<>();
        Long messageId = null;
        int tier = 0;
        for (String id : ids.split(",")) {
            Notification notification = notifications.get(Long.parseLong(id.trim()));
            messageId = notification.getMessageId();
            tier = Math.max(tier, notification.getTier());
            StaffMember member = staff.get(notification.getStaffMemberId());
            recipients.add(Map.of("notificationId", notification.getId(), "staffId", member.getId(),
                    "name", member.getName(), "role", member.getRole().name()));
        }
        MessageSummary message = messages.of(messageId);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "EMERGENCY".equals(message.priority()) ? "alert" : "notification");
        event.put("messageId", message.messageId());
        event.put("priority", message.priority());
        event.put("serviceType", message.serviceType());
        event.put("channel", message.channel());
        event.put("customer", message.customerLabel());
        event.put("customerId", message.customerId());
        event.put("customerUrl", message.customerUrl(properties.publicBaseUrl()));
        event.put("body", message.body());
        event.put("receivedAt", message.receivedAt());
        event.put("responseDue", message.responseDue());
        event.put("escalationTier", tier);
        event.put("recipients", recipients);
        return json.writeValueAsString(event);
    }
}
