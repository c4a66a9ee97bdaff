package com.plumbline.intake.notify;

import com.plumbline.intake.outbound.ProviderErrors;
import com.plumbline.intake.outbound.ProviderFailure;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records the outcome of a failed notification send with its reason. Which provider errors are
 * permanent is the one rule of {@link ProviderErrors}, shared with the jobs.
 */
@Component("deliveryFailures")
public class DeliveryFailures {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);

    private final Notifications notifications;

    public DeliveryFailures(Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * Retrying cannot help: the provider refused the request itself (a 4xx other than 429, e.g.
     * Twilio code 21211 invalid number; the mail server refused the address), or the notification
     * cannot be sent as it stands, or it no longer exists.
     */
    public boolean isPermanent(Exchange exchange) {
        Throwable error = caught(exchange);
        ProviderFailure provider = find(error, ProviderFailure.class);
        if (provider != null) {
            return provider.isPermanent();
        }
        return find(error, PermanentDeliveryException.class) != null || find(error, NotFoundException.class) != null;
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
        String id = exchange.getMessage().getHeader("notificationId", String.class);
        if (id == null) {
            return;
        }
        notifications.failed(id, reason(caught(exchange)));
    }

    /** The reason as stored and logged: the provider's, classified and with phone numbers masked. */
    static String reason(Throwable error) {
        if (find(error, PermanentDeliveryException.class) != null || find(error, NotFoundException.class) != null) {
            return error.getMessage();
        }
        return ProviderErrors.classify(error).getMessage();
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
