package com.plumbline.intake.outbound;

import java.io.IOException;

import com.twilio.exception.ApiException;
import jakarta.mail.SendFailedException;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * The one rule for provider errors, for every outbound adapter (SMS, email, AI call) and so for
 * jobs and notifications alike: a 429 (slow down), a 5xx, or no answer at all (I/O, timeout,
 * SMTP down) is passing and retried; any other 4xx is the request's own fault and permanent, as
 * is a mail server refusing the address.
 */
@Component("providerErrors")
public class ProviderErrors {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int MAX_TEXT = 500;

    /** In an adapter's doCatch: the caught error, classified, thrown back to the caller. */
    public void rethrow(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        throw classify(caught);
    }

    public static ProviderFailure classify(Throwable error) {
        if (error instanceof ProviderFailure failure) {
            return failure;
        }
        ApiException twilio = find(error, ApiException.class);
        if (twilio != null) {
            Integer status = twilio.getStatusCode();
            return new ProviderFailure("Twilio", status, isPermanent(status),
                    "Twilio " + status + " code " + twilio.getCode() + ": " + text(twilio.getMessage()));
        }
        HttpOperationFailedException http = find(error, HttpOperationFailedException.class);
        if (http != null) {
            int status = http.getStatusCode();
            return new ProviderFailure("HTTP", status, isPermanent(status),
                    "HTTP " + status + " " + text(http.getStatusText()));
        }
        SendFailedException refused = find(error, SendFailedException.class);
        if (refused != null) {
            return new ProviderFailure("SMTP", null, true, "SMTP refused the address: " + text(refused.getMessage()));
        }
        Throwable root = root(error);
        String provider = find(error, jakarta.mail.MessagingException.class) != null ? "SMTP"
                : find(error, IOException.class) != null ? "I/O" : "unknown";
        return new ProviderFailure(provider, null, false, root == null ? "unknown error"
                : root.getClass().getSimpleName() + ": " + text(root.getMessage()));
    }

    /** 429 and 5xx are passing; other 4xx permanent; no status (no answer) is passing. */
    public static boolean isPermanent(Integer status) {
        return status != null && status >= 400 && status < 500 && status != TOO_MANY_REQUESTS;
    }

    private static String text(String message) {
        String masked = Redaction.maskPhoneNumbers(message == null ? "" : message.replaceAll("[\\r\\n]+", " "));
        return masked.length() > MAX_TEXT ? masked.substring(0, MAX_TEXT) : masked;
    }

    private static Throwable root(Throwable error) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
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
