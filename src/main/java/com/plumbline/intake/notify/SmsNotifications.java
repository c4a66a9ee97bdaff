package com.plumbline.intake.notify;

import com.plumbline.intake.outbound.OutboundSms;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Writes a notification SMS for the send-sms adapter. */
@Component("smsNotifications")
public class SmsNotifications {

    private static final int MAX_EXCERPT = 120;

    private final Notifications notifications;
    private final MessageSummaries messages;
    private final NotificationRules rules;
    private final NotifyProperties properties;

    public SmsNotifications(Notifications notifications, MessageSummaries messages, NotificationRules rules,
                            NotifyProperties properties) {
        this.notifications = notifications;
        this.messages = messages;
        this.rules = rules;
        this.properties = properties;
    }

    public OutboundSms compose(@Header("notificationId") String notificationId) {
        Notification notification = notifications.get(Long.parseLong(notificationId));
        MessageSummary message = messages.of(notification.getMessageId());
        String body = message.body() == null ? "" : message.body();
        if (body.length() > MAX_EXCERPT) {
            body = body.substring(0, MAX_EXCERPT) + "...";
        }
        String escalated = notification.getTier() > 0 ? "ESCALATED " : "";
        return new OutboundSms(notification.getRecipient(), properties.sms().fromNumber(),
                "%s%s %s from %s: \"%s\" Respond by %s. %s Reply ACK %s to acknowledge."
                .formatted(escalated, message.priority(), EmailNotifications.label(message.serviceType()),
                        message.customerLabel(), body, message.responseDueText(rules.zone()),
                        message.customerUrl(properties.publicBaseUrl()), notification.getAckCode()));
    }
}
