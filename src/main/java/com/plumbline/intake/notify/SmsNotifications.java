package com.plumbline.intake.notify;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes a notification SMS as camel-twilio's message/creator headers (to, from, body). */
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

    public void compose(Exchange exchange) {
        Message out = exchange.getMessage();
        Notification notification = notifications.get(Long.parseLong(out.getHeader("notificationId", String.class)));
        MessageSummary message = messages.of(notification.getMessageId());
        String body = message.body() == null ? "" : message.body();
        if (body.length() > MAX_EXCERPT) {
            body = body.substring(0, MAX_EXCERPT) + "...";
        }
        String escalated = notification.getTier() > 0 ? "ESCALATED " : "";
        out.setHeader("CamelTwilio.to", new com.twilio.type.PhoneNumber(notification.getRecipient()));
        out.setHeader("CamelTwilio.from", new com.twilio.type.PhoneNumber(properties.sms().fromNumber()));
        out.setHeader("CamelTwilio.body", "%s%s %s from %s: \"%s\" Respond by %s. %s Reply ACK to acknowledge."
                .formatted(escalated, message.priority(), EmailNotifications.label(message.serviceType()),
                        message.customerLabel(), body, message.responseDueText(rules.zone()),
                        message.customerUrl(properties.publicBaseUrl())));
    }
}
