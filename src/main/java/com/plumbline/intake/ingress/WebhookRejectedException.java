package com.plumbline.intake.ingress;

/**
 * A webhook we refuse, with the HTTP status the caller gets and a short machine-readable code.
 * The shared error handling (routes/error-handling.camel.yaml) turns it into a JSON answer.
 */
public class WebhookRejectedException extends RuntimeException {

    private final int status;
    private final String error;

    /** @param message a fixed text of ours: line breaks and other control characters are dropped all the same */
    public WebhookRejectedException(int status, String error, String message) {
        super(message == null ? null : message.replaceAll("\\p{Cntrl}", ""));
        this.status = status;
        this.error = error;
    }

    public static WebhookRejectedException badRequest(String message) {
        return new WebhookRejectedException(400, "bad_request", message);
    }

    public static WebhookRejectedException unauthorized(String message) {
        return new WebhookRejectedException(401, "unauthorized", message);
    }

    public static WebhookRejectedException forbidden(String message) {
        return new WebhookRejectedException(403, "forbidden", message);
    }

    public static WebhookRejectedException payloadTooLarge(String message) {
        return new WebhookRejectedException(413, "payload_too_large", message);
    }

    public static WebhookRejectedException unsupportedMediaType(String message) {
        return new WebhookRejectedException(415, "unsupported_media_type", message);
    }

    public int getStatus() {
        return status;
    }

    public String getError() {
        return error;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        // an expected outcome of bad input, not a bug: no stack trace to collect
        return this;
    }
}
