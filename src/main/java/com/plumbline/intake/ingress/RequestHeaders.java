package com.plumbline.intake.ingress;

import java.util.Collection;

/**
 * HTTP headers as Camel hands them over: a header sent twice arrives as a list. A credential or a
 * media type given twice is ambiguous (which one was checked?), so it is refused, never guessed.
 */
final class RequestHeaders {

    private RequestHeaders() {
    }

    /** The header's only value, null when absent; a 400 when it was sent more than once. */
    static String single(Object value, String name) {
        if (value instanceof Collection<?> values) {
            if (values.size() > 1) {
                throw WebhookRejectedException.badRequest(name + " must be sent once");
            }
            return values.isEmpty() ? null : String.valueOf(values.iterator().next());
        }
        return value == null ? null : value.toString();
    }
}
