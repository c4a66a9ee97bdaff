package com.plumbline.intake.ops;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpHeaderFilterStrategy;
import org.springframework.stereotype.Component;

/**
 * The webhooks' header filter (camel.component.platform-http.header-filter-strategy): Camel's
 * usual HTTP one, and the request id (Camel's breadcrumb, {@code camel.breadcrumbId} on every log
 * line of one webhook's processing) neither taken from the caller, who could otherwise write what
 * they like into our logs, nor sent back. Camel gives each request its own from the exchange id.
 */
@Component("requestIdHeaders")
public class RequestIdHeaders extends HttpHeaderFilterStrategy {

    public RequestIdHeaders() {
        // HttpHeaderFilterStrategy compares names in lower case
        getInFilter().add(Exchange.BREADCRUMB_ID.toLowerCase());
        getOutFilter().add(Exchange.BREADCRUMB_ID.toLowerCase());
    }
}
