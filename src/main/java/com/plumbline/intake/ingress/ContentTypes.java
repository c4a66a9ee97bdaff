package com.plumbline.intake.ingress;

import java.util.Locale;

/** Each webhook accepts one media type; anything else is a 415. */
final class ContentTypes {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private ContentTypes() {
    }

    static void require(String contentType, String expected) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(expected)) {
            throw WebhookRejectedException.unsupportedMediaType("Expected Content-Type " + expected);
        }
    }
}
