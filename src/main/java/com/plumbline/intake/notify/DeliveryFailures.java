package com.plumbline.intake.notify;

import com.twilio.exception.ApiException;
import jakarta.mail.SendFailedException;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells permanent delivery failures (retrying cannot help: Twilio refuses the number, the mail
 * server refuses the address) from passing ones, and records the outcome with the reason.
 */
@Component("deliveryFailures")
public class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);
    private static final int TOO_MANY_REQUESTS = 429;

    private final Notifications notifications;

    public DeliveryFailures(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * Twilio answered 4xx (other than 429): the request itself is wrong, e.g. code 21211 invalid number;
     * the mail server refused the address; or the notification no longer exists.
     */
    public boolean isPermanent(Exchange exchange) {
        ApiException twilio = find(caught(exchange), ApiException.class);
        if (twilio != null && twilio.getStatusCode() != null) {
            int status = twilio.getStatusCode();
            return status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
        }
        return find(caught(exchange), SendFailedException.class) != null
                || find(caught(exchange), PermanentDeliveryException.class) != null
                || find(caught(exchange), NotFoundException.class) != null;
    }

    /**
     * A passing failure (SMTP down, a provider's 429 or 5xx, I/O): the claim is let go and the
     * error kept on the row; the delivery is rolled back and the broker tries again later.
     */
    public void retrying(Exchange exchange) {
        String id = exchange.getMessage().getHeader("notificationId", String.class);
        if (id == null) {
            return;
        }
        String reason = reason(caught(exchange));
        notifications.release(id, reason);
        LOG.warn("Notification {} not sent yet, the broker will try again: {}", id, reason);
    }

    /** Records FAILED with the reason: a permanent failure. */
    public void record(Exchange exchange) {
        String ids = exchange.getMessage().getHeader("notificationId", String.class);
        if (ids == null) {
            return;
        }
        notifications.failed(ids, reason(caught(exchange)));
    }

    static String reason(Throwable error) {
        ApiException twilio = find(error, ApiException.class);
        if (twilio != null) {
            return "Twilio " + twilio.getStatusCode() + " code " + twilio.getCode() + ": " + twilio.getMessage();
        }
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "unknown error" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Throwable caught(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return error != null ? error : exchange.getException();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
