package com.plumbline.intake.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Staff notification channels. A channel without its settings is not an error: its notifications
 * are recorded SKIPPED with the reason.
 *
 * @param publicBaseUrl where staff open the dashboard (links in emails)
 * @param claimLease    how long a consumer holds a notification it is sending; after a crash
 *                      mid-send the broker's next try finds the claim run out and sends it
 */
@ConfigurationProperties("intake.notify")
public record NotifyProperties(
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Escalation escalation,
        @DefaultValue Retry retry,
        @DefaultValue Requeue requeue,
        @DefaultValue("60s") Duration claimLease) {

    /**
     * SMTP (camel-mail); empty host: email is not configured.
     *
     * @param requireStarttls plain smtp must upgrade to TLS (STARTTLS) before credentials or mail
     *                        are sent, else the send fails; false only for a local test server
     *                        (smtps is TLS from the start)
     */
    public record Email(String host, @DefaultValue("587") int port, @DefaultValue("smtp") String protocol,
                        String username, String password, @DefaultValue("intake@localhost") String from,
                        @DefaultValue("true") boolean requireStarttls) {
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

    /**
     * Broker-side redelivery of notify.email and notify.sms (Artemis address settings): a failed
     * send is rolled back and delivered again after delay-ms, growing by backoff up to
     * max-delay-ms, at most max-deliveries times in all; then it is parked on notify.dead.
     */
    public record Retry(@DefaultValue("30") int maxDeliveries, @DefaultValue("2000") long delayMs,
                        @DefaultValue("2") double backoff, @DefaultValue("300000") long maxDelayMs) {
    }

    /**
     * The notify-requeue poller: email and SMS notifications PENDING for longer than {@code after}
     * without having reached their queue are queued again, every {@code pollDelay}.
     */
    public record Requeue(@DefaultValue("10s") Duration after, @DefaultValue("5s") Duration pollDelay) {
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
