package com.plumbline.intake.notify;

import com.plumbline.intake.outbound.OutboundEmail;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Writes a notification email: recipient, from, a subject a dispatcher can triage from, and the body. */
@Component("emailNotifications")
public class EmailNotifications {

    private final Notifications notifications;
    private final MessageSummaries messages;
    private final NotificationRules rules;
    private final NotifyProperties properties;

    public EmailNotifications(Notifications notifications, MessageSummaries messages, NotificationRules rules,
                              NotifyProperties properties) {
        this.notifications = notifications;
        this.messages = messages;
        this.rules = rules;
        this.properties = properties;
    }

    public OutboundEmail compose(@Header("notificationId") String notificationId) {
        Notification notification = notifications.get(Long.parseLong(notificationId));
        MessageSummary message = messages.of(notification.getMessageId());
        String escalated = notification.getTier() > 0 ? "ESCALATED (tier " + notification.getTier() + ") " : "";
        String subject = "[" + message.priority() + "] " + escalated + label(message.serviceType())
                + " - customer " + message.customerLabel();
        return new OutboundEmail(notification.getRecipient(), properties.email().from(), subject, """
                %s%s message from %s (%s, received %s)

                "%s"

                Respond by: %s
                Customer history: %s

                Acknowledge in the dashboard, or reply to the SMS as it says if you were texted.
                Notification %d for message %d.
                """.formatted(escalated, message.priority(), message.customerLabel(), message.channel(),
                message.receivedAt() == null ? "?" : message.receivedAt().atZone(rules.zone()).toLocalDateTime(),
                message.body() == null ? "" : message.body(), message.responseDueText(rules.zone()),
                message.customerUrl(properties.publicBaseUrl()), notification.getId(), message.messageId()),
                messageId(notification));
    }

    /**
     * One Message-ID per notification, the same on every send of it: a copy sent again after a
     * crash (SMTP has no way to ask whether the server took the first) is the same message to mail
     * clients. The row's creation time keeps ids apart across databases (ids restart at 1).
     */
    String messageId(Notification notification) {
        String from = properties.email().from();
        int at = from == null ? -1 : from.lastIndexOf('@');
        String domain = at < 0 ? "plumbline-intake" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<notification-%d.%d@%s>".formatted(notification.getId(), notification.getCreatedAt().toEpochMilli(),
                domain.isEmpty() ? "plumbline-intake" : domain);
    }

    /**
     * The camel-mail endpoint: STARTTLS required on plain smtp unless intake.notify.email.require-starttls
     * is false; credentials only when SMTP_USER is set (an empty user would still try to log in).
     */
    public String endpointUri() {
        NotifyProperties.Email email = properties.email();
        StringBuilder uri = new StringBuilder(email.protocol()).append("://").append(email.host()).append(':')
                .append(email.port()).append("?connectionTimeout=10000");
        if (email.requireStarttls() && "smtp".equalsIgnoreCase(email.protocol())) {
            // JavaMail then refuses to send over a connection the server would not upgrade to TLS
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        if (email.username() != null && !email.username().isBlank()) {
            uri.append("&username=RAW(").append(email.username()).append(")&password=RAW(")
                    .append(email.password() == null ? "" : email.password()).append(')');
        }
        return uri.toString();
    }

    static String label(String serviceType) {
        return serviceType == null ? "GENERAL" : serviceType;
    }
}
