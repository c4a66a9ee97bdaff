package com.plumbline.intake.ingress;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a failed webhook into its answer: the status of a {@link WebhookRejectedException}, or
 * 503 with Retry-After when we could not store the message (the provider retries; nothing was
 * acknowledged). Never a stack trace to the caller.
 */
@Component("webhookErrors")
public class WebhookErrors {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookErrors.class);

    public Map<String, Object> describe(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> body = new LinkedHashMap<>();
        if (cause instanceof WebhookRejectedException rejected) {
            LOG.info("Rejected {} webhook: {} {}", exchange.getProperty("provider"), rejected.getStatus(), rejected.getMessage());
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, rejected.getStatus());
            body.put("error", rejected.getError());
            body.put("message", rejected.getMessage());
        } else {
            LOG.warn("Could not store {} webhook, asking the provider to retry", exchange.getProperty("provider"), cause);
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
            exchange.getMessage().setHeader("Retry-After", "5");
            body.put("error", "unavailable");
            body.put("message", "The message could not be stored; retry later");
        }
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return body;
    }
}
