package com.plumbline.intake.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff notification channels. A channel without its settings is not an error: its notifications
 * are recorded SKIPPED with the reason.
 *
 * @param publicBaseUrl where staff open the dashboard (links in emails)
 */
@ConfigurationProperties("intake.notify")
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Escalation escalation) {

    /** SMTP (camel-mail); empty host: email is not configured. */
    public record Email(String host, @DefaultValue("587") int port, @DefaultValue("smtp") String protocol,
                        String username, String password, @DefaultValue("intake@localhost") String from) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /** Twilio (camel-twilio); any of the three empty: SMS is not configured. */
    public record Sms(String accountSid, String authToken, String fromNumber) {
        public boolean configured() {
            return notBlank(accountSid) && notBlank(authToken) && notBlank(fromNumber);
        }
    }

    /** @param pollDelay how often the escalation route looks for due escalations */
    public record Escalation(@DefaultValue("5s") Duration pollDelay) {
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
