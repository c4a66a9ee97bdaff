package com.plumbline.intake.ops;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The actuator's own server (management.server.port: health, Prometheus, Hawtio, Jolokia). Says
 * at start where operators find it, since Spring Boot names its port but not the address it
 * listens on, and keeps its application context: that is where what it serves is registered.
 */
@Component
public class ManagementServer implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    private static final String NAMESPACE = "management";

    private volatile WebServerApplicationContext context;

    /** Spring Boot's management child context publishes this too, and its events reach this context. */
    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        WebServerApplicationContext started = event.getApplicationContext();
        if (!WebServerApplicationContext.hasServerNamespace(started, NAMESPACE)) {
            return;
        }
        context = started;
        String address = started.getEnvironment().getProperty("management.server.address", "all interfaces");
        String basePath = started.getEnvironment().getProperty("management.endpoints.web.base-path", "/actuator");
        LOG.info("Operations (health, Prometheus, Hawtio, Jolokia) on port {} of {}, under {}",
                event.getWebServer().getPort(), address, basePath);
    }

    /** The management server's context, once it runs on a port of its own; empty when the actuator shares the service port. */
    public Optional<WebServerApplicationContext> context() {
        return Optional.ofNullable(context);
    }
}
